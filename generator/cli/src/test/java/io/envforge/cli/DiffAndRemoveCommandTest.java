package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} prints the summary and changes nothing; {@code remove} needs --confirm and exits 1 without it. */
class DiffAndRemoveCommandTest {

    @TempDir
    Path temp;

    @Test
    void diffThenRemove() throws Exception {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        String root = ws.root().toString();
        assertEquals(
                0,
                run(() -> Main.run("generate", "--env", "dev1", "--subnet", "10.20.0.0/20", "--workspace", root)).code);
        Map<String, String> tree = ws.snapshot();
        String head = ws.head();
        Path summary = temp.resolve("out/summary.md");

        Captured diff = run(() -> Main.run(
                "diff",
                "--env",
                "dev2",
                "--subnet",
                "10.20.16.0/20",
                "--workspace",
                root,
                "--summary",
                summary.toString()));
        assertEquals(0, diff.code, diff.err);
        assertTrue(diff.out.contains("- added `Namespace dev2` in `overlays/dev2/platform/namespace.yaml`"), diff.out);
        assertEquals(diff.out, Files.readString(summary));
        assertEquals(tree, ws.snapshot());
        assertEquals(head, ws.head());

        Captured refused = run(() -> Main.run("remove", "--env", "dev1", "--workspace", root));
        assertEquals(1, refused.code);
        assertTrue(refused.out.contains("Would remove environment dev1")
                && refused.out.contains("  - overlays/dev1/kustomization.yaml")
                && refused.out.contains("  - environments/dev1.yaml"));
        assertTrue(refused.err.contains("--confirm dev1"), refused.err);
        assertEquals(tree, ws.snapshot());

        Captured removed = run(() ->
                Main.run("remove", "--env", "dev1", "--confirm", "dev1", "--workspace", root, "--no-state-check"));
        assertEquals(0, removed.code, removed.err);
        assertTrue(removed.out.contains("envforge: committed "), removed.out);
        assertFalse(
                ws.snapshot().keySet().stream().anyMatch(p -> p.contains("dev1")),
                ws.snapshot().keySet().toString());
    }

    private record Captured(int code, String out, String err) {}

    private static Captured run(IntSupplier command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = command.getAsInt();
            return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
