{{- define "lib.label" -}}lib:{{ .Chart.Name }}:{{ .Values.global.region }}{{- end }}
