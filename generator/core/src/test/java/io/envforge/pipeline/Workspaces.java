package io.envforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Scratch GitOps workspaces: the repository's charts and platform file in a fresh Git repository. */
final class Workspaces {

    private Workspaces() {
    }

    static Path repo() {
        return Path.of(System.getProperty("envforge.repo")).toAbsolutePath().normalize();
    }

    /** A workspace in {@code dir} with charts, the platform file and the given specs, committed. */
    static Path create(Path dir, List<String> specs) {
        try {
            copy(repo().resolve("charts"), dir.resolve("charts"));
            Files.createDirectories(dir.resolve("environments"));
            Files.copy(repo().resolve("environments/platform.yaml"), dir.resolve("environments/platform.yaml"));
            for (String spec : specs) {
                String name = spec.substring(0, spec.indexOf('='));
                writeSpec(dir, name, "aws", spec.substring(spec.indexOf('=') + 1));
            }
            try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
                git.getRepository().getConfig().setString("user", null, "name", "test");
                git.getRepository().getConfig().setString("user", null, "email", "test@localhost");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("init").call();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeSpec(Path dir, String name, String cloud, String cidr) throws IOException {
        Files.writeString(dir.resolve("environments/" + name + ".yaml"), "apiVersion: envforge.io/v1alpha1\n"
                + "kind: Environment\nmetadata:\n  name: " + name + "\nspec:\n  cloud: " + cloud + "\n  network:\n"
                + "    cidr: " + cidr + "\n");
    }

    static String cidrOf(Path dir, String env) throws IOException {
        return Files.readAllLines(dir.resolve("environments/" + env + ".yaml")).stream()
                .filter(l -> l.trim().startsWith("cidr:")).map(l -> l.trim().substring("cidr:".length()).trim())
                .findFirst().orElseThrow();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
