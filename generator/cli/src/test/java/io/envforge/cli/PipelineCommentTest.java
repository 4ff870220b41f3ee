package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.pipeline.deploy.GitHubCommentTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code envforge pipeline comment} as the Jenkinsfile runs it, against GitHub's API stood in on 127.0.0.1: created,
 * then updated, the token from the environment sent in the header and printed nowhere.
 */
class PipelineCommentTest {

    @Test
    void postsThenUpdatesAndNeverPrintsTheToken(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.md"), "## envforge plan\n\ndev1 stage 1: 42 to add\n");
        try (GitHubCommentTest.FakeGitHub github = new GitHubCommentTest.FakeGitHub("acme/platform", 12)) {
            String[] args = {
                "--pr", "12", "--repo", "acme/platform", "--file", plan.toString(), "--api-url", github.uri() + "/"
            };
            Run first = run(Map.of("GITHUB_TOKEN", GitHubCommentTest.TOKEN), args);
            assertEquals(0, first.exit, first.err);
            assertTrue(first.out.startsWith("comment: created on acme/platform#12 "), first.out);
            Run second = run(Map.of("ENVFORGE_GITHUB_TOKEN", GitHubCommentTest.TOKEN), args);
            assertEquals(0, second.exit, second.err);
            assertTrue(second.out.startsWith("comment: updated on acme/platform#12 "), second.out);
            assertEquals(2, github.comments.size());
            assertTrue(github.comments.get(1).get("body").asText().endsWith("dev1 stage 1: 42 to add\n"));
            github.seen.forEach(s -> assertEquals("Bearer " + GitHubCommentTest.TOKEN, s.auth()));

            Run noToken = run(Map.of(), args);
            assertEquals(1, noToken.exit);
            assertTrue(noToken.err.contains("ENVFORGE_GITHUB_TOKEN or GITHUB_TOKEN"), noToken.err);
            Run refused = run(
                    Map.of("GITHUB_TOKEN", GitHubCommentTest.TOKEN),
                    "--pr",
                    "12",
                    "--repo",
                    "acme/gone",
                    "--file",
                    plan.toString(),
                    "--api-url",
                    github.uri().toString());
            assertEquals(1, refused.exit);
            assertTrue(refused.err.contains("HTTP 404"), refused.err);
            for (Run r : new Run[] {first, second, noToken, refused}) {
                assertFalse((r.out + r.err).contains(GitHubCommentTest.TOKEN), "the token is never printed");
            }
        }
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        PipelineComment command = new PipelineComment();
        command.env = env;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(command).execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
