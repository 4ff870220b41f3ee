package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.emit.OutputStamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged check trusts the stamps (size, modification time) of files it verified before, as {@code git status}
 * does, and reads a file again whenever its stamp moved. These cases show both sides: what the stamps let through
 * unread, and that every edit that moves a stamp, a stray file and a deleted file are still caught.
 */
class OutputStampsTest {

    private static final Path STAMPS = Path.of(".git/envforge/output-stamps");

    /** The stamped workspace, made once; each test that needs it works on a copy. */
    @TempDir
    static Path template;

    private static Path stamped;

    @TempDir
    Path dir;

    private static GenerateRequest request(Path ws) {
        return GenerateRequest.builder(ws).environments(List.of("all")).build();
    }

    /** Two environments generated, their files aged past the racy window, then verified once (which stamps them). */
    @BeforeAll
    static void stampedOnce() throws IOException {
        Path ws = Workspaces.create(template, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge.standard(ws).generate(request(ws));
        age(ws, Instant.now().minusSeconds(60));
        assertEquals(
                List.of("a", "b"), Envforge.standard(ws).generate(request(ws)).unchanged());
        assertTrue(
                Files.readString(ws.resolve(STAMPS)).contains("overlays/b/platform/namespace.yaml\t"),
                "stamps recorded");
        stamped = ws;
    }

    /** A copy of the stamped workspace: the same state a test got when it made the workspace itself. */
    private Path stampedWorkspace() {
        return Workspaces.copy(stamped, dir.resolve("ws"));
    }

    /** The unchanged check reads files whose time is not yet past the racy window, and does not stamp them. */
    @Test
    void filesWithinTheRacyWindowAreReadButNotStamped() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        // the writing run stamps nothing (its clock reads a minute early)
        Envforge.standard(ws)
                .withClock(() -> System.currentTimeMillis() - 60_000)
                .generate(request(ws));
        age(ws, Instant.now().plusSeconds(1)); // as if written a moment after the check looks at them
        assertEquals(List.of("a"), Envforge.standard(ws).generate(request(ws)).unchanged());
        assertFalse(
                Files.exists(ws.resolve(STAMPS))
                        && Files.readString(ws.resolve(STAMPS)).contains("\na\t"),
                "a file modified within the racy window must not be stamped");
    }

    /**
     * The racy window is one clock tick of the file system: 100 ms for times with a fraction of a second, 2 s for
     * times in whole seconds (file systems that keep seconds or two). A stamp inside it is not recorded.
     */
    @Test
    void theRacyWindowIsATickOfTheFileSystemsClock(@TempDir Path git) {
        long verified = 1_800_000_000_000L; // ms
        long ns = 1_000_000L;
        Map<String, Boolean> cases = new java.util.LinkedHashMap<>();
        cases.put("fine, 0.5 s before", record(git, (verified - 500) * ns + 123, verified));
        cases.put("fine, 50 ms before", record(git, (verified - 50) * ns + 123, verified));
        cases.put("whole second, 1 s before", record(git, (verified - 1000) * ns, verified));
        cases.put("whole second, 3 s before", record(git, (verified - 3000) * ns, verified));
        assertEquals(
                Map.of(
                        "fine, 0.5 s before", true,
                        "fine, 50 ms before", false,
                        "whole second, 1 s before", false,
                        "whole second, 3 s before", true),
                cases);
    }

    /** Whether a stamp of one file modified at {@code modifiedNanos} is recorded at {@code verifiedMillis}. */
    private static boolean record(Path git, long modifiedNanos, long verifiedMillis) {
        OutputStamps stamps = OutputStamps.in(Optional.of(git));
        SortedMap<String, OutputStamps.Stamp> files =
                new TreeMap<>(Map.of("overlays/a/x.yaml", new OutputStamps.Stamp(10, modifiedNanos)));
        stamps.record("a", "digest", files, verifiedMillis);
        return stamps.matches("a", "digest", files);
    }

