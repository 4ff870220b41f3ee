package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.jmx.JavaAgent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Manager serves Prometheus metrics: the chart's start script adds the real JMX exporter agent to the JAVA_OPTS
 * of bin/api-manager.sh when the jar is in the image (and starts without it otherwise); the agent (jmx_prometheus_javaagent from Maven
 * Central, the version envforge images puts in the image) runs with the exporter configuration the chart renders, in a small JVM that carries Synapse's transport MBean; the scrape holds
 * the JVM's metrics and the gateway transport's. The pods are annotated with that port and path, and the
 * NetworkPolicy admits the collector there only.
 */
class ApiMetricsTest {

    private static final Pattern AGENT = Pattern.compile("^(/[^=]+\\.jar)=([0-9]+):(/\\S+)$");

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

    /** The rendered start script, the agent argument it reads, and the mounted exporter configuration, on disk. */
    private record Start(Path script, Matcher agent, Path config, String command) {}

    private Start start(Rendered r) throws Exception {
        Matcher agent = AGENT.matcher(env(r, "METRICS_JAVA_AGENT"));
        assertTrue(agent.matches(), "METRICS_JAVA_AGENT: " + env(r, "METRICS_JAVA_AGENT"));
        // The container runs /bin/sh <start.sh> <home>/bin/api-manager.sh; start.sh is the ConfigMap key mounted there.
        List<?> command = (List<?>) container(r).get("command");
        assertEquals(3, command.size(), command.toString());
        assertEquals("/bin/sh", command.get(0));
        assertTrue(command.get(2).toString().endsWith("/bin/api-manager.sh"), command.toString());
        Map<String, String> data = Yaml.map(r.one("ConfigMap", "api-gateway-config"), "data").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
        Path script = Files.writeString(
                temp.resolve("start.sh"), data.get(subPath(r, command.get(1).toString())));
        Path config = Files.writeString(temp.resolve("config.yaml"), data.get(subPath(r, agent.group(3))));
        return new Start(script, agent, config, command.get(2).toString());
    }

    /** The ConfigMap key mounted at {@code path} in the api-manager container. */
    private static String subPath(Rendered r, String path) {
        return Yaml.list(container(r), "volumeMounts").stream()
                .filter(m -> path.equals(m.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path))
                .get("subPath")
                .toString();
    }

    /**
     * Runs the rendered start script as the container does, with a stand-in for bin/api-manager.sh that does what the
     * product's script does with the options, {@code java ... $JAVA_OPTS ...} (wso2/product-apim v4.3.0,
     * modules/distribution/product/src/main/startup-scripts/api-manager.sh), here starting {@link MetricsTarget}.
     */
    private Process run(Start s, Path jar, int port) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classes = Path.of(MetricsTarget.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        Path apiManager = Files.writeString(
                temp.resolve("api-manager.sh"),
                "#!/bin/sh\nexec \"" + java + "\" $JAVA_OPTS -cp \"" + classes + "\" " + MetricsTarget.class.getName()
                        + " 60000\n");
        Files.setPosixFilePermissions(apiManager, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb =
                new ProcessBuilder("/bin/sh", s.script().toString(), apiManager.toString()).redirectErrorStream(true);
        // The chart's value with the jar and config of this machine, on 127.0.0.1 (the agent's host:port:config).
        pb.environment().put("METRICS_JAVA_AGENT", jar + "=127.0.0.1:" + port + ":" + s.config());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        return pb.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void theAgentTheStartScriptAddsServesJvmAndTransportMetricsWithTheRenderedConfig() throws Exception {
        Rendered r = Rendered.of(Scenario.named("api-gateway", "aws"));
        Start s = start(r);
        Path jar = Path.of(JavaAgent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertEquals(
                Path.of(s.agent().group(1)).getFileName(),
                jar.getFileName(),
                "the version the image carries is tested");
        int port = freePort();
        Process p = run(s, jar, port);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String log = out.readLine();
            assertTrue(log.startsWith("envforge start.sh: metrics: JMX exporter agent " + jar), log);
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

    /**
     * A stock or self-built image has no agent jar: a -javaagent naming it stops the JVM at start, so the start script
     * leaves it out, says so, and the product's JVM starts.
     */
    @Test
    void withoutTheJarInTheImageTheJvmStartsWithoutTheAgent() throws Exception {
        Rendered r = Rendered.of(Scenario.named("api-gateway", "aws"));
        Start s = start(r);
        Path missing = temp.resolve("opt/jmx-exporter")
                .resolve(Path.of(s.agent().group(1)).getFileName());
        assertFalse(Files.exists(missing));
        // What an unconditional -javaagent did with such an image: the JVM does not start.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process crash = new ProcessBuilder(java.toString(), "-javaagent:" + missing + "=9404:" + s.config(), "-version")
                .redirectErrorStream(true)
                .start();
        String crashed = new String(crash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(crash.waitFor(30, TimeUnit.SECONDS));
        assertTrue(crash.exitValue() != 0 && crashed.contains("Error opening zip file"), crashed);

        int port = freePort();
        Process p = run(s, missing, port);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String l = out.readLine();
            for (; l != null && !l.equals("ready"); l = out.readLine()) {
                lines.add(l);
            }
            assertEquals("ready", l, "the JVM did not start without the agent: " + lines);
            assertEquals(
                    List.of("envforge start.sh: metrics: no " + missing + " in this image (only envforge images adds"
                            + " it): starting without the JMX exporter agent, /metrics is not served"),
                    lines);
            assertTrue(p.isAlive());
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                throw new AssertionError("something serves the metrics port without the agent");
            } catch (ConnectException expected) {
                // no agent, no /metrics
            }
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
        Matcher agent = AGENT.matcher(env(r, "METRICS_JAVA_AGENT"));
        assertTrue(agent.matches(), env(r, "METRICS_JAVA_AGENT"));
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
        assertFalse(r.text().contains("METRICS_JAVA_AGENT")
                || r.text().contains("start.sh")
                || r.text().contains("prometheus.io/scrape"));
        assertFalse(r.one("NetworkPolicy", "api-gateway-ingress").toString().contains("9404"));
    }
}
