package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.ValidationFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run as on a user's machine: a workspace in a temporary folder with no {@code ../shared} beside it and no schema
 * folder given validates every manifest against the schemas envforge ships, and says so; a bad field is caught.
 */
class BundledValidationRunTest {

    @Test
    void aRunWithoutSharedSchemasValidatesAgainstTheBundledOnes(@TempDir Path dir) {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("gitops"));
        assertFalse(Files.exists(ws.root().resolve("../shared")));
        GenerateResult result =
                Envforge.standard(ws.root()).generate(GenerateRequest.of(ws.root(), "dev1", "10.20.0.0/20"));
        String report = result.report().render();
        assertTrue(report.contains("[INFO] environment dev1: validated "), report);
        assertTrue(
                report.contains(
                        " against Kubernetes 1.32.13 (api/openapi-spec/swagger.json from k8s.io/kubernetes@v1.32.13, bundled)"),
                report);
        assertTrue(
                report.contains(" against CRD external-secrets.io/externalsecret_v1.json from"
                        + " github.com/external-secrets/external-secrets@v1.3.2, bundled"),
                report);
        assertTrue(
                report.contains(" against CRD kustomize.toolkit.fluxcd.io/kustomization_v1.json from"
                        + " github.com/fluxcd/kustomize-controller@v1.7.3, bundled"),
                report);
        assertFalse(report.contains("nothing (no schema)"), report);
        assertFalse(report.contains("[WARNING]"), report);
    }

    @Test
    void aBadFieldFromAChartIsCaughtWithoutSharedSchemas(@TempDir Path dir) throws IOException {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("gitops"));
        Path service = ws.root().resolve("charts/api-gateway/templates/service.yaml");
        Files.writeString(
                service,
                Files.readString(service)
                        .replaceFirst("  type: ClusterIP\n", "  type: ClusterIP\n  clusterIp: 10.0.0.1\n"));
        ValidationFailedException e = assertThrows(
                ValidationFailedException.class,
                () -> Envforge.standard(ws.root()).generate(GenerateRequest.of(ws.root(), "dev1", "10.20.0.0/20")));
        assertTrue(
                e.getMessage()
                        .contains("property 'clusterIp' is not defined in the schema and the schema does not"
                                + " allow additional properties (schema Kubernetes 1.32.13 (api/openapi-spec/swagger.json"
                                + " from k8s.io/kubernetes@v1.32.13, bundled))"),
                e.getMessage());
        assertFalse(Files.exists(ws.root().resolve("overlays/dev1")));
    }
}
