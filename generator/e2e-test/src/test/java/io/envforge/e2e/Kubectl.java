package io.envforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The real {@code kubectl} (built with the control plane) against the test API server. */
final class Kubectl {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final Path kubeconfig;

    Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    Result run(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Components.bin("kubectl").toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " timed out");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs and fails with kubectl's own message when it exits non-zero. */
    String ok(String stdin, String... args) {
        Result result = run(stdin, args);
        if (!result.ok()) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed (" + result.exit() + "):\n"
                    + result.err() + result.out());
        }
        return result.out();
    }

    JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-o=json");
        try {
            return JSON.readTree(ok(null, all.toArray(String[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code kubectl get ... -o json} until the predicate holds; fails with {@code why} and the last object. */
    JsonNode await(
            int seconds, Predicate<JsonNode> done, java.util.function.Function<JsonNode, String> why, String... args) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = null;
        while (true) {
            Result result = run(null, concat(args, "-o=json"));
            if (result.ok()) {
                try {
                    last = JSON.readTree(result.out());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (done.test(last)) {
                    return last;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + seconds + " s, kubectl get " + String.join(" ", args) + ": "
                        + (last == null ? result.err() : why.apply(last)));
            }
            sleep(1000);
        }
    }

    private static String[] concat(String[] args, String extra) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = extra;
        return out;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
