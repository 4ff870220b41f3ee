package io.envforge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.render.OutputTree;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per rule and way to be wrong; a good tree gives no error. */
class ValidatorTest {

    private static final String KUSTOMIZATION =
            "apiVersion: kustomize.config.k8s.io/v1beta1\n" + "kind: Kustomization\nresources:\n  - service.yaml\n";
    private static final String SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: dev1\n"
            + "spec:\n  type: ClusterIP\n  selector:\n    app: api\n  ports:\n    - port: 8243\n";
    private static final String GENERATOR = "apiVersion: source.extensions.fluxcd.io/v1beta1\nkind: ArtifactGenerator\n"
            + "metadata:\n  name: envforge-dev1\n  namespace: flux-system\nspec:\n  sources:\n    - alias: repo\n"
            + "      kind: GitRepository\n      name: envforge-dev1\n  artifacts:\n    - name: envforge-dev1-overlay\n"
            + "      copy:\n        - from: \"@repo/overlays/dev1/**\"\n          to: \"@artifact/overlays/dev1/\"\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("good tree", SERVICE, KUSTOMIZATION, null),
                Arguments.of(
                        "misspelt field",
                        SERVICE.replace("type: ClusterIP", "clusterIp: 10.0.0.1"),
                        KUSTOMIZATION,
                        "[ERROR] overlays/dev1/service.yaml: Service/dev1/api: "),
                Arguments.of(
                        "secret with data",
                        SERVICE + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                                + "  namespace: dev1\ndata:\n  password: cGFzcw==\n",
                        KUSTOMIZATION,
                        "[ERROR] overlays/dev1/service.yaml: Secret/dev1/db: a Secret with literal data"),
                Arguments.of(
                        "missing resource",
                        SERVICE,
                        KUSTOMIZATION + "  - missing.yaml\n",
                        "[ERROR] overlays/dev1/kustomization.yaml: resources[1]: \"missing.yaml\" is neither"),
                Arguments.of(
                        "duplicate object",
                        SERVICE + "---\n" + SERVICE,
                        KUSTOMIZATION,
                        "Service/dev1/api: also generated in"),
                Arguments.of(
                        "artifact generator (schema bundled with envforge)",
                        SERVICE + "---\n" + GENERATOR,
                        KUSTOMIZATION,
                        null),
                Arguments.of(
                        "artifact generator copying outside the artifact",
                        SERVICE + "---\n" + GENERATOR.replace("@artifact/overlays", "/overlays"),
                        KUSTOMIZATION,
                        "[ERROR] overlays/dev1/service.yaml: ArtifactGenerator/flux-system/envforge-dev1: "),
                Arguments.of(
                        "artifact generator unknown field",
                        SERVICE + "---\n" + GENERATOR.replace("      copy:", "      revisionn: \"@repo\"\n      copy:"),
                        KUSTOMIZATION,
                        "(schema CRD source.extensions.fluxcd.io/artifactgenerator_v1beta1.json from"
                                + " github.com/fluxcd/source-watcher/api/v2@v2.0.3, bundled)"),
                Arguments.of(
                        "kustomization unknown key",
                        SERVICE,
                        KUSTOMIZATION + "resourcez: []\n",
                        "[ERROR] overlays/dev1/kustomization.yaml: Kustomization/null: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reports(String name, String service, String kustomization, String expected) {
        OutputTree tree = OutputTree.builder()
                .put("overlays/dev1/service.yaml", service)
                .put("overlays/dev1/kustomization.yaml", kustomization)
                .build();
        Report report = new Validator(Optional.of(TestWorkspace.SCHEMAS)).validate(tree);
        if (expected == null) {
            assertEquals(List.of(), report.errors());
        } else {
            assertTrue(report.render().contains(expected), report.render());
            assertEquals(!expected.startsWith("[WARNING]"), report.hasErrors());
        }
    }

    @Test
    void aMissingSchemaFolderIsAnErrorAndTheOtherRulesStillRun() {
        OutputTree tree = OutputTree.builder()
                .put("overlays/dev1/service.yaml", SERVICE + "---\n" + SERVICE)
                .put("overlays/dev1/kustomization.yaml", KUSTOMIZATION)
                .build();
        Report report = new Validator(Optional.of(java.nio.file.Path.of("/nonexistent/schemas"))).validate(tree);
        assertTrue(report.render().contains("[ERROR] /nonexistent/schemas: schema folder not found"), report.render());
        assertTrue(report.render().contains("Service/dev1/api: also generated in"), report.render());
    }
}
