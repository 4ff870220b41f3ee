package io.envforge.pipeline;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;

/** A {@link TestWorkspace} with short-hands for fleets: write specs, generate, dry-run, commit everything. */
public final class Scratch {

    public static final Path REPO = TestWorkspace.REPO;
    public static final Path SHARED = TestWorkspace.SHARED;

    private final TestWorkspace ws;

    private Scratch(TestWorkspace ws) {
        this.ws = ws;
    }

    public static Scratch in(Path dir) {
        return new Scratch(TestWorkspace.create(dir));
    }

    /** A workspace made before, e.g. a copy of one made once for a whole test class. */
    public static Scratch at(Path dir) {
        return new Scratch(TestWorkspace.open(dir));
    }

    public Path root() {
        return ws.root();
    }

    /** Writes {@code environments/<name>.yaml}; {@code extra} is YAML under {@code spec:} (two-space indented). */
    public Scratch spec(String name, String cloud, String cidr, String extra) {
        return write(
                "environments/" + name + ".yaml",
                "apiVersion: envforge.io/v1alpha1\nkind: Environment\n"
                        + "metadata:\n  name: " + name + "\nspec:\n  cloud: " + cloud + "\n  network:\n    cidr: "
                        + cidr
                        + "\n" + extra);
    }

    public Scratch write(String path, String text) {
        ws.write(path, text);
        return this;
    }

    public String read(String path) {
        try {
            return Files.readString(root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates {@code envs} (validated against the shared schemas when {@code schemas}), without committing. */
    public GenerateResult generate(boolean schemas, String... envs) {
        return Envforge.standard(root()).generate(request(schemas, false, envs));
    }

    public GenerateRequest request(boolean schemas, boolean dryRun, String... envs) {
        return GenerateRequest.builder(root())
                .environments(List.of(envs))
                .schemas(schemas ? TestWorkspace.SCHEMAS : null)
                .mode(GenerateRequest.Mode.of(false, dryRun))
                .build();
    }

    /** Commits every file of the work tree. */
    public Scratch commitAll(String message) {
        try (Git git = Git.open(root().toFile())) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit().setMessage(message).call();
            return this;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file (path → content) except under {@code .git/}. */
    public Map<String, String> files() {
        return ws.snapshot();
    }
}
