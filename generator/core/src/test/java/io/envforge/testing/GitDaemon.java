package io.envforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code git daemon} on 127.0.0.1 with push enabled: the {@code git://} transport (no authentication). */
public final class GitDaemon implements GitServer {

    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static GitDaemon start(Path root) {
        int port = FreePort.find();
        try {
            Process process = new ProcessBuilder(
                            "git",
                            "daemon",
                            "--export-all",
                            "--enable=receive-pack",
                            "--listen=127.0.0.1",
                            "--port=" + port,
                            "--reuseaddr",
                            "--informative-errors",
                            "--base-path=" + root,
                            root.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolveSibling("git-daemon.log").toFile())
                    .start();
            FreePort.await(port, process);
            return new GitDaemon(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String url(String name) {
        return "git://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
