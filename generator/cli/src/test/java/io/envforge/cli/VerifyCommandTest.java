package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envforge verify}: exit 0 on what generate committed, exit 1 with one {@code [ERROR]} line per problem. */
class VerifyCommandTest {

    @TempDir
    Path temp;

    @Test
    void passesThenFailsOnAHandEditedFileAndAnOverlap() throws Exception {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        String root = ws.root().toString();
        assertEquals(
                0,
                run(() -> Main.run("generate", "--env", "dev1", "--subnet", "10.20.0.0/20", "--workspace", root)).code);

        Captured ok = run(() -> Main.run("verify", "--workspace", root));
        assertEquals(0, ok.code, ok.err);
        assertTrue(ok.out.contains("envforge: verify: 1 environment(s), 0 reservation(s), 0 problem(s)"), ok.out);

        Path namespace = ws.root().resolve("overlays/dev1/platform/namespace.yaml");
        Files.writeString(namespace, Files.readString(namespace) + "# edited\n");
        ws.write(
                "environments/.reservations/dev2.yaml",
                "apiVersion: envforge.io/v1alpha1\nkind: Reservation\n"
                        + "metadata:\n  name: dev2\nspec:\n  cidr: 10.20.0.0/21\n");
        Captured bad = run(() -> Main.run("verify", "--workspace", root));
        assertEquals(1, bad.code, bad.out);
        assertEquals(1, bad.err.lines().count(), "one line: the overlap (dev1 is then not compared): " + bad.err);
        assertTrue(
                bad.err.startsWith("[ERROR] environments/dev1.yaml: spec.network.cidr \"10.20.0.0/20\": overlaps"
                        + " the block 10.20.0.0/21 reserved for environment dev2"),
                bad.err);

        Files.delete(ws.root().resolve("environments/.reservations/dev2.yaml"));
        Captured stale = run(() -> Main.run("verify", "--workspace", root));
        assertEquals(1, stale.code, stale.out);
        assertEquals(
                "[ERROR] overlays/dev1/platform/namespace.yaml: differs from what generate writes; run mvn"
                        + " generate -Denv=dev1 (envforge generate --env dev1) and commit the result with this change\n",
                stale.err);
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
