package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.render.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure's managed Prometheus scrapes both layers: the generated settings ConfigMap of the add-on (kube-system,
 * ama-metrics-settings-configmap) turns annotation-based scraping on for the namespace the rendered pods run in, and
 * every port those pods' scrape annotations name is admitted by their NetworkPolicy for the add-on's collector pods
 * (Deployment ama-metrics in kube-system, label rsName: ama-metrics). Everything is read from the rendered objects. No
 * Prometheus parser runs here: the settings are parsed as the agent's key = "value" lines, and the regex is applied
 * fully anchored, as Prometheus relabelling applies it.
 */
class AzureMetricsScrapeTest {

    /** The add-on's collector pods, as its chart labels them (Azure/prometheus-collector ama-metrics-deployment). */
    private static final Map<String, String> COLLECTOR = Map.of("rsName", "ama-metrics");

    private static final Pattern SETTING = Pattern.compile("^\\s*podannotationnamespaceregex\\s*=\\s*\"(.*)\"\\s*$");

    @Test
    @SuppressWarnings("unchecked")
    void addOnScrapesBothLayersAnnotatedPortsAndTheirPoliciesAdmitIt(@TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(Files.createDirectories(dir.resolve("ws"))).spec("tst2", "azure", "10.40.0.0/20", "");
        GenerateResult result = ws.generate(false, "tst2");
        assertFalse(result.report().hasErrors(), result.report().render());
        String platform = "overlays/tst2/platform/";
        List<Object> resources = (List<Object>)
                Yaml.loadAll(ws.read(platform + "kustomization.yaml")).get(0).get("resources");
        assertTrue(resources.contains("metrics-settings.yaml"), resources.toString());
        Map<String, Object> settings =
                Yaml.loadAll(ws.read(platform + "metrics-settings.yaml")).get(0);
        assertEquals("ama-metrics-settings-configmap", at(settings, "metadata", "name"));
        assertEquals("kube-system", at(settings, "metadata", "namespace"));
        Map<String, Object> data = (Map<String, Object>) settings.get("data");
        assertEquals("v1", data.get("schema-version"));
        String regex = data.get("pod-annotation-based-scraping")
                .toString()
                .lines()
                .map(SETTING::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no podannotationnamespaceregex in " + data));

        int scraped = 0;
        for (String layer : List.of("api-gateway", "integration")) {
            List<Map<String, Object>> docs = Yaml.loadAll(ws.read("overlays/tst2/layers/" + layer + ".yaml"));
            for (Map<String, Object> w : docs) {
                if (!List.of("StatefulSet", "Deployment").contains(w.get("kind"))) {
                    continue;
                }
                String namespace = (String) at(w, "metadata", "namespace");
                Map<String, Object> template = (Map<String, Object>) at(w, "spec", "template");
                Map<String, Object> annotations = (Map<String, Object>) at(template, "metadata", "annotations");
                assertEquals("true", annotations.get("prometheus.io/scrape"), layer + " pods are not annotated");
                assertTrue(Pattern.matches(regex, namespace), regex + " does not select " + namespace);
                assertFalse(Pattern.matches(regex, namespace + "0"), regex + " selects other namespaces too");
                int port =
                        Integer.parseInt(annotations.get("prometheus.io/port").toString());
                List<Integer> containerPorts = new ArrayList<>();
                for (Object c : (List<Object>) at(template, "spec", "containers")) {
                    for (Object p : (List<Object>) ((Map<String, Object>) c).get("ports")) {
                        containerPorts.add((Integer) ((Map<String, Object>) p).get("containerPort"));
                    }
                }
                assertTrue(containerPorts.contains(port), layer + ": " + port + " is not a container port");
                assertTrue(admitsCollector(docs, port), layer + ": no NetworkPolicy admits the collector on " + port);
                scraped++;
            }
        }
        assertEquals(2, scraped);
    }

    @Test
    void awsEnvironmentsHaveNoAzureSettings(@TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(Files.createDirectories(dir.resolve("ws"))).spec("dev1", "aws", "10.20.0.0/20", "");
        GenerateResult result = ws.generate(false, "dev1");
        assertFalse(result.report().hasErrors(), result.report().render());
        assertFalse(Files.exists(ws.root().resolve("overlays/dev1/platform/metrics-settings.yaml")));
    }

    /** An ingress rule whose peer selects the collector's pods in kube-system, on {@code port}. */
    @SuppressWarnings("unchecked")
    private static boolean admitsCollector(List<Map<String, Object>> docs, int port) {
        for (Map<String, Object> d : docs) {
            if (!"NetworkPolicy".equals(d.get("kind")) || at(d, "spec", "ingress") == null) {
                continue;
            }
            for (Object r : (List<Object>) at(d, "spec", "ingress")) {
                Map<String, Object> rule = (Map<String, Object>) r;
                boolean onPort = ((List<Object>) rule.getOrDefault("ports", List.of()))
                        .stream().anyMatch(p -> Integer.valueOf(port).equals(((Map<String, Object>) p).get("port")));
                boolean collector = ((List<Object>) rule.getOrDefault("from", List.of()))
                        .stream().map(f -> (Map<String, Object>) f).anyMatch(f -> {
                            Object ns = at(f, "namespaceSelector", "matchLabels");
                            Object pods = at(f, "podSelector", "matchLabels");
                            return ns instanceof Map<?, ?> n
                                    && "kube-system".equals(n.get("kubernetes.io/metadata.name"))
                                    && pods instanceof Map<?, ?> p
                                    && p.entrySet().stream()
                                            .allMatch(e -> COLLECTOR.get(e.getKey()) != null
                                                    && COLLECTOR.get(e.getKey()).equals(e.getValue()));
                        });
                if (onPort && collector) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The node at {@code path} of nested maps, or null. */
    private static Object at(Object node, String... path) {
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }
}
