package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real tools as processes; fails (never skips) when Ansible is not installed. */
final class Tools {

    static final String APT = "apt-get update && apt-get install -y ansible ansible-lint python3-psycopg2";

    private Tools() {}

    /** The process's exit code and its standard output and error, interleaved. */
    record Result(int exit, String output) {

        Result assertOk(String what) {
            if (exit != 0) {
                fail(what + " exited with " + exit + ":\n" + output);
            }
            return this;
        }
    }

    /** Fails with the Debian packages to install when a tool is missing from PATH. */
    static void require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail(tool + " is not installed (not on PATH). These tests run Ansible for real; install it with: " + APT);
    }

    static Result run(Path cwd, Map<String, String> env, List<String> command) {
        try {
            Path log = Files.createTempFile("envforge-tool", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command)
                        .directory(cwd.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in 5 minutes");
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
