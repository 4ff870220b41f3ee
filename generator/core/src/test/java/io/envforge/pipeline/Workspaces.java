package io.envforge.pipeline;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
