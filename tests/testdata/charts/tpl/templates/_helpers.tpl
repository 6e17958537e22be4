{{- define "tpl.name" -}}
{{ .Chart.Name }}-{{ .Values.name }}
{{- end }}
{{- define "tpl.withMissing" -}}
[{{ .Values.nothing }}]
{{- end }}
{{- define "tpl.list" -}}
{{- range . }}
- {{ . }}
{{- end }}
{{- end }}
{{- define "tpl.dup" }}from helpers{{ end }}
{{- define "tpl.templateName" }}{{ .Template.Name }}{{ end }}
