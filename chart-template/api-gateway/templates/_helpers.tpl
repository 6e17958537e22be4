{{/*
api-gateway.name is the chart name (or nameOverride), at most 63 characters.
*/}}
{{- define "api-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
api-gateway.fullname is the prefix of every resource name: fullnameOverride, or <release>-<name>
(just <release> when it already contains the name), at most 63 characters.
*/}}
{{- define "api-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
api-gateway.suffixed is the full name with a suffix ("migrate", "test"...), shortened so the result
stays within 63 characters. Call it with (dict "ctx" $ "suffix" "migrate").
*/}}
{{- define "api-gateway.suffixed" -}}
{{- $full := include "api-gateway.fullname" .ctx }}
{{- $keep := int (sub 62 (len .suffix)) }}
{{- printf "%s-%s" ($full | trunc $keep | trimSuffix "-") .suffix }}
{{- end }}

{{/*
api-gateway.chart is the helm.sh/chart label value: <name>-<version>, "+" replaced.
*/}}
{{- define "api-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
api-gateway.version is the app.kubernetes.io/version label: the image tag (or appVersion), reduced to
the characters a label value allows and at most 63 characters.
*/}}
{{- define "api-gateway.version" -}}
{{- $v := default .Chart.AppVersion .Values.image.tag | toString }}
{{- $v = regexReplaceAll "[^A-Za-z0-9_.-]" $v "-" | trunc 63 }}
{{- regexReplaceAll "^[^A-Za-z0-9]+|[^A-Za-z0-9]+$" $v "" }}
{{- end }}

