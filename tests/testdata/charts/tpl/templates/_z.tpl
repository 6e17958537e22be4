{{- define "tpl.dup" }}from z{{ end }}
{{- define "tpl.emptyOverride" }}kept{{ end }}
