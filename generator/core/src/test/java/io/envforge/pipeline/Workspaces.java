package io.envforge.pipeline;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Fleet test helpers on top of {@link TestWorkspace}: specs with given blocks, and reading a spec's block back. */
final class Workspaces {

    private Workspaces() {}

    /** A workspace in {@code dir} with charts, the platform file and specs {@code name=cidr}, committed. */
    static Path create(Path dir, List<String> specs) {
        Path root = TestWorkspace.create(dir).root();
        try (Git git = Git.open(root.toFile())) {
            for (String spec : specs) {
                int eq = spec.indexOf('=');
                writeSpec(root, spec.substring(0, eq), "aws", spec.substring(eq + 1));
            }
            if (!specs.isEmpty()) {
                git.add().addFilepattern("environments").call();
                git.commit().setMessage("specs").call();
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy of the workspace {@code from} (Git folder included) in {@code to}, each file keeping its modification
     * time to the nanosecond (what the output stamps record; {@code COPY_ATTRIBUTES} keeps microseconds only): for a
     * workspace generated once and used by many tests.
     */
    static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                    Files.setLastModifiedTime(target, Files.getLastModifiedTime(f));
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeSpec(Path dir, String name, String cloud, String cidr) throws IOException {
        Files.writeString(
                dir.resolve("environments/" + name + ".yaml"),
                "apiVersion: envforge.io/v1alpha1\n"
                        + "kind: Environment\nmetadata:\n  name: " + name + "\nspec:\n  cloud: " + cloud
                        + "\n  network:\n"
                        + "    cidr: " + cidr + "\n");
    }

    static String cidrOf(Path dir, String env) throws IOException {
        return Files.readAllLines(dir.resolve("environments/" + env + ".yaml")).stream()
                .filter(l -> l.trim().startsWith("cidr:"))
                .map(l -> l.trim().substring("cidr:".length()).trim())
                .findFirst()
                .orElseThrow();
    }
}
