package io.envforge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A throwaway GitOps workspace: the repository's platform file and charts, in a fresh Git repository. */
public final class TestWorkspace {

    public static final Path REPO = Path.of(System.getProperty("envforge.repo", "../.."))
            .toAbsolutePath()
            .normalize();
    public static final Path SHARED = Path.of(System.getProperty("envforge.shared", "../../../shared"))
            .toAbsolutePath()
            .normalize();
    public static final Path SCHEMAS = SHARED.resolve("schemas");

    private final Path root;

    private TestWorkspace(Path root) {
        this.root = root;
    }

    /** Copies {@code environments/platform.yaml} and {@code charts/} into {@code dir}, then git init + commit. */
    public static TestWorkspace create(Path dir) {
        copy(REPO.resolve("environments/platform.yaml"), dir.resolve("environments/platform.yaml"));
        copyTree(REPO.resolve("charts"), dir.resolve("charts"));
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.getRepository().getConfig().setString("user", null, "name", "test");
            git.getRepository().getConfig().setString("user", null, "email", "test@example.com");
            git.getRepository().getConfig().save();
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("initial")
                    .setAuthor(new PersonIdent("test", "test@example.com"))
                    .call();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
        return new TestWorkspace(dir);
    }

    /** A workspace made before (a copy of one {@link #create} made). */
    public static TestWorkspace open(Path dir) {
        return new TestWorkspace(dir);
    }

    public Path root() {
        return root;
    }

    public void write(String path, String text) {
        try {
            Files.createDirectories(root.resolve(path).getParent());
            Files.writeString(root.resolve(path), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the workspace except .git, path → content, for before/after comparisons. */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith(".git/")) {
                    out.put(rel, Files.readString(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public String head() {
        try (Git git = Git.open(root.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile)
                    .forEach(p -> copy(p, to.resolve(from.relativize(p).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
