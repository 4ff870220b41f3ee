package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sharded fleet run as CI runs it, with local processes in place of runners: one bare repository as the remote;
 * N worker JVMs, each in its own clone, run {@code generate --env all --shard K/N} and push their commit to
 * {@code envforge/shard-K-of-N} with the git CLI; a last clone fetches the shard branches and runs
 * {@code envforge combine}. The combined commit must hold exactly the tree a single unsharded run makes, whatever
 * the order the shards are given in, and each shard's commit only its own environments.
 */
class ShardedFleetIT {

    private static final int SHARDS = 3;
    private static final List<String> ENVS = List.of("alpha", "bravo", "charlie", "delta", "echo");

    @TempDir
    Path temp;

    @Test
    void shardsPushedByWorkerProcessesCombineIntoTheTreeOfOneUnshardedRun() throws Exception {
        Path seed = TestWorkspace.create(temp.resolve("seed")).root();
        for (int i = 0; i < ENVS.size(); i++) {
            Files.writeString(
                    seed.resolve("environments/" + ENVS.get(i) + ".yaml"),
                    "apiVersion: envforge.io/v1alpha1\n"
                            + "kind: Environment\nmetadata:\n  name: " + ENVS.get(i) + "\nspec:\n  cloud: "
                            + (i % 2 == 0 ? "aws" : "azure") + "\n  network:\n    cidr: 10.64." + (16 * i) + ".0/20\n");
        }
        git(seed, "add", "-A");
        git(seed, "-c", "user.name=seed", "-c", "user.email=seed@localhost", "commit", "-q", "-m", "specs");
        Path bare = temp.resolve("remote.git");
        git(temp, "clone", "-q", "--bare", seed.toString(), bare.toString());

        List<Process> workers = new ArrayList<>();
        for (int k = 1; k <= SHARDS; k++) {
            Path clone = clone(bare, "worker-" + k);
            workers.add(java(
                    clone.resolve("../worker-" + k + ".log"),
                    "generate",
                    "--env",
                    "all",
                    "--shard",
                    k + "/" + SHARDS,
                    "--workspace",
                    clone.toString(),
                    "--schemas",
                    TestWorkspace.SCHEMAS.toString()));
        }
        for (int k = 1; k <= SHARDS; k++) {
            Process p = workers.get(k - 1);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "worker " + k + " timed out");
            assertEquals(0, p.exitValue(), Files.readString(temp.resolve("worker-" + k + ".log")));
            git(
                    temp.resolve("worker-" + k),
                    "push",
                    "-q",
                    "origin",
                    "HEAD:refs/heads/envforge/shard-" + k + "-of-" + SHARDS);
        }

        Set<String> seen = new TreeSet<>();
        List<String> refs = new ArrayList<>();
        Path combine = clone(bare, "combine");
        git(combine, "fetch", "-q", "origin", "refs/heads/envforge/*:refs/remotes/origin/envforge/*");
        for (int k = 1; k <= SHARDS; k++) {
            String ref = "origin/envforge/shard-" + k + "-of-" + SHARDS;
            refs.add(ref);
            Set<String> envs = new TreeSet<>();
            for (String path :
                    git(combine, "diff", "--name-only", "origin/main", ref).split("\n")) {
                envs.add(path.replaceFirst("^(overlays|clusters|terraform/environments|ansible/inventories)/", "")
                        .replaceFirst("/.*", ""));
            }
            List<String> expected = new ArrayList<>();
            for (int i = k - 1; i < ENVS.size(); i += SHARDS) {
                expected.add(ENVS.get(i));
            }
            assertEquals(new TreeSet<>(expected), envs, "shard " + k + " holds its round-robin slice only");
            envs.forEach(e -> assertTrue(seen.add(e), e + " rendered by two shards"));
        }
        assertEquals(new TreeSet<>(ENVS), seen);

        Process combined = java(
                temp.resolve("combine.log"),
                List.of("combine", "--workspace", combine.toString(), "--schemas", TestWorkspace.SCHEMAS.toString()),
                refs);
        assertTrue(combined.waitFor(300, TimeUnit.SECONDS));
        String log = Files.readString(temp.resolve("combine.log"));
        assertEquals(0, combined.exitValue(), log);
        assertTrue(log.contains("envforge: 5 environment(s) from 3 shard(s)"), log);
        assertEquals("", git(combine, "status", "--porcelain"), "work tree matches the combined commit");
        git(combine, "push", "-q", "origin", "HEAD:refs/heads/envforge/fleet");
        String combinedTree = git(combine, "rev-parse", "HEAD^{tree}").strip();
        assertEquals(
                git(combine, "rev-parse", "origin/main").strip(),
                git(combine, "rev-parse", "HEAD~1").strip(),
                "one commit on the base");

        Path reversed = clone(bare, "reversed");
        git(reversed, "fetch", "-q", "origin", "refs/heads/envforge/*:refs/remotes/origin/envforge/*");
        assertEquals(
                0,
                Main.run(concat(
                                List.of(
                                        "combine",
                                        "--workspace",
                                        reversed.toString(),
                                        "--schemas",
                                        TestWorkspace.SCHEMAS.toString()),
                                reversed(refs))
                        .toArray(new String[0])));
        assertEquals(combinedTree, git(reversed, "rev-parse", "HEAD^{tree}").strip(), "order of shards is irrelevant");

        Path single = clone(bare, "single");
        assertEquals(
                0,
                Main.run(
                        "generate",
                        "--env",
                        "all",
                        "--workspace",
                        single.toString(),
                        "--schemas",
                        TestWorkspace.SCHEMAS.toString()));
        assertEquals(
                git(single, "rev-parse", "HEAD^{tree}").strip(),
                combinedTree,
                "the combined change is what one unsharded run commits");
        assertNotEquals(
                git(single, "rev-parse", "origin/main").strip(),
                git(single, "rev-parse", "HEAD").strip(),
                "the single run committed");
    }

    private Path clone(Path bare, String name) throws IOException, InterruptedException {
        Path dir = temp.resolve(name);
        git(temp, "clone", "-q", bare.toString(), dir.toString());
        git(dir, "config", "user.name", "worker");
        git(dir, "config", "user.email", "worker@localhost");
        return dir;
    }

    private static List<String> reversed(List<String> list) {
        List<String> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Process java(Path log, String... args) throws IOException {
        return java(log, List.of(args), List.of());
    }

    /** A worker JVM running the CLI with this test's class path. */
    private static Process java(Path log, List<String> args, List<String> more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.envforge.cli.Main"));
        command.addAll(args);
        command.addAll(more);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " in " + dir + ": " + out);
        }
        return out;
    }
}
