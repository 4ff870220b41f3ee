{{/*
Chart name, truncated to 63 characters (DNS label).
*/}}
{{- define "api-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name. The release is usually called "api-gateway" by the generator, so the
release name alone is used when it already contains the chart name.
Kept to 52 characters: StatefulSet pods get a controller-revision-hash label of <name>-<hash>.
*/}}
{{- define "api-gateway.fullname" -}}
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

{{- define "api-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels for every object. Pod templates use api-gateway.podLabels instead (no chart version).
*/}}
{{- define "api-gateway.labels" -}}
helm.sh/chart: {{ include "api-gateway.chart" . }}
{{ include "api-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: envforge
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: name and instance only.
*/}}
{{- define "api-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "api-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "api-gateway.podLabels" -}}
{{ include "api-gateway.selectorLabels" . }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: envforge
{{- end }}

{{/*
Labels of the helm test pod: it must not match the Services' selectors.
*/}}
{{- define "api-gateway.testSelectorLabels" -}}
app.kubernetes.io/name: {{ include "api-gateway.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "api-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "api-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "api-gateway.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag }}
{{- end }}
{{- end }}

{{/*
Where the product lives in the image: /home/wso2carbon/wso2am-<x.y.z>, the version taken from
the image tag (4.3.0, 4.3.0.12, 4.3.0-rocky all give wso2am-4.3.0) unless productHome is set.
*/}}
{{- define "api-gateway.productHome" -}}
{{- if .Values.productHome }}
{{- .Values.productHome }}
{{- else }}
{{- $version := regexFind "^[0-9]+\\.[0-9]+\\.[0-9]+" .Values.image.tag }}
{{- if not $version }}
{{- fail (printf "values.yaml: image.tag %q does not start with a product version x.y.z; set productHome, for example /home/wso2carbon/wso2am-4.3.0" .Values.image.tag) }}
{{- end }}
{{- printf "%s/wso2am-%s" .Values.securityContext.homeDir $version }}
{{- end }}
{{- end }}

{{- define "api-gateway.peersService" -}}
{{- printf "%s-peers" (include "api-gateway.fullname" .) }}
{{- end }}

{{/*
DNS name of peer pod N (StatefulSet ordinal) through the headless Service.
*/}}
{{- define "api-gateway.peerHost" -}}
{{- printf "%s-%d.%s.%s.svc.cluster.local" (include "api-gateway.fullname" .root) (int .ordinal) (include "api-gateway.peersService" .root) .root.Release.Namespace }}
{{- end }}

{{/*
JVM heap: a fixed share (jvm.heapPercent) of the container memory limit, in MiB.
The schema restricts resources.limits.memory to Mi or Gi.
*/}}
{{- define "api-gateway.heapMi" -}}
{{- $mem := .Values.resources.limits.memory }}
{{- $n := regexFind "^[0-9]+" $mem | int }}
{{- $mi := ternary (mul $n 1024) $n (hasSuffix "Gi" $mem) }}
{{- div (mul $mi .Values.jvm.heapPercent) 100 }}
{{- end }}

{{- define "api-gateway.jvmOpts" -}}
{{- $heap := include "api-gateway.heapMi" . }}
{{- printf "-Xms%sm -Xmx%sm" $heap $heap }}
{{- end }}

{{/*
JDBC settings by database.type. API Manager names PostgreSQL "postgre" in deployment.toml.
*/}}
{{- define "api-gateway.jdbcUrl" -}}
{{- $db := .root.Values.database }}
{{- if eq $db.type "postgres" }}
{{- printf "jdbc:postgresql://%s:%d/%s?sslmode=%s" $db.host (int $db.port) .name $db.sslMode }}
{{- else }}
{{- printf "jdbc:mysql://%s:%d/%s?sslMode=%s&useUnicode=true&characterEncoding=UTF-8" $db.host (int $db.port) .name (ternary "REQUIRED" "DISABLED" (ne $db.sslMode "disable")) }}
{{- end }}
{{- end }}

{{- define "api-gateway.dbType" -}}
{{- ternary "postgre" "mysql" (eq .Values.database.type "postgres") }}
{{- end }}

{{- define "api-gateway.dbDriver" -}}
{{- ternary "org.postgresql.Driver" "com.mysql.cj.jdbc.Driver" (eq .Values.database.type "postgres") }}
{{- end }}

{{/*
Pod Security Standard "restricted" for every container.
*/}}
{{- define "api-gateway.containerSecurityContext" -}}
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
{{- define "api-gateway.secretEnv" -}}
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
Spec shared by the internal load-balancer Services. Local traffic policy keeps the client
address, so the NetworkPolicy can admit only the on-prem CIDRs.
*/}}
{{- define "api-gateway.internalLbSpec" -}}
type: LoadBalancer
externalTrafficPolicy: Local
loadBalancerSourceRanges:
  {{- toYaml .Values.internalLoadBalancer.sourceRanges | nindent 2 }}