{{/*
api-gateway.selectorLabels are the labels selectors use: name and instance (components add theirs).
*/}}
{{- define "api-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "api-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
api-gateway.labels are the standard labels of every object. Call it with
(dict "ctx" $ "component" "api").
*/}}
{{- define "api-gateway.labels" -}}
helm.sh/chart: {{ include "api-gateway.chart" .ctx }}
{{ include "api-gateway.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ include "api-gateway.version" .ctx | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: statushawk
{{- end }}

{{/*
api-gateway.serviceAccountName is the ServiceAccount the pods run as.
*/}}
{{- define "api-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "api-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
api-gateway.image is the app image reference: repository@digest, or repository:tag (tag defaults to
the chart's appVersion).
*/}}
{{- define "api-gateway.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}
{{- end }}

{{/*
api-gateway.secretName is the Secret holding SECRET_KEY and DATABASE_URL: the existingSecret or the
chart's own.
*/}}
{{- define "api-gateway.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- include "api-gateway.fullname" . }}
{{- end }}
{{- end }}

{{/*
api-gateway.hookSecretName is the Secret the migration hook reads: the existingSecret, or a hook-only
copy of the chart's Secret (created before the Job, since the chart's Secret does not exist yet at
pre-install time).
*/}}
{{- define "api-gateway.hookSecretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- include "api-gateway.suffixed" (dict "ctx" . "suffix" "hook-env") }}
{{- end }}
{{- end }}

{{/*
api-gateway.postgresqlHost is the Service name of the dev postgresql subchart (it uses the same rule).
*/}}
{{- define "api-gateway.postgresqlHost" -}}
{{- printf "%s-postgresql" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
api-gateway.redisHost is the Service name of the dev redis subchart (it uses the same rule).
*/}}
{{- define "api-gateway.redisHost" -}}
{{- printf "%s-redis" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
api-gateway.databaseUrl is DATABASE_URL: secrets.databaseUrl, or the dev postgresql subchart's URL.
*/}}
{{- define "api-gateway.databaseUrl" -}}
{{- if .Values.secrets.databaseUrl }}
{{- .Values.secrets.databaseUrl }}
{{- else if .Values.postgresql.enabled }}
{{- $auth := .Values.postgresql.auth }}
{{- /* urlquery writes a space as "+", which means "+" in the user-info part: use %20 instead. */}}
{{- $user := urlquery $auth.username | replace "+" "%20" }}
{{- $password := urlquery (toString $auth.password) | replace "+" "%20" }}
{{- printf "postgres://%s:%s@%s:5432/%s" $user $password (include "api-gateway.postgresqlHost" .) (urlquery $auth.database) }}
{{- end }}
{{- end }}

{{/*
api-gateway.probeHost is the Host header of the probes: probes.host, or the first entry of
env.ALLOWED_HOSTS ("*" becomes localhost, a leading "." is dropped). Kubelet would otherwise send the
pod IP, which Django rejects with 400.
*/}}
{{- define "api-gateway.probeHost" -}}
{{- if .Values.probes.host }}
{{- .Values.probes.host }}
{{- else }}
{{- $first := splitList "," (toString (default "" .Values.env.ALLOWED_HOSTS)) | first | trim | trimPrefix "." }}
{{- if or (eq $first "*") (eq $first "") }}localhost{{ else }}{{ $first }}{{ end }}
{{- end }}
{{- end }}

{{/*
api-gateway.validate stops rendering with a message naming the value to set when a required setting
is missing or settings contradict each other. helm lint only logs these; helm template and install fail.
*/}}
{{- define "api-gateway.validate" -}}
{{- $_ := required "env.ALLOWED_HOSTS is required: set it to the comma-separated host names Django serves, e.g. --set env.ALLOWED_HOSTS=api.example.com" .Values.env.ALLOWED_HOSTS }}
{{- if not .Values.secrets.existingSecret }}
{{- $_ = required "secrets.djangoSecretKey is required: set it to the Django SECRET_KEY (--set secrets.djangoSecretKey=...), or set secrets.existingSecret to a Secret that holds SECRET_KEY and DATABASE_URL" .Values.secrets.djangoSecretKey }}
{{- if not .Values.postgresql.enabled }}
{{- $_ = required "secrets.databaseUrl is required: set it to postgres://USER:PASSWORD@HOST:5432/NAME, or set secrets.existingSecret, or enable the dev database with postgresql.enabled=true" .Values.secrets.databaseUrl }}
{{- else if not .Values.secrets.databaseUrl }}
{{- $_ = required "postgresql.auth.password is required when postgresql.enabled=true: set it with --set postgresql.auth.password=..." .Values.postgresql.auth.password }}
{{- end }}
{{- end }}
{{- if and .Values.migrations.enabled (eq .Values.migrations.strategy "hook") .Values.postgresql.enabled }}
{{- fail "migrations.strategy=hook cannot be used with postgresql.enabled=true: a pre-install hook runs before the in-chart database exists. Set migrations.strategy=initContainer for local development, or use an external database" }}
{{- end }}
{{- end }}

{{/*
api-gateway.podSecurityContext is the pod-level part of the Pod Security "restricted" profile.
*/}}
{{- define "api-gateway.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
fsGroup: {{ .Values.securityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
api-gateway.containerSecurityContext is the container-level part of the Pod Security "restricted"
profile, with a read-only root filesystem.
*/}}
{{- define "api-gateway.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
api-gateway.waitForDatabase is the initContainer that waits, at most waitForDatabase.timeoutSeconds,
until the host and port of DATABASE_URL accept TCP connections. It uses the app image (Python is there).
Call it with (dict "ctx" $ "secretName" NAME).
*/}}
{{- define "api-gateway.waitForDatabase" -}}
{{- $ctx := .ctx -}}
- name: wait-for-database
  image: {{ include "api-gateway.image" $ctx | quote }}
  imagePullPolicy: {{ $ctx.Values.image.pullPolicy }}
  command:
    - python
    - -c
    - |
      import os, socket, sys, time
      from urllib.parse import urlparse
      url = urlparse(os.environ["DATABASE_URL"])
      host, port = url.hostname, url.port or 5432
      deadline = time.monotonic() + {{ int $ctx.Values.waitForDatabase.timeoutSeconds }}
      while True:
          try:
              socket.create_connection((host, port), timeout=3).close()
              print(f"database {host}:{port} is reachable")
              sys.exit(0)
          except OSError as err:
              if time.monotonic() > deadline:
                  print(f"database {host}:{port} unreachable after {{ int $ctx.Values.waitForDatabase.timeoutSeconds }}s: {err}", file=sys.stderr)
                  sys.exit(1)
              time.sleep(2)
  env:
    - name: DATABASE_URL
      valueFrom:
        secretKeyRef:
          name: {{ .secretName }}
          key: DATABASE_URL
  securityContext:
    {{- include "api-gateway.containerSecurityContext" $ctx | nindent 4 }}
  resources:
    requests:
      cpu: 10m
      memory: 32Mi
    limits:
      cpu: 100m
      memory: 64Mi
  volumeMounts:
    - name: tmp
      mountPath: /tmp
{{- end }}

{{/*
api-gateway.envVars is the env list of the Django container: the plain env map (sorted by name) and
REDIS_URL for the dev redis subchart.
*/}}
{{- define "api-gateway.envVars" -}}
{{- range $name, $value := .Values.env }}
- name: {{ $name }}
  value: {{ toString $value | quote }}
{{- end }}
{{- if and .Values.redis.enabled (not (hasKey .Values.env "REDIS_URL")) }}
- name: REDIS_URL
  value: {{ printf "redis://%s:6379/0" (include "api-gateway.redisHost" .) | quote }}
{{- end }}
{{- end }}

{{/*
api-gateway.secretData is the data of the chart's Secret and of its hook-only copy: SECRET_KEY,
DATABASE_URL and secrets.extra, base64-encoded, keys sorted.
*/}}
{{- define "api-gateway.secretData" -}}
{{- $data := dict "SECRET_KEY" (toString .Values.secrets.djangoSecretKey) "DATABASE_URL" (include "api-gateway.databaseUrl" .) }}
{{- range $k, $v := .Values.secrets.extra }}
{{- $_ := set $data $k (toString $v) }}
{{- end }}
{{- range $k, $v := $data }}
{{ $k }}: {{ $v | b64enc | quote }}
{{- end }}
{{- end }}
