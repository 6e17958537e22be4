{{- define "shared.name" -}}from-parent-{{ .Chart.Name }}{{- end }}
