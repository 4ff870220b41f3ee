package io.envforge.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A commit of more than {@link BlobSlices#PACK_THRESHOLD} files on three threads: HEAD gets the tree real Git writes
 * for the same files (hashed by Git itself through a fresh index), every object of every slice's pack is there
 * ({@code git fsck --full}), and {@code git status} is clean. A second commit whose files all have one content (every
 * slice holds the same single blob: one slice's pack is kept, the others' are dropped) keeps an unrelated staged file
 * staged and out of the commit. A file that cannot be read fails the commit: HEAD stays, the index is unlocked, and no
 * slice leaves a temporary pack behind.
 */
class ParallelCommitTest {

    private static final PersonIdent WHO = new PersonIdent("test", "test@example.com");

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    @Test
    void threeSlicesCommitTheTreeGitWritesWithEveryObjectPresent() throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        List<String> first = new ArrayList<>();
        for (int env = 0; env < 90; env++) {
            for (String kind : List.of("values", "kustomization", "release", "network", "inventory", "main.tf")) {
                first.add(write("out/env-%03d/%s.yaml".formatted(env, kind), document(env, kind)));
            }
            // one blob in every slice: each slice inserts it, only the first slice's pack needs it
            first.add(write("out/env-%03d/common.yaml".formatted(env), document(-1, "common")));
        }
        try (Repository repo = Git.open(dir.toFile()).getRepository()) {
            try (BlobSlices slices = BlobSlices.open(repo, first.size(), 3)) {
                assertEquals(3, slices.count(), "slices for 630 files on 3 threads");
            }
            assertTrue(PathCommit.commit(repo, first, List.of(), List.of(), "first", WHO, 3)
                    .isPresent());
        }
        assertEquals(gitWriteTree(), git("rev-parse", "HEAD^{tree}").strip());
        assertClean();
        assertEquals(4, packs(), "one pack per slice, each with blobs of its own, and one of the trees");

        write("notes.txt", "staged by hand\n");
        git("add", "notes.txt");
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            second.add(write("same/f-%03d.txt".formatted(i), "one content\n"));
        }
        try (Repository repo = Git.open(dir.toFile()).getRepository()) {
            assertTrue(PathCommit.commit(repo, second, List.of(), List.of(), "second", WHO, 3)
                    .isPresent());
        }
        assertEquals("A  notes.txt\n", git("status", "--porcelain"));
        assertEquals("", git("ls-tree", "HEAD", "notes.txt"));
        git("rm", "--cached", "-q", "notes.txt");
        Files.delete(dir.resolve("notes.txt"));
        assertEquals(gitWriteTree(), git("rev-parse", "HEAD^{tree}").strip());
        assertClean();
        assertEquals(6, packs(), "one pack of the blob every slice holds, and one of the trees");
    }

    @Test
    void aFileThatCannotBeReadFailsTheCommitAndLeavesNoTemporaryPack() throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        write("README.md", "first\n");
        git("add", "README.md");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
        String head = git("rev-parse", "HEAD");
        List<String> paths = new ArrayList<>(List.of("out/missing.yaml"));
        for (int i = 0; i < 450; i++) {
            paths.add(write("out/f-%03d.yaml".formatted(i), document(i, "values")));
        }
        try (Repository repo = Git.open(dir.toFile()).getRepository()) {
            IOException failure = assertThrows(
                    IOException.class, () -> PathCommit.commit(repo, paths, List.of(), List.of(), "second", WHO, 2));
            assertTrue(failure.getMessage().contains("out/missing.yaml"), failure.toString());
        }
        assertEquals(head, git("rev-parse", "HEAD"));
        assertFalse(Files.exists(dir.resolve(".git/index.lock")));
        assertNoTemporaryPack();
    }

    /**
     * Blobs packed ahead from memory while the files are written (the pipeline's order): a file the writer's check
     * accepts is committed with the packed blob, and is not read (the test gives one such file other bytes on disk
     * than were packed, so reading it would show); a file edited after the write (the check refuses it) is read and
     * committed as it is on disk. The workspace is a folder inside the repository, so the paths carry its prefix.
     */
    @Test
    void blobsPackedAheadAreCommittedForFilesStillAsWrittenAndTheOthersAreRead() throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        for (int i = 0; i < 500; i++) {
            String path = "f-%03d.yaml".formatted(i);
            bytes.put(path, document(i, "values").getBytes(StandardCharsets.UTF_8));
        }
        GitPublisher publisher = new GitPublisher(Files.createDirectories(dir.resolve("ws")), 2);
        String edited = "f-007.yaml";
        String notRead = "f-008.yaml";
        try (GitPublisher.Ahead ahead = publisher.packAhead(bytes.size(), bytes)) {
            for (Map.Entry<String, byte[]> e : bytes.entrySet()) {
                Files.write(dir.resolve("ws").resolve(e.getKey()), e.getValue());
            }
            write("ws/" + edited, "edited after the write\n");
            // same size, other bytes: as if edited within the writer's stamp (only a read would see it)
            write("ws/" + notRead, new String(bytes.get(notRead), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT));
            assertTrue(publisher
                    .commit(
                            List.copyOf(bytes.keySet()),
                            List.of(),
                            List.of(),
                            "ahead",
                            ahead,
                            (path, a) -> !path.equals(edited))
                    .isPresent());
        }
        assertEquals("edited after the write\n", git("show", "HEAD:ws/" + edited));
        assertEquals(new String(bytes.get(notRead), StandardCharsets.UTF_8), git("show", "HEAD:ws/" + notRead));
        assertEquals(document(9, "values"), git("show", "HEAD:ws/f-009.yaml"));
        write("ws/" + notRead, new String(bytes.get(notRead), StandardCharsets.UTF_8));
        assertEquals(gitWriteTree(), git("rev-parse", "HEAD^{tree}").strip());
        assertClean();
    }

    /**
     * A write that fails after blobs were packed ahead: closing the packing without a commit leaves HEAD, and no
     * pack, temporary or not.
     */
    @Test
    void blobsPackedAheadOfAFailedWriteLeaveNoPack() throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        for (int i = 0; i < 500; i++) {
            bytes.put("f-%03d.yaml".formatted(i), document(i, "values").getBytes(StandardCharsets.UTF_8));
        }
        try (GitPublisher.Ahead ahead = new GitPublisher(dir, 2).packAhead(bytes.size(), bytes)) {
            assertTrue(ahead.awaitPacked(), "packed ahead on two threads");
            assertTrue(temporaryPacks() >= 2, "each thread's blobs are in a temporary pack");
            // the write fails here: no commit
        }
        assertEquals(0, packs());
        assertNoTemporaryPack();
    }

    /**
     * Git's auto gc after a commit: with {@code gc.autoPackLimit = 1}, every commit that leaves more packs than JGit's
     * limit (the setting + 1) packs the repository into one (HEAD's tree and every object stay: fsck, status); with
     * {@code gc.auto = 0} or {@code maintenance.auto = false} (Git's switches for the automatic run), with
     * {@code gc.pruneExpire = never} (left to Git: JGit 7.4 overflows on it after writing the new pack) and with the
     * default limit of 50, the packs stay as the commits left them. Three blob threads, whatever the machine has.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "'gc.autoPackLimit=1', 1",
        "'gc.autoPackLimit=1,gc.auto=0', 0",
        "'gc.autoPackLimit=1,maintenance.auto=false', 0",
        "'gc.autoPackLimit=1,gc.pruneExpire=never', 0",
        "'', 0"
    })
    void aCommitLeavingTooManyPacksPacksThemAsGitGcAutoWould(String config, int packsAfterEachCommit) throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        for (String setting : config.isEmpty() ? new String[0] : config.split(",")) {
            String[] kv = setting.split("=");
            git("config", kv[0], kv[1]);
        }
        GitPublisher publisher = new GitPublisher(dir, 3); // 3 packs a commit: more than JGit's limit + 1 = 2
        List<Long> packs = new ArrayList<>();
        for (int commit = 0; commit < 2; commit++) {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                paths.add(write("c%d/f-%03d.yaml".formatted(commit, i), document(i, "commit-" + commit)));
            }
            assertTrue(publisher
                    .commit(paths, List.of(), List.of(), "commit " + commit)
                    .isPresent());
            packs.add(packs());
        }
        if (packsAfterEachCommit == 1) {
            assertEquals(List.of(1L, 1L), packs, "packed after each commit");
        } else {
            assertTrue(packs.get(1) >= 2 && packs.get(1) > packs.get(0), "packs left alone: " + packs);
        }
        assertEquals(gitWriteTree(), git("rev-parse", "HEAD^{tree}").strip());
        assertClean();
    }

    /**
     * A repository with a linked worktree is not packed by envforge (JGit's GC would not keep that worktree's HEAD and
     * index): left to Git, whose gc does.
     */
    @Test
    void aRepositoryWithALinkedWorktreeIsLeftToGit() throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        git("config", "gc.autoPackLimit", "1");
        write("README.md", "first\n");
        git("add", "README.md");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
        git("worktree", "add", "-q", "--detach", scratch.resolve("other").toString());
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            paths.add(write("out/f-%03d.yaml".formatted(i), document(i, "values")));
        }
        assertTrue(new GitPublisher(dir, 3)
                .commit(paths, List.of(), List.of(), "second")
                .isPresent());
        assertEquals(3, packs(), "two blob packs and one of trees, not packed into one");
    }

    /**
     * {@code git fsck --full} finds every object of HEAD and the index, {@code git status} sees no change, and no
     * temporary pack is left behind.
     */
    private void assertClean() throws Exception {
        String fsck = git("fsck", "--full", "--no-dangling");
        assertEquals("", fsck, "git fsck --full");
        assertEquals("", git("status", "--porcelain"));
        assertNoTemporaryPack();
    }

    private long temporaryPacks() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(".git/objects"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("insert_")
                            && p.toString().endsWith(".pack"))
                    .count();
        }
    }

    private void assertNoTemporaryPack() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(".git/objects"))) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().startsWith("insert_"))
                            .toList());
        }
    }

    /**
     * The tree Git itself hashes from the work tree, through a new index and into a separate object folder (ours are
     * neither consulted nor added to, so a lost blob stays lost for {@code git fsck}).
     */
    private String gitWriteTree() throws Exception {
        Path index = scratch.resolve("index");
        Files.deleteIfExists(index);
        Path objects = Files.createDirectories(scratch.resolve("objects"));
        Map<String, String> env =
                Map.of("GIT_INDEX_FILE", index.toString(), "GIT_OBJECT_DIRECTORY", objects.toString());
        run(env, "add", "-A");
        return run(env, "write-tree").strip();
    }

    private long packs() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(".git/objects/pack"))) {
            return files.filter(p -> p.toString().endsWith(".pack")).count();
        }
    }

    /** A generated-looking document of about 1.5 KB, different per environment and kind. */
    private static String document(int env, String kind) {
        StringBuilder text =
                new StringBuilder("# generated by envforge from environments/env-%03d.yaml\n".formatted(env));
        for (int line = 0; line < 40; line++) {
            text.append("%s-%d: %s-%03d-%s\n"
                    .formatted(kind, line, kind, env, ObjectId.zeroId().name().substring(line % 20)));
        }
        return text.toString();
    }

    private String write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return path;
    }

    private String git(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private String run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", args) + ": " + out);
        return out;
    }
}
