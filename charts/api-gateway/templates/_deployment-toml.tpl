{{/*
deployment.toml of peer .ordinal of the all-in-one HA group. Every peer runs the full API Manager
(control plane, key manager, gateway, traffic manager). Peers know each other through the headless
Service: each publishes throttle events to every traffic manager (url_group, loadbalance) and
duplicates received events to the other peers' event hubs (event_duplicate_url), as in the
official all-in-one HA pair. Secrets are read from environment variables ($env{...}).
*/}}
{{- define "api-gateway.deploymentToml" -}}
{{- $root := .root }}
{{- $v := $root.Values }}
{{- $self := int .ordinal }}
{{- $replicas := int $v.replicaCount }}
[server]
# The portals' (publisher, devportal, admin, carbon) host name: the servlet transport builds their URLs and
# login redirects from it. The gateway's own host name is in [[apim.gateway.environment]] below.
hostname = {{ (default $v.hostname $v.portalHostname) | quote }}
node_ip = "$env{NODE_IP}"
mode = "single"
base_path = "${carbon.protocol}://${carbon.host}:${carbon.management.port}"
server_role = "default"
offset = 0

[super_admin]
username = "$env{ADMIN_USERNAME}"
password = "$env{ADMIN_PASSWORD}"
create_admin_account = true

[user_store]
type = "database_unique_id"

[database.apim_db]
type = {{ include "api-gateway.dbType" $root | quote }}
url = {{ include "api-gateway.jdbcUrl" (dict "root" $root "name" $v.database.apimDb) | quote }}
username = "$env{DB_USERNAME}"
password = "$env{DB_PASSWORD}"
driver = {{ include "api-gateway.dbDriver" $root | quote }}

[database.apim_db.pool_options]
maxActive = {{ $v.database.maxActive }}
maxWait = 60000
validationQuery = "SELECT 1"
testOnBorrow = true

[database.shared_db]
type = {{ include "api-gateway.dbType" $root | quote }}
url = {{ include "api-gateway.jdbcUrl" (dict "root" $root "name" $v.database.sharedDb) | quote }}
username = "$env{DB_USERNAME}"
password = "$env{DB_PASSWORD}"
driver = {{ include "api-gateway.dbDriver" $root | quote }}

[database.shared_db.pool_options]
maxActive = {{ $v.database.maxActive }}
maxWait = 60000
validationQuery = "SELECT 1"
testOnBorrow = true

{{/* The environment's own keys (chart README "Keystores"): keystore.jks and truststore.jks of keystore.existingSecret,
mounted at repository/resources/security/envforge/ (Carbon joins file_name to ${carbon.home}/repository/resources/security/,
e.g. the servlet transport's certificateKeystoreFile) and at envforge/ under the product home (paths read relative to
it). Both stores are encrypted with keystore-password, and cert-manager encrypts the key entry with the same password
(pkg/controller/certificates/issuing/internal/keystore.go, encodeJKSKeystore). One key serves TLS (the gateway's and
the portals' certificate), signing (JWTs, RS256: an RSA key) and internal encryption. */ -}}
{{ include "api-gateway.keystoreToml" $root | trim }}

[encryption]
internal_crypto_provider = "org.wso2.carbon.crypto.provider.SymmetricKeyInternalCryptoProvider"
key = "$env{ENCRYPTION_KEY}"

# No [transport.https.properties] proxyPort: the internal load balancer serves the servlet transport on 9443
# itself (internalLoadBalancer: port 9443 -> servlet-https) and port 443 on the gateway (8243), so the portals'
# URLs must keep :9443. proxyPort is the port a proxy in front serves the servlet transport on (API Manager docs,
# "Configuring the Proxy Server and the Load Balancer", deployment.toml step).

[[apim.gateway.environment]]
name = "Default"
type = "hybrid"
gateway_type = "Regular"
provider = "wso2"
display_in_api_console = true
description = "Gateway of the API layer, reached through the internal load balancer"
show_as_token_endpoint_url = true
service_url = "https://localhost:${mgt.transport.https.port}/services/"
username = "${admin.username}"
password = "${admin.password}"
# Every URL advertised here is one the internal load balancer serves, and it serves TLS only (443 -> 8243, 8099 ->
# 8099, 9443 -> 9443; the firewall and NetworkPolicies admit exactly these). So the plain-HTTP and plain-WebSocket
# entries name the TLS listeners too: a http:// URL on 8280 or ws:// on 9099 would reach nothing from on-prem.
# 8099 is the gateway's secure WebSocket inbound endpoint (repository/deployment/server/synapse-configs/default/
# inbound-endpoints/SecureWebSocketInboundEndpoint.xml in the API Manager distribution; 9099 the plain one).
http_endpoint = "https://{{ $v.hostname }}"
https_endpoint = "https://{{ $v.hostname }}"
ws_endpoint = "wss://{{ $v.hostname }}:8099"
wss_endpoint = "wss://{{ $v.hostname }}:8099"

[apim.key_manager]
service_url = "https://localhost:${mgt.transport.https.port}/services/"
username = "$ref{super_admin.username}"
password = "$ref{super_admin.password}"

[apim.devportal]
url = "https://{{ default $v.hostname $v.portalHostname }}:9443/devportal"

[apim.sync_runtime_artifacts.gateway]
gateway_labels = ["Default"]

[apim.throttling]
throttle_decision_endpoints = ["tcp://localhost:5672"]
{{- $dups := list }}
{{- range $i := until $replicas }}
{{- if ne $i $self }}
{{- $dups = append $dups (printf "tcp://%s:5672" (include "api-gateway.peerHost" (dict "root" $root "ordinal" $i))) }}
{{- end }}
{{- end }}
event_duplicate_url = {{ toJson $dups }}
{{- range $i := until $replicas }}
{{- $host := include "api-gateway.peerHost" (dict "root" $root "ordinal" $i) }}

[[apim.throttling.url_group]]
traffic_manager_urls = ["tcp://{{ $host }}:9611"]
traffic_manager_auth_urls = ["ssl://{{ $host }}:9711"]
type = "loadbalance"
{{- end }}

[system.parameter]
"envforge.integration.url" = "http://{{ $v.integration.host }}:{{ $v.integration.port }}"

[database.local]
url = "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE"
{{- include "api-gateway.loggingToml" $root }}
{{- end }}
