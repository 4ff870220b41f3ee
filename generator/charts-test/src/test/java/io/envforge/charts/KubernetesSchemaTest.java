package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered object validates against the strict Kubernetes 1.32.2 schema of its kind. */
class KubernetesSchemaTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyDocumentIsValid(Scenario s) {
        StringBuilder errors = new StringBuilder();
        var docs = new java.util.ArrayList<>(Rendered.of(s).documents());
        docs.addAll(Rendered.testPods(s));
        for (Map<String, Object> doc : docs) {
            String apiVersion = (String) doc.get("apiVersion");
            String kind = (String) doc.get("kind");
            String found = Schemas.validate(Schemas.kubernetes(apiVersion, kind), doc);
            if (!found.isEmpty()) {
                errors.append(kind)
                        .append(' ')
                        .append(Yaml.get(doc, "metadata.name"))
                        .append(":\n")
                        .append(found)
                        .append('\n');
            }
        }
        assertEquals("", errors.toString(), s + " has invalid objects");
    }
}
