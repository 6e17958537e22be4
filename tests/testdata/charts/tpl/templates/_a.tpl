{{- define "tpl.emptyOverride" }}   {{ end }}
