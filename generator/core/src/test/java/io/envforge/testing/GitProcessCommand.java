package io.envforge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** One SSH exec request such as {@code git-receive-pack '/remote.git'}, run by the real git binary. */
final class GitProcessCommand implements Command {

    private final Path root;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    GitProcessCommand(Path root, String command) {
        this.root = root;
        this.command = command;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        String[] parts = command.split(" ", 2);
        String service = parts[0];
        if (!service.equals("git-upload-pack") && !service.equals("git-receive-pack") || parts.length < 2) {
            err.write(("unsupported command: " + command + "\n").getBytes());
            err.flush();
            exit.onExit(1);
            return;
        }
        String path = parts[1].replace("'", "").replaceFirst("^/+", "");
        ProcessBuilder builder = new ProcessBuilder(
                "git", service.substring(4), root.resolve(path).toString());
        String protocol = env.getEnv().get("GIT_PROTOCOL");
        if (protocol != null) {
            builder.environment().put("GIT_PROTOCOL", protocol);
        }
        process = builder.start();
        Thread stdin = pump(in, process.getOutputStream(), true);
        Thread stdout = pump(process.getInputStream(), out, false);
        Thread stderr = pump(process.getErrorStream(), err, false);
        Thread waiter = new Thread(
                () -> {
                    try {
                        int code = process.waitFor();
                        stdout.join();
                        stderr.join();
                        exit.onExit(code);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "git-ssh-exit");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static Thread pump(InputStream from, OutputStream to, boolean closeAfter) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try {
                        for (int n; (n = from.read(buffer)) >= 0; ) {
                            to.write(buffer, 0, n);
                            to.flush();
                        }
                    } catch (IOException ignored) {
                        // the other side went away
                    } finally {
                        if (closeAfter) {
                            try {
                                to.close();
                            } catch (IOException ignored) {
                                // already closed
                            }
                        }
                    }
                },
                "git-ssh-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null) {
            process.destroy();
        }
    }

    @Override
    public void setInputStream(InputStream value) {
        in = value;
    }

    @Override
    public void setOutputStream(OutputStream value) {
        out = value;
    }

    @Override
    public void setErrorStream(OutputStream value) {
        err = value;
    }

    @Override
    public void setExitCallback(ExitCallback value) {
        exit = value;
    }
}
