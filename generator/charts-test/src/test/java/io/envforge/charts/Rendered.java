package io.envforge.charts;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A chart rendered by Helm (helm-java, in process): the text and its parsed documents. */
record Rendered(Scenario scenario, String text, List<Map<String, Object>> documents) {

    static final String NAMESPACE = "dev1";
    /** The version of the strict schemas in shared/schemas/kubernetes. */
    static final String KUBE_VERSION = "1.32.2";

    private static final Map<Scenario, Rendered> CACHE = new ConcurrentHashMap<>();

    static Rendered of(Scenario scenario) {
        return CACHE.computeIfAbsent(scenario, s -> render(s, UnaryOperator.identity()));
    }

    /** Renders with extra settings (--set); throws when Helm rejects the values. */
    static Rendered render(Scenario s, UnaryOperator<com.marcnuri.helm.TemplateCommand> extra) {
        var command = new Helm(Repo.chartDir(s.chart()))
                .template()
                .withName(s.release())
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(s.valuesFile());
        String text = extra.apply(command).call();
        return new Rendered(s, text, parse(text));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(Yaml.get(d, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(scenario + ": no " + kind + " " + name));
    }

    /**
     * The chart's helm test pods. `helm template` through helm-java leaves hooks out, so they are rendered
     * from a copy of the chart whose tests/ templates lose only their hook annotations.
     */
    static List<Map<String, Object>> testPods(Scenario s) {
        return TEST_PODS.computeIfAbsent(s, Rendered::renderTestPods);
    }

    private static final Map<Scenario, List<Map<String, Object>>> TEST_PODS = new ConcurrentHashMap<>();

    private static List<Map<String, Object>> renderTestPods(Scenario s) {
        try {
            Path copy = ChartCopy.of(s.chart());
            try (var tests = Files.list(copy.resolve("templates/tests"))) {
                for (Path t : tests.toList()) {
                    Files.writeString(t, Files.readString(t).replaceAll("(?m)^\\s*helm\\.sh/hook.*\\n", ""));
                }
            }
            String text = new Helm(copy)
                    .template()
                    .withName(s.release())
                    .withNamespace(NAMESPACE)
                    .withKubeVersion(KUBE_VERSION)
                    .withValuesFile(s.valuesFile())
                    .call();
            return parse(text).stream().filter(d -> "Pod".equals(d.get("kind"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deployments and StatefulSets. */
    List<Map<String, Object>> workloads() {
        return documents.stream()
                .filter(d -> List.of("Deployment", "StatefulSet").contains(d.get("kind")))
                .toList();
    }

    /** Every pod spec: the workloads' templates and bare Pods (the helm test pod). */
    List<Map<String, Object>> podSpecs() {
        List<Map<String, Object>> specs = new ArrayList<>();
        workloads().forEach(w -> specs.add(Yaml.map(w, "spec.template.spec")));
        testPods(scenario).forEach(p -> specs.add(Yaml.map(p, "spec")));
        return specs;
    }
}