    /**
     * The writing run stamps what it wrote itself (as {@code git checkout} puts the stat of the files it writes into
     * the index), so the run after it need not read them: shown by an edit that keeps size and time, which only a
     * run trusting the stamps misses. Its clock here reads a minute late, past the racy window of the files it wrote.
     */
    @Test
    void aWritingRunStampsTheFilesItWrote() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge.standard(ws)
                .withClock(() -> System.currentTimeMillis() + 60_000)
                .generate(request(ws));
        String stamps = Files.readString(ws.resolve(STAMPS));
        assertTrue(stamps.contains("\nb\t") && stamps.contains("overlays/b/platform/namespace.yaml\t"), stamps);
        assertTrue(stamps.contains("\na\t"), stamps);
        Path file = ws.resolve("overlays/b/platform/namespace.yaml");
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace("name: b", "name: x"));
        Files.setLastModifiedTime(file, time);
        assertEquals(
                List.of("a", "b"),
                Envforge.standard(ws).generate(request(ws).withCommit(false)).unchanged(),
                "the writer's stamps matched, so the next run did not read the files");
    }

    /** A writing run whose clock reads before the times of the files it wrote (within the racy window) stamps none. */
    @Test
    void aWritingRunDoesNotStampFilesInTheRacyWindow() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        Envforge.standard(ws)
                .withClock(() -> System.currentTimeMillis() - 60_000)
                .generate(request(ws));
        assertFalse(
                Files.exists(ws.resolve(STAMPS))
                        && Files.readString(ws.resolve(STAMPS)).contains("\na\t"),
                "files written within the racy window before the stamps are kept must be read by the next run");
    }

    @Test
    void aDryRunWritesNoStamps() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        // the writing run stamps nothing (its clock reads a minute early)
        Envforge.standard(ws)
                .withClock(() -> System.currentTimeMillis() - 60_000)
                .generate(request(ws));
        age(ws, Instant.now().minusSeconds(60));
        GenerateRequest dryRun = GenerateRequest.builder(ws)
                .environments(List.of("all"))
                .mode(GenerateRequest.Mode.DRY_RUN)
                .build();
        assertEquals(List.of("a"), Envforge.standard(ws).generate(dryRun).unchanged());
        assertFalse(Files.exists(ws.resolve(STAMPS)), "diff writes nothing, not even the stamp cache");
        Envforge.standard(ws).generate(request(ws));
        assertTrue(Files.exists(ws.resolve(STAMPS)));
    }

    @Test
    void anEditThatKeepsSizeAndTimeIsNotReadAgain() throws IOException {
        Path ws = stampedWorkspace();
        Path file = ws.resolve("overlays/b/platform/namespace.yaml");
        FileTime time = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("name: b", "name: x"));
        Files.setLastModifiedTime(file, time);
        assertEquals(
                List.of("a", "b"),
                Envforge.standard(ws).generate(request(ws).withCommit(false)).unchanged(),
                "the stamps matched, so the files were not read (the blind spot Git has too)");
        assertEquals(
                List.of("a"),
                Envforge.standard(ws).generate(request(ws)).unchanged(),
                "a committing run also compares with HEAD, whose index entry has another time, so Git reads it");
    }

    @Test
    void anEditThatMovesTheStampIsCaught() throws IOException {
        Path ws = stampedWorkspace();
        Path file = ws.resolve("overlays/b/platform/namespace.yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("name: b", "name: x"));
        GenerateResult result = Envforge.standard(ws).generate(request(ws));
        assertEquals(List.of("b"), result.generated());
        assertEquals(text, Files.readString(file));
    }

    @Test
    void aStrayOrDeletedFileIsCaught() throws IOException {
        Path ws = stampedWorkspace();
        Files.writeString(ws.resolve("overlays/a/stray.yaml"), "kind: Stray\n");
        Files.delete(ws.resolve("terraform/environments/b/outputs.tf"));
        GenerateResult result = Envforge.standard(ws).generate(request(ws));
        assertEquals(List.of("a", "b"), result.generated());
        assertFalse(Files.exists(ws.resolve("overlays/a/stray.yaml")));
        assertTrue(Files.exists(ws.resolve("terraform/environments/b/outputs.tf")));
    }

    @Test
    void aDamagedStampFileIsIgnored() throws IOException {
        Path ws = stampedWorkspace();
        Files.writeString(ws.resolve(STAMPS), "not\tstamps\n");
        Path file = ws.resolve("overlays/b/platform/namespace.yaml");
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace("name: b", "name: x"));
        Files.setLastModifiedTime(file, time);
        assertEquals(
                List.of("b"),
                Envforge.standard(ws).generate(request(ws)).generated(),
                "without usable stamps the files are read, and the edit is found");
    }

    private static void age(Path ws, Instant when) throws IOException {
        for (String folder : List.of("overlays", "clusters", "terraform/environments", "ansible/inventories")) {
            try (Stream<Path> files = Files.walk(ws.resolve(folder))) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Files.setLastModifiedTime(p, FileTime.from(when));
                }
            }
        }
    }
}
