package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.jmx.JavaAgent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Manager serves Prometheus metrics: the JAVA_OPTS the chart gives the start script start the real JMX exporter
 * agent (jmx_prometheus_javaagent from Maven Central, the version envforge images puts in the image) with the
 * exporter configuration the chart renders, in a small JVM that carries Synapse's transport MBean; the scrape holds
 * the JVM's metrics and the gateway transport's. The pods are annotated with that port and path, and the
 * NetworkPolicy admits the collector there only.
 */
class ApiMetricsTest {

    private static final Pattern AGENT = Pattern.compile("^-javaagent:(/[^=]+\\.jar)=([0-9]+):(/\\S+)$");

    @TempDir
    Path temp;

    private static Map<String, Object> pod(Rendered r) {
        return Yaml.map(r.one("StatefulSet", "api-gateway"), "spec.template");
    }

    private static Map<String, Object> container(Rendered r) {
        return Yaml.list(pod(r), "spec.containers").get(0);
    }

    private static String env(Rendered r, String name) {
        return Yaml.list(container(r), "env").stream()
                .filter(e -> name.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value")))
                .findFirst()
                .orElse("");
    }

    @Test
    void theAgentTheStartOptionNamesServesJvmAndTransportMetricsWithTheRenderedConfig() throws Exception {
        Rendered r = Rendered.of(Scenario.named("api-gateway", "aws"));
        Matcher agent = AGENT.matcher(env(r, "JAVA_OPTS"));
        assertTrue(agent.matches(), "JAVA_OPTS: " + env(r, "JAVA_OPTS"));
        Path jar = Path.of(JavaAgent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertEquals(
                Path.of(agent.group(1)).getFileName(), jar.getFileName(), "the version the image carries is tested");
        // The configuration file the option names is the ConfigMap key mounted there.
        Map<String, Object> mount = Yaml.list(container(r), "volumeMounts").stream()
                .filter(m -> agent.group(3).equals(m.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + agent.group(3)));
        String config = Yaml.map(r.one("ConfigMap", "api-gateway-config"), "data")
                .get(mount.get("subPath"))
                .toString();
        Path file = Files.writeString(temp.resolve("config.yaml"), config);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classes = Path.of(MetricsTarget.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        // As the chart's option, on 127.0.0.1 (host:port:config, the agent's own argument format).
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-javaagent:" + jar + "=127.0.0.1:" + port + ":" + file,
                        "-cp",
                        classes,
                        MetricsTarget.class.getName(),
                        "60000")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertEquals("ready", line, "the JVM did not start with the agent");
            HttpResponse<String> scrape = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            List<String> samples =
                    scrape.body().lines().filter(l -> !l.startsWith("#")).toList();
            // the JVM's own metrics, from the agent
            assertTrue(samples.stream().anyMatch(l -> l.startsWith("jvm_memory_used_bytes{")), scrape.body());
            assertTrue(samples.stream().anyMatch(l -> l.startsWith("jvm_threads_current ")), scrape.body());
            // the gateway transport's, through the chart's rules
            assertTrue(
                    samples.contains(
                            "wso2am_transport_messages_received_total{direction=\"receiver\",transport=\"https\"} 42.0"),
                    String.join("\n", samples));
            assertTrue(
                    samples.contains(
                            "wso2am_transport_faults_receiving_total{direction=\"receiver\",transport=\"https\"} 3.0"),
                    String.join("\n", samples));
            assertTrue(
                    samples.contains("wso2am_transport_active_threads{direction=\"receiver\",transport=\"https\"} 7.0"),
                    String.join("\n", samples));
            // includeObjectNames: no other MBean's attributes (java.lang's default-format names) are read
            assertFalse(samples.stream().anyMatch(l -> l.startsWith("java_lang_")), String.join("\n", samples));
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void podsAreAnnotatedWithTheAgentsPortAndPath() {
        Rendered r = Rendered.of(Scenario.named("api-gateway", "defaults"));
        Map<String, Object> annotations = Yaml.map(pod(r), "metadata.annotations");
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals("/metrics", annotations.get("prometheus.io/path"));
        Matcher agent = AGENT.matcher(env(r, "JAVA_OPTS"));
        assertTrue(agent.matches(), env(r, "JAVA_OPTS"));
        Object metricsPort = Yaml.list(container(r), "ports").stream()
                .filter(p -> "metrics".equals(p.get("name")))
                .findFirst()
                .orElseThrow()
                .get("containerPort");
        assertEquals(agent.group(2), String.valueOf(metricsPort));
        assertEquals(agent.group(2), annotations.get("prometheus.io/port"));
    }

    @Test
    void networkPolicyAdmitsTheCollectorOnTheMetricsPortOnly() {
        Rendered r = Rendered.of(Scenario.named("api-gateway", "aws"));
        List<Map<String, Object>> rules = Yaml.list(r.one("NetworkPolicy", "api-gateway-ingress"), "spec.ingress");
        List<Map<String, Object>> scrape = rules.stream()
                .filter(rule -> Yaml.list(rule, "from").stream()
                        .anyMatch(p -> "10.20.0.0/22".equals(Yaml.get(p, "ipBlock.cidr"))))
                .toList();
        assertEquals(1, scrape.size(), rules.toString());
        assertEquals(
                List.of(Map.of("port", 9404, "protocol", "TCP")), scrape.get(0).get("ports"));
        Rendered defaults = Rendered.of(Scenario.named("api-gateway", "defaults"));
        assertFalse(
                defaults.one("NetworkPolicy", "api-gateway-ingress").toString().contains("9404"));
    }

    @Test
    void turnedOffNoAgentNoAnnotationsNoPort() {
        Rendered r = Rendered.render(Scenario.named("api-gateway", "aws"), c -> c.set("metrics.enabled", "false"));
        assertFalse(r.text().contains("-javaagent") || r.text().contains("prometheus.io/scrape"));
        assertFalse(r.one("NetworkPolicy", "api-gateway-ingress").toString().contains("9404"));
    }
}
