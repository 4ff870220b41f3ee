{{/*
Chart name, truncated to 63 characters (DNS label).
*/}}
{{- define "integration.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name. The release is usually called "integration" by the generator, so the
release name alone is used when it already contains the chart name.
*/}}
{{- define "integration.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "integration.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels for every object. Pod templates use integration.podLabels instead (no chart version).
*/}}
{{- define "integration.labels" -}}
helm.sh/chart: {{ include "integration.chart" . }}
{{ include "integration.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/component: integration
app.kubernetes.io/part-of: envforge
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: name and instance only.
*/}}
{{- define "integration.selectorLabels" -}}
app.kubernetes.io/name: {{ include "integration.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "integration.podLabels" -}}
{{ include "integration.selectorLabels" . }}
app.kubernetes.io/component: integration
app.kubernetes.io/part-of: envforge
{{- end }}

{{/*
Labels of the helm test pod: it must not match the Services' selectors.
*/}}
{{- define "integration.testSelectorLabels" -}}
app.kubernetes.io/name: {{ include "integration.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "integration.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "integration.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "integration.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag }}
{{- end }}
{{- end }}

{{/*
Where the product lives in the image: /home/wso2carbon/wso2mi-<x.y.z>, the version taken from
the image tag (4.3.0, 4.3.0.12, 4.3.0-rocky all give wso2mi-4.3.0) unless productHome is set.
*/}}
{{- define "integration.productHome" -}}
{{- if .Values.productHome }}
{{- .Values.productHome }}
{{- else }}
{{- $version := regexFind "^[0-9]+\\.[0-9]+\\.[0-9]+" .Values.image.tag }}
{{- if not $version }}
{{- fail (printf "values.yaml: image.tag %q does not start with a product version x.y.z; set productHome, for example /home/wso2carbon/wso2mi-4.3.0" .Values.image.tag) }}
{{- end }}
{{- printf "%s/wso2mi-%s" .Values.securityContext.homeDir $version }}
{{- end }}
{{- end }}



{{/*
JVM heap: a fixed share (jvm.heapPercent) of the container memory limit, in MiB.
The schema restricts resources.limits.memory to Mi or Gi.
*/}}
{{- define "integration.heapMi" -}}
{{- $mem := .Values.resources.limits.memory }}
{{- $n := regexFind "^[0-9]+" $mem | int }}
{{- $mi := ternary (mul $n 1024) $n (hasSuffix "Gi" $mem) }}
{{- div (mul $mi .Values.jvm.heapPercent) 100 }}
{{- end }}

{{- define "integration.jvmOpts" -}}
{{- $heap := include "integration.heapMi" . }}
{{- printf "-Xms%sm -Xmx%sm" $heap $heap }}
{{- end }}

{{/*
JDBC settings by database.type.
*/}}
{{- define "integration.jdbcUrl" -}}
{{- $db := .root.Values.database }}
{{- if eq $db.type "postgres" }}
{{- printf "jdbc:postgresql://%s:%d/%s?sslmode=%s" $db.host (int $db.port) .name $db.sslMode }}
{{- else }}
{{- printf "jdbc:mysql://%s:%d/%s?sslMode=%s&useUnicode=true&characterEncoding=UTF-8" $db.host (int $db.port) .name (ternary "REQUIRED" "DISABLED" (ne $db.sslMode "disable")) }}
{{- end }}
{{- end }}


{{- define "integration.dbDriver" -}}
{{- ternary "org.postgresql.Driver" "com.mysql.cj.jdbc.Driver" (eq .Values.database.type "postgres") }}
{{- end }}

{{/*
Pod Security Standard "restricted" for every container.
*/}}
{{- define "integration.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
Credentials from the Secrets the secret store fills; deployment.toml reads them as $env{...}.
*/}}
{{- define "integration.secretEnv" -}}
- name: DB_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: username
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: password
- name: ADMIN_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.existingSecret }}
      key: admin-username
- name: ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.existingSecret }}
      key: admin-password
- name: KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.existingSecret }}
      key: keystore-password
- name: ENCRYPTION_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.existingSecret }}
      key: encryption-key
{{- end }}


{{/*
The keystore blocks of deployment.toml: the environment's keystore and truststore (keystore.existingSecret),
never the image's wso2carbon.jks / client-truststore.jks (public keys, password wso2carbon). file_name is relative:
Carbon's templates join it to ${carbon.home}/repository/resources/security/ (carbon.xml.j2 KeyStore/TrustStore), while
the Synapse transports open it relative to the product home, the working directory (default.json:
transport.http.listener.keystore.location = $ref{keystore.primary.file_name}); the Secret is mounted under both
(integration.keystoreMounts), so envforge/<file> resolves either way. truststore.jks holds the environment's CA under
alias "ca" (cert-manager, keystore.go addCAsToJKSStore).
*/}}
{{- define "integration.keystoreToml" -}}
{{- range $store := list "tls" "primary" "internal" }}
[keystore.{{ $store }}]
file_name = "{{ include "integration.keystoreDir" $ }}/keystore.jks"
type = "JKS"
password = "$env{KEYSTORE_PASSWORD}"
alias = {{ $.Values.keystore.keyAlias | quote }}
key_password = "$env{KEYSTORE_PASSWORD}"
{{ end }}
[truststore]
file_name = "{{ include "integration.keystoreDir" $ }}/truststore.jks"
type = "JKS"
password = "$env{KEYSTORE_PASSWORD}"
{{- end }}

{{/* Folder of the mounted keystore Secret, relative to both roots of keystoreToml. */}}
{{- define "integration.keystoreDir" -}}
envforge
{{- end }}

{{/*
The stores build-stores.sh made from the keystore Secret, mounted read-only twice: under repository/resources/security/ and under the product home
(see keystoreToml). Only its two stores are projected; tls.key and the PEM files stay out of the pod's file system.
*/}}
{{- define "integration.keystoreMounts" -}}
{{- $home := include "integration.productHome" . -}}
- name: keystores
  mountPath: {{ $home }}/repository/resources/security/{{ include "integration.keystoreDir" . }}
  readOnly: true
- name: keystores
  mountPath: {{ $home }}/{{ include "integration.keystoreDir" . }}
  readOnly: true
{{- end }}

{{- define "integration.keystoreVolume" -}}
# Read by the init container only (build-stores.sh); the product reads the stores it builds.
- name: keystore-secret
  secret:
    secretName: {{ .Values.keystore.existingSecret }}
    items:
      - key: keystore.jks
        path: keystore.jks
      - key: truststore.jks
        path: truststore.jks
# keystore.jks and truststore.jks as build-stores.sh leaves them: in memory, like a Secret volume.
- name: keystores
  emptyDir:
    medium: Memory
    sizeLimit: 8Mi
{{- end }}

{{/* The init container's view of the keystore Secret and of the stores it builds (templates/_stores.tpl). */}}
{{- define "integration.buildStoresMounts" -}}
- name: keystore-secret
  mountPath: /keystore-secret
  readOnly: true
- name: keystores
  mountPath: /keystores
{{- end }}
