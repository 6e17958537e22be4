{{- define "shared.name" -}}from-child{{- end }}
