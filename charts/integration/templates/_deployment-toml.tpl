{{/*
deployment.toml of Micro Integrator. Port offset 10 gives the product's usual ports: HTTP 8290,
HTTPS 8253, management API 9164, internal APIs (probes) 9201. The replicas form a cluster that
coordinates through the database (scheduled tasks and message processors run on one node).
Secrets are read from environment variables ($env{...}).
*/}}
{{- define "integration.deploymentToml" -}}
{{- $v := .Values }}
[server]
hostname = "{{ include "integration.fullname" . }}.{{ .Release.Namespace }}.svc.cluster.local"
offset = 10

[super_admin]
username = "$env{ADMIN_USERNAME}"
password = "$env{ADMIN_PASSWORD}"
create_admin_account = true

[internal_apis.file_user_store]
enable = true

[[internal_apis.users]]
user.name = "$env{ADMIN_USERNAME}"
user.password = "$env{ADMIN_PASSWORD}"

{{/* The environment's own keys (chart README "Keystores"; integration.keystoreToml). */ -}}
{{ include "integration.keystoreToml" . | trim }}

[[datasource]]
id = "WSO2_COORDINATION_DB"
url = {{ include "integration.jdbcUrl" (dict "root" . "name" $v.database.name) | quote }}
username = "$env{DB_USERNAME}"
password = "$env{DB_PASSWORD}"
driver = {{ include "integration.dbDriver" . | quote }}
pool_options.maxActive = {{ $v.database.maxActive }}
pool_options.maxWait = 60000
pool_options.validationQuery = "SELECT 1"
pool_options.testOnBorrow = true

[cluster_config]
enable = true
node_id = "$env{POD_NAME}"
{{- end }}
