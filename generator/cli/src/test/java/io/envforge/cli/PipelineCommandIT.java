package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envforge pipeline plan} writes the pull request's comment for the environments the change touches, and
 * {@code envforge remove} on a live environment marks it instead of deleting its files; both ask Terraform through
 * the recording stand-in given as {@code --terraform}. It runs the stand-in as a process: an integration test, run
 * by {@code mvn verify}.
 */
class PipelineCommandIT {

    @TempDir
    Path temp;

    @Test
    void planWritesTheCommentAndRemoveMarksALiveEnvironment() throws Exception {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        String root = ws.root().toString();
        assertEquals(
                0,
                run(() -> Main.run("generate", "--env", "dev1", "--subnet", "10.20.0.0/20", "--workspace", root))
                        .code());
        String base = ws.head();
        assertEquals(
                0,
                run(() -> Main.run(
                                "generate",
                                "--env",
                                "dev2",
                                "--subnet",
                                "10.20.16.0/20",
                                "--cloud",
                                "azure",
                                "--workspace",
                                root))
                        .code());
        Path terraform = standIn(temp.resolve("standin"));
        Path comment = temp.resolve("out/plan.md");

        Captured plan = run(() -> Main.run(
                "pipeline",
                "plan",
                "--changed-from",
                base,
                "--workspace",
                root,
                "--work-dir",
                temp.resolve("work").toString(),
                "--terraform",
                terraform.toString(),
                "--output",
                comment.toString()));
        assertEquals(0, plan.code(), plan.err());
        String md = Files.readString(comment);
        assertTrue(md.contains("### dev2 (azure, flux)") && !md.contains("### dev1"), md);
        List<String> calls = Files.readAllLines(temp.resolve("standin/calls.jsonl"));
        assertTrue(calls.stream().allMatch(c -> c.contains("terraform/environments/dev2")), calls.toString());

        // dev1 is live: its stage 1 state holds a resource (the stand-in's state of that folder)
        Path dev1 = ws.root().resolve("terraform/environments/dev1").toRealPath();
        String key = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(dev1.toString().getBytes(StandardCharsets.UTF_8)));
        Files.writeString(temp.resolve("standin/state/" + key + ".json"), "[\"module.network.aws_vpc.this\"]");
        String head = ws.head();
        Captured marked = run(() -> Main.run(
                "remove",
                "--env",
                "dev1",
                "--confirm",
                "dev1",
                "--workspace",
                root,
                "--terraform",
                terraform.toString()));
        assertEquals(0, marked.code(), marked.err());
        assertTrue(
                marked.out()
                        .contains("Environment dev1 is live: terraform/environments/dev1/ holds 1"
                                + " resource(s); its files are kept."),
                marked.out());
        assertTrue(Files.exists(dev1.resolve("main.tf")));
        assertTrue(Files.exists(ws.root().resolve("environments/dev1.decommission")));
        assertFalse(head.equals(ws.head()), "the marker is committed");

        Captured refused = run(() -> Main.run(
                "remove",
                "--env",
                "dev1",
                "--confirm",
                "dev1",
                "--workspace",
                root,
                "--terraform",
                terraform.toString()));
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("the pipeline's destroy has not run"), refused.err());
        assertTrue(Files.exists(dev1.resolve("main.tf")));
    }

    private static Path standIn(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("state"));
        Path tool = dir.resolve("bin/terraform");
        try (InputStream in = PipelineCommandIT.class.getResourceAsStream("/standin/tool")) {
            Files.copy(in, tool);
        }
        assertTrue(tool.toFile().setExecutable(true));
        return tool;
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