selector:
  {{- include "api-gateway.selectorLabels" . | nindent 2 }}
ports:
  - name: gw-https
    port: {{ .Values.internalLoadBalancer.gatewayPort }}
    targetPort: gw-https
    protocol: TCP
  - name: gw-wss
    port: 8099
    targetPort: gw-wss
    protocol: TCP
  - name: servlet-https
    port: 9443
    targetPort: servlet-https
    protocol: TCP
{{- end }}

{{/*
The keystore blocks of deployment.toml: the environment's keystore and truststore (keystore.existingSecret),
never the image's wso2carbon.jks / client-truststore.jks (public keys, password wso2carbon). file_name is relative:
Carbon's templates join it to ${carbon.home}/repository/resources/security/ (carbon.xml.j2 KeyStore/TrustStore), while
the Synapse transports open it relative to the product home, the working directory (default.json:
transport.http.listener.keystore.location = $ref{keystore.primary.file_name}); the Secret is mounted under both
(api-gateway.keystoreMounts), so envforge/<file> resolves either way. truststore.jks holds the environment's CA under
alias "ca" (cert-manager, keystore.go addCAsToJKSStore).
*/}}
{{- define "api-gateway.keystoreToml" -}}
{{- range $store := list "tls" "primary" "internal" }}
[keystore.{{ $store }}]
file_name = "{{ include "api-gateway.keystoreDir" $ }}/keystore.jks"
type = "JKS"
password = "$env{KEYSTORE_PASSWORD}"
alias = {{ $.Values.keystore.keyAlias | quote }}
key_password = "$env{KEYSTORE_PASSWORD}"
{{ end }}
[truststore]
file_name = "{{ include "api-gateway.keystoreDir" $ }}/truststore.jks"
type = "JKS"
password = "$env{KEYSTORE_PASSWORD}"
{{- end }}

{{/* Folder of the mounted keystore Secret, relative to both roots of keystoreToml. */}}
{{- define "api-gateway.keystoreDir" -}}
envforge
{{- end }}

{{/*
The stores build-stores.sh made from the keystore Secret, mounted read-only twice: under repository/resources/security/ and under the product home
(see keystoreToml). Only its two stores are projected; tls.key and the PEM files stay out of the pod's file system.
*/}}
{{- define "api-gateway.keystoreMounts" -}}
{{- $home := include "api-gateway.productHome" . -}}
- name: keystores
  mountPath: {{ $home }}/repository/resources/security/{{ include "api-gateway.keystoreDir" . }}
  readOnly: true
- name: keystores
  mountPath: {{ $home }}/{{ include "api-gateway.keystoreDir" . }}
  readOnly: true
{{- end }}

{{- define "api-gateway.keystoreVolume" -}}
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
{{- define "api-gateway.buildStoresMounts" -}}
- name: keystore-secret
  mountPath: /keystore-secret
  readOnly: true
- name: keystores
  mountPath: /keystores
{{- end }}
