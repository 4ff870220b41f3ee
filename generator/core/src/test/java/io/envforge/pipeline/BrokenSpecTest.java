package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.error.EnvforgeException;
import io.envforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One invalid spec no longer blocks every other environment: {@code -Denv=qa1} generates qa1 and says the broken one
 * was skipped; selecting the broken one ({@code all}, a glob) or handing out a new block still fails on it.
 */
class BrokenSpecTest {

    private static final String HEADER = "apiVersion: envforge.io/v1alpha1\nkind: Environment\nmetadata:\n";

    @TempDir
    Path dir;

    static Stream<Arguments> brokenSpecs() {
        return Stream.of(
                Arguments.of(
                        "name not a DNS label",
                        "Prod2",
                        HEADER + "  name: Prod2\nspec:\n  network:\n" + "    cidr: 10.20.16.0/20\n",
                        "environments/Prod2.yaml: metadata.name \"Prod2\": is not a" + " DNS label"),
                Arguments.of(
                        "YAML syntax error",
                        "qa2",
                        HEADER + "  name: qa2\nspec:\n  network:\n    cidr: [\n",
                        "environments/qa2.yaml:"),
                Arguments.of(
                        "unknown key",
                        "qa2",
                        HEADER + "  name: qa2\nspec:\n  network:\n" + "    cidr: 10.20.16.0/20\n  colour: blue\n",
                        "environments/qa2.yaml: spec.colour: unknown key"),
                Arguments.of(
                        "malformed block",
                        "qa2",
                        HEADER + "  name: qa2\nspec:\n  network:\n" + "    cidr: 10.20.16.0/33\n",
                        "environments/qa2.yaml: spec.network.cidr \"10.20.16.0/33\""));
    }

    private Scratch workspace(String broken, String text) {
        Scratch ws = Scratch.in(dir.resolve("ws"))
                .spec("qa1", "aws", "10.20.0.0/20", "")
                .commitAll("qa1");
        return ws.write("environments/" + broken + ".yaml", text);
    }

    private static GenerateRequest request(Scratch ws, String... envs) {
        return GenerateRequest.builder(ws.root()).environments(List.of(envs)).build();
    }

    @ParameterizedTest(name = "{0}: -Denv=qa1 skips it")
    @MethodSource("brokenSpecs")
    void anUnrelatedBrokenSpecIsSkipped(String label, String broken, String text, String problem) {
        Scratch ws = workspace(broken, text);

        GenerateResult result = Envforge.standard(ws.root()).generate(request(ws, "qa1"));

        assertEquals(List.of("qa1"), result.generated());
        assertTrue(result.commit().isPresent(), "qa1 is committed");
        assertTrue(ws.files().containsKey("overlays/qa1/kustomization.yaml"));
        List<String> warnings = result.report().findings().stream()
                .filter(f -> f.severity() == Finding.Severity.WARNING)
                .map(Finding::render)
                .toList();
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.contains("environments/" + broken + ".yaml")
                                && w.contains("environment " + broken + " skipped: its spec is invalid (" + problem)
                                && w.contains("-Denv=all fails until then")),
                String.join("\n", warnings));
        assertEquals(text, ws.read("environments/" + broken + ".yaml"), "the broken spec is left as it is");
    }

    @ParameterizedTest(name = "{0}: -Denv=all fails on it")
    @MethodSource("brokenSpecs")
    void allStillFails(String label, String broken, String text, String problem) {
        Scratch ws = workspace(broken, text);

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request(ws, "all")));

        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aGlobSelectingItFails() {
        Scratch ws = workspace("qa2", HEADER + "  name: qa2\nspec:\n  network:\n    cidr: 10.20.16.0/33\n");

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request(ws, "qa*")));

        assertTrue(e.getMessage().contains("environments/qa2.yaml: spec.network.cidr"), e.getMessage());
    }

    @Test
    void aNewBlockIsNotHandedOutWhileABlockIsUnknown() {
        Scratch ws = workspace("qa2", HEADER + "  name: qa2\nspec:\n  network:\n    cidr: [\n");

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request(ws, "qa3")));

        assertTrue(e.getMessage().startsWith("environments/qa2.yaml:"), e.getMessage());
    }

    @Test
    void fleetFilesStayWhileASpecIsSkipped() {
        Scratch ws = Scratch.in(dir.resolve("ws"))
                .spec("qa1", "aws", "10.20.0.0/20", "  gitops:\n    controller: argocd\n")
                .spec("qa3", "aws", "10.20.32.0/20", "  gitops:\n    controller: argocd\n")
                .commitAll("specs");
        Envforge.standard(ws.root()).generate(request(ws, "all"));
        String project = ws.read("clusters/argocd/appproject.yaml");
        assertTrue(project.contains("envforge-qa3"), project);
        ws.write("environments/qa3.yaml", HEADER + "  name: qa3\nspec:\n  network:\n    cidr: [\n");
        ws.write(
                "environments/qa1.yaml",
                ws.read("environments/qa1.yaml") + "  layers:\n    api:\n" + "      replicas: 3\n");

        GenerateResult result = Envforge.standard(ws.root()).generate(request(ws, "qa1"));

        assertEquals(List.of("qa1"), result.generated());
        assertEquals(project, ws.read("clusters/argocd/appproject.yaml"), "qa3 stays in the AppProject");
        assertTrue(
                result.report().findings().stream()
                        .anyMatch(f -> f.render().contains("fleet files not regenerated while a spec is skipped")),
                result.report().render());
    }
}
