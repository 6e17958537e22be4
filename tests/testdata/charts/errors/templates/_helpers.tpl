{{- define "errors.req" -}}
{{ required "inner value is required" .Values.innerMissing }}
{{- end }}
{{- define "errors.nil" -}}
{{ .Values.missing.deep }}
{{- end }}
{{- define "errors.rec" -}}
{{ include "errors.rec" . }}
{{- end }}
