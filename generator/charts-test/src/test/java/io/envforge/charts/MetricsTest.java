package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Micro Integrator serves Prometheus metrics and the collector may fetch them: the system property the product reads
 * reaches the JVM, the scrape annotations name the port and path the product serves them on, and the NetworkPolicy
 * admits the collector on that port (and nobody else).
 */
class MetricsTest {

    private static Map<String, Object> pod(Rendered r) {
        return Yaml.map(r.one("Deployment", "integration"), "spec.template");
    }

    private static Map<String, Object> container(Rendered r) {
        return Yaml.list(pod(r), "spec.containers").get(0);
    }

    @Test
    void prometheusApiIsTurnedOnThroughTheStartScriptsJavaOpts() {
        Rendered r = Rendered.of(Scenario.named("integration", "defaults"));
        // micro-integrator.sh passes $JAVA_OPTS to java; ServiceBusInitializer checks System.getProperty(
        // "enablePrometheusApi") != null (wso2/micro-integrator v4.3.0).
        String javaOpts = Yaml.list(container(r), "env").stream()
                .filter(e -> "JAVA_OPTS".equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value")))
                .findFirst()
                .orElse("");
        assertTrue(List.of(javaOpts.split(" ")).contains("-DenablePrometheusApi=true"), javaOpts);
    }

    @Test
    void scrapeAnnotationsNameThePortAndPathMetricApiServes() {
        Rendered r = Rendered.of(Scenario.named("integration", "defaults"));
        Map<String, Object> annotations = Yaml.map(pod(r), "metadata.annotations");
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        // MetricAPI: context /metric-service, resource /metrics, an internal API on the internal HTTP port.
        assertEquals("/metric-service/metrics", annotations.get("prometheus.io/path"));
        Object internal = Yaml.list(container(r), "ports").stream()
                .filter(p -> "internal".equals(p.get("name")))
                .findFirst()
                .orElseThrow()
                .get("containerPort");
        assertEquals(String.valueOf(internal), annotations.get("prometheus.io/port"));
        // the probes use the same port, so it is the internal API listener
        assertEquals("internal", Yaml.get(container(r), "readinessProbe.httpGet.port"));
    }

    @Test
    void networkPolicyAdmitsTheCollectorOnTheMetricsPortOnly() {
        Rendered r = Rendered.of(Scenario.named("integration", "aws"));
        List<Map<String, Object>> rules = Yaml.list(r.one("NetworkPolicy", "integration-ingress"), "spec.ingress");
        List<Map<String, Object>> scrape = rules.stream()
                .filter(rule -> Yaml.list(rule, "from").stream().anyMatch(p -> p.containsKey("ipBlock")))
                .toList();
        assertEquals(1, scrape.size(), rules.toString());
        assertEquals(
                List.of(Map.of("port", 9201, "protocol", "TCP")), scrape.get(0).get("ports"));
        assertEquals(
                List.of("10.20.0.0/22", "10.20.4.0/22"),
                Yaml.list(scrape.get(0), "from").stream()
                        .map(p -> Yaml.get(p, "ipBlock.cidr"))
                        .toList());
        // without scrapers, nothing outside the API layer and the test pod reaches the pods
        Rendered defaults = Rendered.of(Scenario.named("integration", "defaults"));
        assertFalse(
                defaults.one("NetworkPolicy", "integration-ingress").toString().contains("9201"));
    }

    @Test
    void turnedOffNeitherPropertyNorAnnotations() {
        Rendered r = Rendered.render(Scenario.named("integration", "aws"), c -> c.set("metrics.enabled", "false"));
        assertFalse(r.text().contains("enablePrometheusApi") || r.text().contains("prometheus.io/scrape"));
        assertFalse(r.one("NetworkPolicy", "integration-ingress").toString().contains("9201"));
    }
}
