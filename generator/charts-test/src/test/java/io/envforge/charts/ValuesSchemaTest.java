package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json: strict, documented, and enforced by `helm template`. */
class ValuesSchemaTest {

    static Stream<String> charts() {
        return Repo.charts().stream();
    }

    /** One case per way to be wrong: chart, key, value. Each must make `helm template` fail. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("unknown top-level key", "api-gateway", "replicas", "2"),
                bad("mistyped nested key", "api-gateway", "database.hots", "db.example.internal"),
                bad("unknown key under image", "integration", "image.digest", "sha256:00"),
                bad("string for an integer", "integration", "replicaCount", "two"),
                bad("a single replica is not HA", "api-gateway", "replicaCount", 1),
                bad("unknown database engine", "integration", "database.type", "oracle"),
                bad("port out of range", "api-gateway", "database.port", 70000),
                bad("CIDR with a bad prefix", "api-gateway", "networkPolicy.dataCidrs[0]", "10.20.8.0/33"),
                bad("unknown cloud", "api-gateway", "internalLoadBalancer.cloud", "gcp"),
                bad("memory limit not in Mi or Gi", "integration", "resources.limits.memory", "2048M"),
                bad("peer of the contract set on the wrong chart", "integration", "integration.host", "x"),
                bad("LB enabled without addresses", "api-gateway", "internalLoadBalancer.enabled", true),
                bad("image tag without a version", "api-gateway", "image.tag", "latest"));
    }

    private static Arguments bad(String name, String chart, String key, Object value) {
        return Arguments.of(Named.of(name, chart), key, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void helmTemplateRejects(String chart, String key, Object value) {
        Scenario defaults = Scenario.named(chart, "defaults");
        Exception e = assertThrows(Exception.class, () -> Rendered.render(defaults, c -> c.set(key, value)));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "Helm names the problem");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void schemaIsDraft07AndClosedEverywhere(String chart) {
        var schema = Schemas.readJson(Repo.chartDir(chart).resolve("values.schema.json"));
        assertEquals("", Schemas.validate(Schemas.shared("jsonschema/json-schema-draft-07.json"), schema));
        List<String> open = Stream.concat(Stream.of(schema), schema.findParents("properties").stream())
                .filter(n -> !n.path("additionalProperties").isBoolean()
                        || n.path("additionalProperties").asBoolean())
                .map(n -> n.path("description").asText("(root)"))
                .toList();
        assertEquals(List.of(), open, chart + ": objects that accept unknown keys");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void chartYamlMatchesTheChartSchema(String chart) {
        var chartYaml = Values.read(Repo.chartDir(chart).resolve("Chart.yaml"));
        assertEquals("", Schemas.validate(Schemas.shared("schemastore/chart.json"), chartYaml));
        assertEquals("v2", chartYaml.get("apiVersion"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyValueHasAComment(String chart) throws IOException {
        List<String> lines = Files.readAllLines(Repo.chartDir(chart).resolve("values.yaml"));
        List<String> undocumented = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean key = line.matches("^\\s*[A-Za-z][A-Za-z0-9]*:.*");
            boolean parent = line.matches("^\\s*[A-Za-z][A-Za-z0-9]*:\\s*$");
            if (key && !parent && !lines.get(i - 1).trim().startsWith("#")) {
                undocumented.add(line.trim());
            }
        }
        assertEquals(List.of(), undocumented, chart + "/values.yaml keys without a comment line above");
    }
}
