package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.Publish;
import io.envforge.api.Publish.Mode;
import io.envforge.error.EnvforgeException;
import io.envforge.git.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Repositories envforge must not commit into, put in that state by the real {@code git} command: a merge, rebase,
 * cherry-pick, revert or bisect in progress, and a detached HEAD with a direct push. Each is refused, naming the
 * state, with HEAD, the index and the work tree unchanged.
 */
class GitStateTest {

    /** Puts the workspace's repository into a state. */
    interface Setup {
        void prepare(Path ws) throws Exception;
    }

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                commitCase(
                        "merge with a conflict",
                        ws -> {
                            diverge(ws);
                            git(ws, 1, "merge", "other");
                        },
                        "the middle of a merge (MERGE_HEAD)",
                        "git merge --abort"),
                commitCase(
                        "merge resolved, not committed",
                        ws -> {
                            diverge(ws);
                            git(ws, 1, "merge", "other");
                            Files.writeString(ws.resolve("notes.txt"), "both\n");
                            git(ws, 0, "add", "notes.txt");
                        },
                        "the middle of a merge (MERGE_HEAD)",
                        "git commit"),
                commitCase(
                        "rebase stopped on a conflict",
                        ws -> {
                            diverge(ws);
                            git(ws, 1, "rebase", "other");
                        },
                        "the middle of a rebase",
                        "git rebase --abort"),
                commitCase(
                        "interactive rebase stopped to edit",
                        ws -> {
                            diverge(ws);
                            git(ws, 0, "-c", "sequence.editor=sed -i 1s/^pick/edit/", "rebase", "-i", "HEAD~1");
                        },
                        "the middle of a rebase",
                        "git rebase --continue"),
                commitCase(
                        "cherry-pick with a conflict",
                        ws -> {
                            diverge(ws);
                            git(ws, 1, "cherry-pick", "other");
                        },
                        "the middle of a cherry-pick (CHERRY_PICK_HEAD)",
                        "git cherry-pick --abort"),
                commitCase(
                        "revert with a conflict",
                        ws -> {
                            Files.writeString(ws.resolve("notes.txt"), "one\n");
                            git(ws, 0, "add", "notes.txt");
                            git(ws, 0, "commit", "-m", "one");
                            Files.writeString(ws.resolve("notes.txt"), "two\n");
                            git(ws, 0, "commit", "-am", "two");
                            git(ws, 1, "revert", "--no-edit", "HEAD~1");
                        },
                        "the middle of a revert (REVERT_HEAD)",
                        "git revert --abort"),
                commitCase("bisect", ws -> git(ws, 0, "bisect", "start"), "the middle of a bisect", "git bisect reset"),
                Arguments.of(
                        "detached HEAD with a direct push",
                        (Setup) ws -> {
                            git(
                                    ws,
                                    0,
                                    "remote",
                                    "add",
                                    "origin",
                                    ws.resolveSibling("remote.git").toString());
                            git(ws, 0, "checkout", "--detach");
                        },
                        true,
                        List.of(
                                "HEAD is detached, so a direct push has no branch to go to",
                                "-Denvforge.push=branch")));
    }

    private static Arguments commitCase(String label, Setup setup, String state, String fix) {
        return Arguments.of(label, setup, false, List.of("the repository is in " + state, fix));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesToCommit(String label, Setup setup, boolean directPush, List<String> expected) throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        setup.prepare(ws.root());
        Map<String, String> before = ws.snapshot();
        String head = ws.head();
        byte[] index = Files.readAllBytes(ws.root().resolve(".git/index"));
        GenerateRequest request = GenerateRequest.of(ws.root(), "dev1", "10.20.0.0/20");

        EnvforgeException e = assertThrows(EnvforgeException.class, () -> {
            if (directPush) {
                new PublishingRun(Envforge.standard(ws.root()), Credentials.none())
                        .run(request.withPublish(Publish.to("origin", Mode.DIRECT)));
            } else {
                Envforge.standard(ws.root()).generate(request);
            }
        });

        assertEquals(1, e.problems().size(), e.getMessage());
        expected.forEach(f -> assertTrue(e.getMessage().contains(f), "expected \"" + f + "\" in: " + e.getMessage()));
        assertEquals(head, ws.head(), "no commit may be made");
        assertArrayEquals(index, Files.readAllBytes(ws.root().resolve(".git/index")), "the index may not change");
        assertEquals(before, ws.snapshot(), "no file may change");
    }

    /** {@code main} and {@code other} change notes.txt differently; main is checked out. */
    private static void diverge(Path ws) throws Exception {
        Files.writeString(ws.resolve("notes.txt"), "base\n");
        git(ws, 0, "add", "notes.txt");
        git(ws, 0, "commit", "-m", "base");
        git(ws, 0, "checkout", "-b", "other");
        Files.writeString(ws.resolve("notes.txt"), "other\n");
        git(ws, 0, "commit", "-am", "other");
        git(ws, 0, "checkout", "main");
        Files.writeString(ws.resolve("notes.txt"), "main\n");
        git(ws, 0, "commit", "-am", "main");
    }

    /** Runs git in {@code ws}; fails unless it exits with {@code exit}. */
    private static void git(Path ws, int exit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("git", "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "core.editor=true"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ws.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_EDITOR", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(exit, process.waitFor(), String.join(" ", args) + ": " + output);
    }
}
