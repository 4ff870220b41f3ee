package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.model.Environment;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer list: each renderer returns its files and the pipeline merges them, refusing a path two renderers
 * wrote; the names the inputs digest hashes are those of fingerprint schema v1, so the committed digests stay valid.
 */
class RenderersTest {

    @TempDir
    Path dir;

    @Test
    void twoRenderersWritingOnePathStopTheRunNamingBoth() {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        Envforge twice = new Envforge(List.of(writing("first"), writing("second")), List.of());
        GenerateRequest request =
                GenerateRequest.builder(ws).environments(List.of("a")).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> twice.generate(request));

        // a parallel stream may rethrow a copy whose message starts with the original's class name
        assertTrue(
                e.getMessage().contains("two renderers wrote overlays/a/same.yaml: first and second (environment a)"),
                e.getMessage());
    }

    @Test
    void theStandardListHashesTheStepNamesOfFingerprintSchemaV1() {
        assertEquals(
                List.of(
                        "load",
                        "resolve",
                        "helm-values",
                        "helm-template",
                        "kustomize-overlay",
                        "flux",
                        "argocd",
                        "terraform",
                        "onprem",
                        "ansible-inventory",
                        "docs",
                        "argocd-fleet",
                        "validate",
                        "write",
                        "commit"),
                Envforge.standard(dir).renderSteps());
    }

    private static Renderer writing(String name) {
        return new Renderer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public OutputTree render(Environment env) {
                return OutputTree.builder()
                        .put("overlays/" + env.name() + "/same.yaml", "# " + name + "\n")
                        .build();
            }
        };
    }
}
