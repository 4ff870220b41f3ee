package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.testing.Repos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --push} and {@code --remote} reach the publishing run; a bad mode is a clear error. */
class PushOptionTest {

    @TempDir
    Path temp;

    @Test
    void pushesTheCommitToTheNamedRemotesEnvironmentBranch() throws Exception {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        Path bare = temp.resolve("remote.git");
        try (Git ignored = Git.init().setBare(true).setDirectory(bare.toFile()).call()) {
            Repos.addRemote(Git.open(ws.root().toFile()), "origin", bare.toUri().toString());
        }
        String[] out = run(
                "generate",
                "--env",
                "dev1",
                "--subnet",
                "10.20.0.0/20",
                "--workspace",
                ws.root().toString(),
                "--push",
                "branch",
                "--remote",
                "origin");

        assertEquals("0", out[0], out[2]);
        assertTrue(out[1].contains("envforge: pushed to " + bare.toUri() + " envforge/dev1"), out[1]);
        assertEquals(ws.head(), Repos.head(bare, "envforge/dev1").name());
    }

    @Test
    void anUnknownPushModeSaysWhichOnesExist() {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        String[] out = run(
                "generate",
                "--env",
                "dev1",
                "--subnet",
                "10.20.0.0/20",
                "--workspace",
                ws.root().toString(),
                "--push",
                "sideways");

        assertEquals("1", out[0]);
        assertTrue(out[2].contains("--push \"sideways\": unknown push mode; use branch"), out[2]);
    }

    /** Exit code, stdout, stderr. */
    private static String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new String[] {
                String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
            };
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
