{{- /* recursion.countdown writes n, n-1, … 1 as a comma list by including itself n levels deep. */ -}}
{{- define "recursion.countdown" -}}
{{- $n := int . -}}
{{- if gt $n 1 -}}{{ $n }},{{ include "recursion.countdown" (sub $n 1) }}{{- else -}}1{{- end -}}
{{- end -}}

{{- /* recursion.even and recursion.odd decide the parity of n by calling each other n times. */ -}}
{{- define "recursion.even" -}}
{{- if eq (int .) 0 -}}true{{- else -}}{{ include "recursion.odd" (sub (int .) 1) }}{{- end -}}
{{- end -}}
{{- define "recursion.odd" -}}
{{- if eq (int .) 0 -}}false{{- else -}}{{ include "recursion.even" (sub (int .) 1) }}{{- end -}}
{{- end -}}

{{- /* recursion.nest wraps a dict in n levels of "child" keys, carrying the level in a dict argument. */ -}}
{{- define "recursion.nest" -}}
{{- if gt (int .left) 0 -}}
{{- $inner := include "recursion.nest" (dict "left" (sub (int .left) 1)) | fromYaml -}}
{{- dict "child" $inner "level" .left | toYaml -}}
{{- else -}}
leaf: true
{{- end -}}
{{- end -}}

{{- /* The cycle first -> second -> third -> first has no way out. */ -}}
{{- define "recursion.first" -}}[{{ include "recursion.second" . }}]{{- end -}}
{{- define "recursion.second" -}}{{ include "recursion.third" . }}{{- end -}}
{{- define "recursion.third" -}}{{ include "recursion.first" . }}{{- end -}}
