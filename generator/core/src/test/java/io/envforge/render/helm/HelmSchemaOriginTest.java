package io.envforge.render.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.Scratch;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spec value that envforge's own checks let through but a chart's values.schema.json refuses is reported on one
 * line naming the spec file and the spec field that fed it (it was Helm's multi-line text naming only the chart).
 */
class HelmSchemaOriginTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "api replicas above the chart's maximum|'  layers:\\n    api:\\n      replicas: 11\\n'|"
                        + "environments/dev1.yaml: spec.layers.api.replicas \"11\": the api-gateway chart refuses it (must have a"
                        + " maximum value of 10; charts/api-gateway/values.schema.json#/properties/replicaCount/maximum); set a value the chart accepts"
                        + " here, or in its default (environments/platform.yaml spec.defaults.layers.api.replicas) when the spec"
                        + " does not set it",
                "memory in a unit the chart does not take|'  layers:\\n    integration:\\n      resources:\\n"
                        + "        requests:\\n          memory: 2000M\\n'|"
                        + "environments/dev1.yaml: spec.layers.integration.resources.requests.memory"
            })
    void aChartSchemaErrorNamesTheSpecField(String name, String extra, String expected, @TempDir Path dir) {
        Scratch.in(dir).spec("dev1", "aws", "10.20.0.0/20", extra.replace("\\n", "\n"));
        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> Envforge.standard(dir)
                        .generate(GenerateRequest.of(dir, "dev1", null).withCommit(false)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(
                expected,
                e.getMessage()
                        .substring(0, Math.min(expected.length(), e.getMessage().length())));
    }
}
