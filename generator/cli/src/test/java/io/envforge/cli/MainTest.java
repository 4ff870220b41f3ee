package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI maps options to a request and exit codes: 0 done, 1 bad input, 2 usage. */
class MainTest {

    @TempDir
    Path temp;

    @Test
    void generatesAndCommits() {
        TestWorkspace ws = TestWorkspace.create(temp);
        String before = ws.head();
        Captured out = capture(() -> Main.run(
                "generate",
                "--env",
                "dev1",
                "--subnet",
                "10.20.0.0/20",
                "--workspace",
                ws.root().toString(),
                "--schemas",
                TestWorkspace.SCHEMAS.toString()));
        assertEquals(0, out.code, out.err);
        assertTrue(out.out.contains("envforge: committed "), out.out);
        assertTrue(Files.exists(ws.root().resolve("overlays/dev1/kustomization.yaml")));
        assertTrue(!before.equals(ws.head()));
    }

    @Test
    void badInputExitsOneWithTheProblem() {
        TestWorkspace ws = TestWorkspace.create(temp);
        Captured out = capture(() -> Main.run(
                "generate",
                "--env",
                "dev1",
                "--subnet",
                "10.20.0.0/33",
                "--workspace",
                ws.root().toString()));
        assertEquals(1, out.code);
        assertTrue(
                out.err.contains("[ERROR] environments/dev1.yaml: spec.network.cidr \"10.20.0.0/33\": prefix must"
                        + " be 0..32; for example 10.20.0.0/20"),
                out.err);
        assertTrue(Files.notExists(ws.root().resolve("overlays")));
    }

    @Test
    void badShardExitsOneWithTheProblem() {
        TestWorkspace ws = TestWorkspace.create(temp);
        Captured out = capture(() -> Main.run(
                "generate",
                "--env",
                "all",
                "--shard",
                "9/8",
                "--workspace",
                ws.root().toString()));
        assertEquals(1, out.code, out.err);
        assertEquals(
                "[ERROR] -Dshard \"9/8\": a shard is K/N with 1 <= K <= N; for example -Dshard=1/8 (first of"
                        + " eight)\n",
                out.err);
    }

    @Test
    void missingOptionIsAUsageError() {
        assertEquals(2, capture(() -> Main.run("generate")).code);
    }

    private record Captured(int code, String out, String err) {}

    private static Captured capture(java.util.function.IntSupplier run) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = run.getAsInt();
            return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
