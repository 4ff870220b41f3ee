package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.error.EnvforgeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that cannot finish changes nothing: what can be checked is checked before the first write (the repository, a
 * Git lock, a target that is a folder or lies under a file), and the write itself is all or nothing. A lock a killed
 * envforge run left is removed, and the run says so.
 */
class NothingChangesOnFailureTest {

    @TempDir
    Path dir;

    private static GenerateRequest request(Path ws) {
        return GenerateRequest.of(ws, "dev1", "10.20.0.0/20");
    }

    @Test
    void notAGitRepositoryIsRefusedBeforeWriting() throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        FileUtils.delete(ws.root().resolve(".git").toFile(), FileUtils.RECURSIVE);
        Map<String, String> before = ws.snapshot();

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request(ws.root())));

        assertTrue(e.getMessage().contains("not inside a Git repository"), e.getMessage());
        assertEquals(before, ws.snapshot(), "no file may be written");
    }

    @Test
    void aLockOfAnotherProcessIsRefusedWithTheCommandThatRemovesIt() throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        Path lock = ws.root().resolve(".git/index.lock");
        Files.writeString(lock, "");
        Map<String, String> before = ws.snapshot();
        String head = ws.head();

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request(ws.root())));

        assertTrue(e.getMessage().contains("rm " + lock), e.getMessage());
        assertEquals(before, ws.snapshot(), "no file may be written");
        assertEquals(head, ws.head());
        assertTrue(Files.exists(lock), "another process's lock is not touched");
    }

    @Test
    void aLockAKilledEnvforgeRunLeftIsRemovedAndReported() throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        Path lock = ws.root().resolve(".git/refs/heads/main.lock");
        Files.writeString(lock, "");
        Files.createDirectories(ws.root().resolve(".git/envforge"));
        // a process id that cannot be running: beyond Linux's pid_max (2^22)
        Files.writeString(ws.root().resolve(".git/envforge/lock-owner"), "99999999 2026-01-01T00:00:00Z\n");

        GenerateResult result = Envforge.standard(ws.root()).generate(request(ws.root()));

        assertTrue(result.commit().isPresent());
        assertFalse(Files.exists(lock));
        assertTrue(
                result.report().render().contains("removed a stale lock left by envforge run pid 99999999"),
                result.report().render());
        InterruptedRunRepairTest.assertClean(ws.root());
    }

    @Test
    void aTargetThatIsAFolderIsRefusedBeforeWriting() throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        Files.createDirectories(ws.root().resolve("overlays/dev1/kustomization.yaml"));
        Map<String, String> before = ws.snapshot();

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request(ws.root())));

        assertTrue(e.getMessage().contains("overlays/dev1/kustomization.yaml: is a folder"), e.getMessage());
        assertEquals(before, ws.snapshot(), "no file may be written");
    }

    @Test
    void aTargetUnderAFileIsRefusedBeforeWriting() throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        ws.write("overlays/dev1/layers", "a file where a folder goes\n");
        Map<String, String> before = ws.snapshot();

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request(ws.root())));

        assertTrue(
                e.getMessage().contains("overlays/dev1/layers: is a file, where envforge needs a folder"),
                e.getMessage());
        assertEquals(before, ws.snapshot(), "no file may be written");
    }

    /** Staged files are kept flat ({@code files/overlays%2Fdev1%2F...}); a journal of an older version nested them. */
    @ParameterizedTest
    @ValueSource(strings = {"overlays%2Fdev1%2FENVIRONMENT.md", "overlays/dev1/ENVIRONMENT.md"})
    void aWriteAKilledRunCommittedToIsCompletedBeforeAnythingIsRead(String staged) throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        Envforge.standard(ws.root()).generate(request(ws.root()));
        Path staging = ws.root().resolve(".git/envforge/staging");
        // what a run killed after its commit point leaves: the journal and a staged file not yet moved
        String path = "overlays/dev1/ENVIRONMENT.md";
        byte[] wanted = Files.readAllBytes(ws.root().resolve(path));
        Files.writeString(ws.root().resolve(path), "half of an old text");
        Files.createDirectories(staging.resolve("files/" + staged).getParent());
        Files.write(staging.resolve("files/" + staged), wanted);
        Files.writeString(staging.resolve("journal"), "W\t" + path + "\n");

        GenerateResult result =
                Envforge.standard(ws.root()).generate(request(ws.root()).withCommit(true));

        assertArrayEquals(wanted, Files.readAllBytes(ws.root().resolve(path)));
        assertEquals(List.of("dev1"), result.unchanged(), "completed before the unchanged check read the tree");
        assertFalse(Files.exists(staging));
        assertTrue(
                result.report().render().contains("completed the write of an interrupted run (1 change(s))"),
                result.report().render());
        InterruptedRunRepairTest.assertClean(ws.root());
    }

    @Test
    void stagedFilesWithoutAJournalAreDropped() throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        Envforge.standard(ws.root()).generate(request(ws.root()));
        Map<String, String> before = ws.snapshot();
        Path staging = ws.root().resolve(".git/envforge/staging");
        Files.createDirectories(staging.resolve("files/overlays/dev1"));
        Files.writeString(staging.resolve("files/overlays/dev1/ENVIRONMENT.md"), "staged before the commit point");

        GenerateResult result = Envforge.standard(ws.root()).generate(request(ws.root()));

        assertEquals(Optional.empty(), result.commit());
        assertEquals(before, ws.snapshot());
        assertFalse(Files.exists(staging));
    }
}
