package io.envforge.render.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.render.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java check of a chart's values.schema.json agrees with Helm's own: each case renders the real api-gateway chart
 * (schema included) with Helm, and checks the same values in Java; both accept, or both refuse at the same place.
 */
class ValuesSchemaTest {

    private static final Path CHART = TestWorkspace.REPO.resolve("charts/api-gateway");
    private static final Path GOLDEN_VALUES =
            Path.of("src/test/resources/golden/aws-dev1/expected/overlays/dev1/layers/api-gateway.values.yaml");
    private static ValuesSchema schema;

    @BeforeAll
    static void compile() {
        schema = ValuesSchema.load(CHART);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the golden values", true, change(v -> {})),
                Arguments.of("replicas above the maximum", false, change(v -> v.put("replicaCount", 11))),
                Arguments.of("an unknown top-level key", false, change(v -> v.put("replicas", 2))),
                Arguments.of(
                        "a pull policy Kubernetes lacks",
                        false,
                        change(v -> at(v, "image").put("pullPolicy", "Sometimes"))),
                Arguments.of(
                        "a null removes a required default",
                        false,
                        change(v -> at(v, "database").put("port", null))),
                Arguments.of(
                        "a null the chart lacks stays null",
                        false,
                        change(v -> at(v, "image").put("foo", null))),
                Arguments.of("a null removes an optional key", true, change(v -> v.put("nameOverride", null))),
                Arguments.of(
                        "a trailing line break fails an anchored pattern",
                        false,
                        change(v -> v.put("hostname", "api.example.com\n"))),
                Arguments.of("a string for an integer", false, change(v -> v.put("replicaCount", "2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithHelm(String name, boolean valid, Consumer<Map<String, Object>> change) throws IOException {
        Map<String, Object> values =
                Yaml.loadAll(Files.readString(GOLDEN_VALUES)).get(0);
        change.accept(values);
        List<ValuesSchema.Error> java = schema.check(values);
        String text = Yaml.dump(values);
        if (valid) {
            assertEquals(List.of(), java);
            assertFalse(HelmJavaEngine.helmTemplate(CHART, "api-gateway", "dev1", text)
                    .isBlank());
            return;
        }
        assertFalse(java.isEmpty(), "Java accepts what Helm refuses");
        String helm = assertThrows(
                        IllegalStateException.class,
                        () -> HelmJavaEngine.helmTemplate(CHART, "api-gateway", "dev1", text))
                .getMessage();
        for (ValuesSchema.Error e : java) {
            String parent = e.pointer().substring(0, e.pointer().lastIndexOf('/'));
            assertTrue(
                    helm.contains("at '" + e.pointer() + "'") || helm.contains("at '" + parent + "'"),
                    "Helm refuses elsewhere: " + helm + " / Java: " + java);
        }
    }

    private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> c) {
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> values, String key) {
        return (Map<String, Object>) values.get(key);
    }
}
