{{/*
Metrics of API Manager in Prometheus format. The product serves none itself, so the Prometheus JMX exporter
(io.prometheus.jmx:jmx_prometheus_javaagent, which `envforge images` adds to the derived image at metrics.agentJar)
runs in its JVM as a java agent: `-javaagent:<jar>=<port>:<config>` (jmx_exporter docs, "Java Agent": [host:]port,
then the configuration file; no host binds 0.0.0.0) serves /metrics on metrics.port. The agent itself adds the JVM's
metrics (jvm_memory_used_bytes, jvm_threads_current, jvm_gc_collection_seconds, process_cpu_seconds_total: the
client_java JVM collectors it registers); the rules below add the gateway's pass-through transports.
*/}}

{{/* The java option that starts the agent: bin/api-manager.sh passes $JAVA_OPTS to java. */}}
{{- define "api-gateway.metricsJavaAgent" -}}
{{ .Values.metrics.agentJar }}={{ .Values.metrics.port }}:/etc/jmx-exporter/config.yaml
{{- end }}

{{/*
start.sh, the api-manager container's command: it adds the JMX exporter agent to JAVA_OPTS only when the jar is in the
image, then execs bin/api-manager.sh (its arguments), which passes $JAVA_OPTS to java (wso2/product-apim v4.3.0,
modules/distribution/product/src/main/startup-scripts/api-manager.sh). Only the derived image envforge images builds
carries the jar; with a stock or self-built image a -javaagent naming a missing jar stops the JVM at start ("Error
opening zip file or JAR manifest missing"), so without the jar the product starts without the agent and /metrics is not
served. METRICS_JAVA_AGENT is <jar>=<port>:<config>, the agent's own argument format.
*/}}
{{- define "api-gateway.startScript" -}}
#!/bin/sh
jar="${METRICS_JAVA_AGENT%%=*}"
if [ -f "$jar" ]; then
  JAVA_OPTS="-javaagent:$METRICS_JAVA_AGENT${JAVA_OPTS:+ $JAVA_OPTS}"
  export JAVA_OPTS
  echo "envforge start.sh: metrics: JMX exporter agent $jar started with the JVM (/metrics on its port)"
else
  echo "envforge start.sh: metrics: no $jar in this image (only envforge images adds it): starting without the JMX exporter agent, /metrics is not served"
fi
exec "$@"
{{- end }}

{{/*
The exporter's configuration. Synapse registers one MBean per pass-through listener and sender,
org.apache.synapse:Type=Transport,Name=passthru-<http|https>-<receiver|sender> (MBeanRegistrar: "Type=" category
",Name=" id; the key order of the pattern below), with the attributes of
org.apache.synapse.transport.passthru.jmx.TransportViewMBean (wso2/wso2-synapse). Only those MBeans are read
(includeObjectNames), so a scrape stays cheap.
*/}}
{{- define "api-gateway.jmxExporterConfig" -}}
# Prometheus JMX exporter (java agent) configuration of API Manager; see charts/api-gateway/templates/_metrics.tpl.
lowercaseOutputLabelNames: true
includeObjectNames:
  - "org.apache.synapse:Type=Transport,*"
rules:
{{- range $attr, $name := dict "MessagesReceived" "messages_received" "MessagesSent" "messages_sent" "FaultsReceiving" "faults_receiving" "FaultsSending" "faults_sending" "TimeoutsReceiving" "timeouts_receiving" "TimeoutsSending" "timeouts_sending" "BytesReceived" "bytes_received" "BytesSent" "bytes_sent" }}
  - pattern: 'org.apache.synapse<Type=Transport, Name=passthru-(\w+)-(receiver|sender)><>{{ $attr }}'
    name: wso2am_transport_{{ $name }}_total
    type: COUNTER
    help: "Synapse pass-through transport {{ $attr }} (TransportViewMBean) since start"
    labels:
      transport: $1
      direction: $2
{{- end }}
{{- range $attr, $name := dict "ActiveThreadCount" "active_threads" "QueueSize" "queue_size" }}
  - pattern: 'org.apache.synapse<Type=Transport, Name=passthru-(\w+)-(receiver|sender)><>{{ $attr }}'
    name: wso2am_transport_{{ $name }}
    type: GAUGE
    help: "Synapse pass-through transport {{ $attr }} (TransportViewMBean)"
    labels:
      transport: $1
      direction: $2
{{- end }}
{{- end }}
