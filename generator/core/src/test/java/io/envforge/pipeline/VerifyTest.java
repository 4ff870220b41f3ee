package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code verify}, the pull-request check, on a workspace whose dev1 (AWS, Flux) and dev2 (Azure, Argo CD) are
 * generated and committed: it passes as committed, and each case breaks it in exactly one way, which gives exactly
 * the expected problems, each naming the file, the value where there is one, and a fix. Nothing is written.
 */
class VerifyTest {

    @TempDir
    static Path dir;

    static Scratch ws;

    @BeforeAll
    static void generated() {
        ws = Scratch.in(dir)
                .spec("dev1", "aws", "10.20.0.0/20", "")
                .spec("dev2", "azure", "10.20.16.0/20", "  gitops:\n    controller: argocd\n");
        ws.generate(false, "all");
        ws.commitAll("generated");
    }

    @AfterEach
    void restore() throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
            git.clean().setCleanDirectories(true).setIgnore(false).call();
        }
    }

    private static Verify.Result verify() {
        return Verify.run(dir, Optional.of(TestWorkspace.SCHEMAS), false);
    }

    @Test
    void passesOnWhatGenerateCommitted() {
        Map<String, String> before = ws.files();
        Verify.Result result = verify();
        assertEquals(List.of(), result.problems());
        assertTrue(result.ok());
        assertEquals("envforge: verify: 2 environment(s), 0 reservation(s), 0 problem(s)", result.line());
        assertEquals(before, ws.files(), "verify writes nothing");
    }

    static Stream<Arguments> cases() {
        String reservation = "apiVersion: envforge.io/v1alpha1\nkind: Reservation\nmetadata:\n  name: dev3\nspec:\n"
                + "  cidr: 10.20.8.0/21\n";
        return Stream.of(
                broken(
                        "a generated file edited by hand",
                        w -> w.write(
                                "overlays/dev1/platform/namespace.yaml",
                                w.read("overlays/dev1/platform/namespace.yaml") + "# edited\n"),
                        "overlays/dev1/platform/namespace.yaml: differs from what generate writes; run mvn generate"
                                + " -Denv=dev1"),
                broken(
                        "a generated file deleted",
                        w -> delete("terraform/environments/dev2/main.tf"),
                        "terraform/environments/dev2/main.tf: missing: generate would create it; run mvn generate"
                                + " -Denv=dev2"),
                broken(
                        "a stray file in a generated folder",
                        w -> w.write("overlays/dev1/extra.yaml", "a: 1\n"),
                        "overlays/dev1/extra.yaml: stale: generate would delete it; run mvn generate -Denv=dev1"),
                broken(
                        "a spec edited without generating",
                        w -> w.spec("dev1", "aws", "10.20.0.0/20", "  layers:\n    api:\n      replicas: 3\n"),
                        "overlays/dev1/layers/api-gateway.values.yaml: differs from what generate writes"),
                broken(
                        "two specs overlap",
                        w -> w.spec("dev2", "azure", "10.20.8.0/21", "  gitops:\n    controller: argocd\n"),
                        "environments/dev2.yaml: spec.network.cidr"
                                + " \"10.20.8.0/21\": overlaps environment dev1 (10.20.0.0/20) (environments/dev1.yaml"
                                + " spec.network.cidr); choose a block outside it"),
                broken(
                        "a reservation overlaps a spec",
                        w -> w.write("environments/.reservations/dev3.yaml", reservation),
                        "environments/dev1.yaml: spec.network.cidr \"10.20.0.0/20\": overlaps the"
                                + " block 10.20.8.0/21 reserved for environment dev3 (environments/.reservations/dev3.yaml"
                                + " spec.cidr); choose a block outside it"),
                broken(
                        "a reservation disagrees with its spec",
                        w -> w.write(
                                "environments/.reservations/dev1.yaml",
                                reservation.replace("dev3", "dev1").replace("10.20.8.0/21", "10.64.0.0/20")),
                        "environments/.reservations/dev1.yaml: spec.cidr \"10.64.0.0/20\": differs from the block of"
                                + " environment dev1 (10.20.0.0/20, environments/dev1.yaml); set it to 10.20.0.0/20"),
                broken(
                        "a schema error in a spec",
                        w -> w.spec("dev2", "azure", "10.20.16.0/20", "  gitops:\n    controler: argocd\n"),
                        "environments/dev2.yaml: spec.gitops.controler: unknown" + " key"),
                broken(
                        "a schema error in the ledger",
                        w -> w.write("environments/.reservations/dev3.yaml", reservation + "  owner: me\n"),
                        "environments/.reservations/dev3.yaml: spec.owner: unknown" + " key"),
                broken(
                        "generated files without a spec",
                        w -> w.write("overlays/dev9/kustomization.yaml", "a: 1\n"),
                        "overlays/dev9/: generated files of environment dev9, which has no spec"
                                + " (environments/dev9.yaml); restore the spec"));
    }

    private static Arguments broken(String label, Consumer<Scratch> change, String expected) {
        return Arguments.of(label, change, expected);
    }

    private static void delete(String path) {
        try {
            Files.delete(dir.resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneProblemPerFinding(String label, Consumer<Scratch> change, String expected) {
        change.accept(ws);
        Map<String, String> before = ws.files();
        Verify.Result result = verify();
        assertTrue(!result.ok(), label);
        List<String> rendered = result.problems().stream().map(Problem::render).toList();
        assertTrue(
                rendered.stream().anyMatch(p -> p.startsWith(expected)),
                "expected a problem starting with \"" + expected + "\" in " + rendered);
        if (!label.startsWith("a spec edited")) {
            assertEquals(1, rendered.size(), "one problem: " + rendered);
        }
        rendered.forEach(p -> assertTrue(!p.contains("\n"), p));
        assertEquals(before, ws.files(), "verify writes nothing");
    }
}
