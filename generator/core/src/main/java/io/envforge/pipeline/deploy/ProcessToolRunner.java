package io.envforge.pipeline.deploy;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs tools as real processes. A tool's binary is looked up on the {@code PATH} of the given environment (not the
 * JVM's), unless the tool is mapped to a path ({@code terraform} → {@code /usr/local/bin/tofu}).
 */
public final class ProcessToolRunner implements ToolRunner {

    /** Set by the launcher when it set {@code GOGC} itself (generator/cli/envforge). */
    static final String LAUNCHER_GOGC = "ENVFORGE_LAUNCHER_GOGC";

    private final Map<String, String> binaries;
    private final Map<String, String> environment;

    /**
     * @param binaries tool name → binary (a name looked up on PATH, or a path); unmapped tools are looked up by name
     * @param environment the processes' environment (CI: this process's, with the secrets of the CI secret store)
     */
    public ProcessToolRunner(Map<String, String> binaries, Map<String, String> environment) {
        this.binaries = Map.copyOf(binaries);
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Result run(String tool, List<String> args, Path dir, Map<String, String> env, Path log, boolean capture) {
        List<String> command = new ArrayList<>();
        command.add(binary(tool));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        if ("1".equals(environment.get(LAUNCHER_GOGC))) {
            // GOGC=400 was set by generator/cli/envforge for Helm's Go runtime in this JVM, not for the tools
            builder.environment().remove("GOGC");
            builder.environment().remove(LAUNCHER_GOGC);
        }
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(
                    log,
                    "$ " + tool + " " + String.join(" ", args) + "   (in " + dir + ")\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (!capture) {
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            }
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = capture
                    ? CompletableFuture.supplyAsync(() -> read(process.getInputStream()))
                    : CompletableFuture.completedFuture("");
            int exit = process.waitFor();
            return new Result(exit, out.join());
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            tool,
                            "",
                            binary(tool),
                            "cannot run: " + e.getMessage(),
                            "install it on the runner or give its path (--terraform, PATH)"),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvforgeException(new Problem(tool, "", null, "interrupted", "run the pipeline again"), e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary's path: as mapped when it has a slash, else the first match on the environment's PATH. */
    String binary(String tool) {
        String name = binaries.getOrDefault(tool, tool);
        if (name.contains("/")) {
            return name;
        }
        String path = new HashMap<>(environment).getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return Path.of(folder, name).toString();
            }
        }
        return name;
    }
}
