package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.error.EnvforgeException;
import io.envforge.git.GitPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diff writes nothing; removal needs its confirmation and then leaves nothing of the environment behind. */
class DiffAndRemoveTest {

    /** The three environments generated and committed once; each test works on a copy. */
    @TempDir
    static Path template;

    @TempDir
    Path dir;

    Scratch ws;

    @BeforeAll
    static void threeEnvironmentsCommitted() {
        Scratch once = Scratch.in(template)
                .spec("dev1", "aws", "10.20.0.0/20", "")
                .spec("dev2", "azure", "10.20.16.0/20", "  gitops:\n    controller: argocd\n")
                .spec("dev3", "aws", "10.20.32.0/20", "  gitops:\n    controller: argocd\n");
        once.generate(false, "all");
        once.commitAll("start");
    }

    @BeforeEach
    void copyOfTheWorkspace() {
        ws = Scratch.at(Workspaces.copy(template, dir));
    }

    @Test
    void diffShowsTheChangeAndWritesNothing() {
        ws.spec("dev1", "aws", "10.20.0.0/20", "  layers:\n    api:\n      replicas: 3\n");
        Map<String, String> before = ws.files();
        String head = new GitPublisher(dir).head().orElseThrow();
        GenerateResult diff =
                Envforge.standard(dir).generate(ws.request(false, true, "dev1").withCommit(true));
        assertTrue(diff.summaryMarkdown().contains("`spec.replicas`: `2` → `3`"), diff.summaryMarkdown());
        assertEquals(before, ws.files());
        assertEquals(head, new GitPublisher(dir).head().orElseThrow());
        assertEquals(Optional.empty(), diff.commit());
    }

    @Test
    void removalWithoutConfirmationListsAndChangesNothing() {
        Map<String, String> before = ws.files();
        String head = new GitPublisher(dir).head().orElseThrow();
        for (Optional<String> flag : List.of(Optional.<String>empty(), Optional.of("dev3"), Optional.of("yes"))) {
            RemoveResult listed = Envforge.standard(dir).remove(new RemoveRequest(dir, "dev2", flag, true));
            assertFalse(listed.removed());
            assertTrue(
                    listed.files()
                            .containsAll(List.of(
                                    "environments/dev2.yaml",
                                    "clusters/dev2/envforge/argocd.json",
                                    "overlays/dev2/platform/namespace.yaml")),
                    listed.listing());
            // dev2 is the only Azure Argo CD environment: its kube-system project and ApplicationSet go too
            assertEquals(
                    List.of("clusters/argocd/appproject.yaml", "clusters/argocd/kube-system.yaml"),
                    listed.fleetFiles());
        }
        assertEquals(before, ws.files());
        assertEquals(head, new GitPublisher(dir).head().orElseThrow());
    }

    @Test
    void confirmedRemovalDeletesEveryFileOfTheEnvironmentAndCommits() throws Exception {
        String head = new GitPublisher(dir).head().orElseThrow();
        RemoveResult done = Envforge.standard(dir).remove(new RemoveRequest(dir, "dev2", Optional.of("dev2"), true));
        assertTrue(done.removed());
        List<String> left = ws.files().keySet().stream()
                .filter(p -> p.matches("(.*/)?dev2([/.].*)?"))
                .toList();
        assertEquals(List.of(), left);
        assertFalse(Files.exists(dir.resolve("overlays/dev2")));
        assertFalse(Files.exists(dir.resolve("clusters/dev2")));
        assertTrue(Files.exists(dir.resolve("overlays/dev3/kustomization.yaml")), "dev3 is untouched");
        assertFalse(ws.read("clusters/argocd/appproject.yaml").contains("dev2"));
        assertNotEquals(head, new GitPublisher(dir).head().orElseThrow());
        try (Git git = Git.open(dir.toFile())) {
            assertTrue(git.status().call().isClean(), "the removal is committed, nothing left over");
        }
        Map<String, String> after = ws.files();
        Envforge.standard(dir).generate(ws.request(false, false, "all"));
        assertEquals(after, ws.files(), "a generation after the removal agrees with it");
    }

    @Test
    void removingTheLastArgoCdEnvironmentsRemovesTheFleetFiles() {
        Envforge.standard(dir).remove(new RemoveRequest(dir, "dev2", Optional.of("true"), false));
        Envforge.standard(dir).remove(new RemoveRequest(dir, "dev3", Optional.of("true"), false));
        assertFalse(Files.exists(dir.resolve("clusters/argocd")));
        assertTrue(Files.exists(dir.resolve("clusters/dev1/envforge/sync.yaml")));
    }

    @Test
    void generationNeverDeletesAnotherEnvironmentsFolders() {
        ws.spec("dev1", "aws", "10.20.0.0/20", "  gitops:\n    controller: argocd\n");
        Map<String, String> before = ws.files();
        Envforge.standard(dir).generate(ws.request(false, false, "dev1"));
        before.keySet().stream()
                .filter(p -> p.contains("dev2") || p.contains("dev3"))
                .forEach(p -> assertTrue(Files.exists(dir.resolve(p)), p));
    }

    @Test
    void aRenamedSpecIsAnErrorNotARemoval() throws Exception {
        Files.move(dir.resolve("environments/dev2.yaml"), dir.resolve("environments/dev4.yaml"));
        Map<String, String> before = ws.files();
        assertThrows(EnvforgeException.class, () -> Envforge.standard(dir).generate(ws.request(false, false, "all")));
        assertEquals(before, ws.files());
    }

    @Test
    void removingAnUnknownEnvironmentIsAnError() {
        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> Envforge.standard(dir).remove(new RemoveRequest(dir, "dev9", Optional.of("dev9"), true)));
        assertTrue(e.getMessage().contains("dev1, dev2, dev3"), e.getMessage());
    }

    @Test
    void anEnvironmentCannotBeCalledLikeAFleetFolder() {
        ws.spec("argocd", "aws", "10.20.48.0/20", "");
        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(dir).generate(ws.request(false, true, "argocd")));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }
}
