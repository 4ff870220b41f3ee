package io.envforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/** A scratch GitOps workspace for tests: the repository's charts and platform file, and specs the test writes. */
public final class Scratch {

    public static final Path REPO = Path.of(System.getProperty("envforge.repo", "../.."));
    public static final Path SHARED = Path.of(System.getProperty("envforge.shared", "../../../shared"));

    private final Path root;

    private Scratch(Path root) {
        this.root = root;
    }

    public static Scratch in(Path dir) {
        try {
            copy(REPO.resolve("charts"), dir.resolve("charts"));
            Files.createDirectories(dir.resolve("environments"));
            Files.copy(REPO.resolve("environments/platform.yaml"), dir.resolve("environments/platform.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scratch(dir);
    }

    public Path root() {
        return root;
    }

    /** Writes {@code environments/<name>.yaml}; {@code extra} is YAML under {@code spec:} (two-space indented). */
    public Scratch spec(String name, String cloud, String cidr, String extra) {
        String text = "apiVersion: envforge.io/v1alpha1\nkind: Environment\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  cloud: " + cloud + "\n  network:\n    cidr: " + cidr + "\n" + extra;
        return write("environments/" + name + ".yaml", text);
    }

    public Scratch write(String path, String text) {
        try {
            Files.createDirectories(root.resolve(path).getParent());
            Files.writeString(root.resolve(path), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates {@code envs} (validated against the shared schemas when {@code schemas}), without committing. */
    public GenerateResult generate(boolean schemas, String... envs) {
        return Envforge.standard(root).generate(request(schemas, false, envs));
    }

    public GenerateRequest request(boolean schemas, boolean dryRun, String... envs) {
        return new GenerateRequest(root, List.of(envs), Optional.empty(), Optional.empty(), false,
                schemas ? Optional.of(SHARED.resolve("schemas")) : Optional.empty(), false, dryRun);
    }

    /** Makes the workspace a Git repository with everything committed. */
    public Scratch commitAll(String message) {
        try (Git git = Files.isDirectory(root.resolve(".git")) ? Git.open(root.toFile())
                : Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit().setMessage(message).setAuthor("test", "test@localhost")
                    .setCommitter("test", "test@localhost").call();
            return this;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file (path → content) except under {@code .git/}. */
    public Map<String, String> files() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".git/")) {
                    out.put(rel, new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
