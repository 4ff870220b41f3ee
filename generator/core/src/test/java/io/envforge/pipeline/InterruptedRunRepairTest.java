package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.render.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that wrote files but did not commit them (a run with {@code -Denvforge.commit=false}, a commit that failed or
 * was killed, an index left behind HEAD) is repaired by the next committing run: it compares with HEAD, not only with
 * the disk, commits whatever the environment's generated files are, and leaves {@code git status} clean (checked with
 * the real {@code git}).
 */
class InterruptedRunRepairTest {

    @TempDir
    Path dir;

    private static GenerateRequest request(Path ws, boolean commit) {
        return GenerateRequest.builder(ws)
                .environments(List.of("all"))
                .mode(GenerateRequest.Mode.of(commit, false))
                .build();
    }

    @Test
    void filesWrittenWithoutACommitAreCommittedByTheNextRun() throws Exception {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge.standard(ws).generate(request(ws, false));
        assertTrue(!git(ws, "status", "--porcelain").isEmpty(), "written, not committed");

        GenerateResult repaired = Envforge.standard(ws).generate(request(ws, true));

        assertEquals(List.of(), repaired.unchanged(), "files not in HEAD are not unchanged");
        assertTrue(repaired.commit().isPresent(), "the files on disk were right, yet HEAD did not hold them");
        assertClean(ws);
        assertEquals(generatedFiles(ws), headFiles(ws));
    }

    @Test
    void aSpecEditAfterAnUncommittedRunCommitsEveryFile() throws Exception {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        Envforge.standard(ws).generate(request(ws, false));
        Files.writeString(
                ws.resolve("environments/a.yaml"),
                Files.readString(ws.resolve("environments/a.yaml"))
                        .replace("  cloud: aws\n", "  cloud: aws\n  layers:\n    integration:\n      replicas: 3\n"));

        Envforge.standard(ws).generate(request(ws, true));

        assertClean(ws);
        assertEquals(generatedFiles(ws), headFiles(ws));
    }

    @Test
    void anIndexLeftBehindHeadIsRepaired() throws Exception {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        Envforge.standard(ws).generate(request(ws, true));
        // as a kill between moving the branch and writing the index leaves it: HEAD new, the index the old tree
        git(ws, "read-tree", "HEAD~1");
        assertTrue(!git(ws, "status", "--porcelain").isEmpty());

        GenerateResult repaired = Envforge.standard(ws).generate(request(ws, true));

        assertEquals(Optional.empty(), repaired.commit(), "HEAD already holds the files");
        assertClean(ws);
    }

    @Test
    void aFileDeletedFromHeadOnlyIsCommittedAgain() throws Exception {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        Envforge.standard(ws).generate(request(ws, true));
        git(ws, "rm", "-q", "--cached", "overlays/a/kustomization.yaml");
        git(ws, "commit", "-q", "-m", "drop one file from HEAD, keep it on disk");

        Envforge.standard(ws).generate(request(ws, true));

        assertClean(ws);
        assertEquals(generatedFiles(ws), headFiles(ws));
    }

    static void assertClean(Path ws) throws Exception {
        assertEquals("", git(ws, "status", "--porcelain", "--untracked-files=all"), "git status");
    }

    /** Every file under the generated folders on disk. */
    static List<String> generatedFiles(Path ws) throws IOException {
        List<String> out = new ArrayList<>();
        for (String top : Layout.GENERATED_ROOTS) {
            if (Files.isDirectory(ws.resolve(top))) {
                try (Stream<Path> files = Files.walk(ws.resolve(top))) {
                    files.filter(Files::isRegularFile)
                            .map(p -> ws.relativize(p).toString())
                            .forEach(out::add);
                }
            }
        }
        return out.stream().sorted().toList();
    }

    static List<String> headFiles(Path ws) throws Exception {
        List<String> command = new ArrayList<>(List.of("ls-tree", "-r", "--name-only", "HEAD", "--"));
        command.addAll(Layout.GENERATED_ROOTS);
        return git(ws, command.toArray(String[]::new)).lines().sorted().toList();
    }

    static String git(Path ws, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@example.com"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(ws.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", args) + ": " + out);
        return out;
    }
}
