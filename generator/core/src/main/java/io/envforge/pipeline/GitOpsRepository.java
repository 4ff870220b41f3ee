package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.Publish;
import io.envforge.api.PublishResult;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.git.Credentials;
import io.envforge.git.GitPublisher;
import io.envforge.git.GitRemote;
import io.envforge.render.OutputTree;
import io.envforge.spec.SpecReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Publishing to a separate GitOps repository: clone its URL into a work folder (or reuse the clone left there),
 * generate into the clone (specs and charts still come from the workspace), commit and push with the same retry loop.
 * A spec the run created or changed is also written back to the workspace, where specs live.
 */
final class GitOpsRepository {

    private final PublishingRun run;
    private final Publish publish;
    private final Credentials credentials;
    private final File sshHome;

    GitOpsRepository(PublishingRun run, Publish publish, Credentials credentials, File sshHome) {
        this.run = run;
        this.publish = publish;
        this.credentials = credentials;
        this.sshHome = sshHome;
    }

    PublishResult publish(GenerateRequest request) {
        boolean temporary = publish.workDir().isEmpty();
        Path dir =
                publish.workDir().orElseGet(GitOpsRepository::temporaryFolder).toAbsolutePath();
        try (GitRemote remote = open(dir)) {
            GitPublisher clone = new GitPublisher(dir);
            String target = publish.target().orElseGet(clone::currentBranch);
            PublishResult result = run.loop(request.withOutput(dir), publish.withTarget(target), remote);
            copySpecsBack(request.workspace(), dir, result.generation());
            return result;
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
    }

    /** A fresh clone, or the clone already in {@code dir} brought up to date with the remote. */
    private GitRemote open(Path dir) {
        if (!Files.isDirectory(dir.resolve(".git"))) {
            requireEmptyFolder(dir);
            return GitRemote.cloneInto(publish.remote(), dir, publish.target(), credentials, sshHome);
        }
        GitRemote remote = new GitRemote(dir, "origin", credentials, sshHome);
        String url = remote.url();
        if (!url.equals(credentials.redact(publish.remote()))) {
            remote.close();
            throw new EnvforgeException(new Problem(
                    dir.toString(),
                    "remote.origin.url",
                    url,
                    "the work folder holds a clone of another repository than " + credentials.redact(publish.remote()),
                    "use another work folder, or delete this one"));
        }
        GitPublisher clone = new GitPublisher(dir);
        String branch = publish.target().orElseGet(clone::currentBranch);
        remote.fetch(branch).ifPresent(clone::moveTo);
        return remote;
    }

    /** The clone folder must be missing or an empty folder: Git clones into nothing else. */
    private static void requireEmptyFolder(Path dir) {
        String fix = "pass a folder that is missing or empty, or holds an earlier clone of the same repository"
                + " (--clone-dir; the Maven plugin uses target/envforge-gitops)";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new EnvforgeException(
                    new Problem(dir.toString(), "", null, "is a file, not a folder to clone into", fix));
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new EnvforgeException(new Problem(
                            dir.toString(), "", null, "is a folder that is neither" + " empty nor a Git clone", fix));
                }
            } catch (IOException e) {
                throw new EnvforgeException(
                        new Problem(dir.toString(), "", null, "cannot read the clone folder: " + e.getMessage(), fix),
                        e);
            }
        }
    }

    private static void copySpecsBack(Path workspace, Path clone, GenerateResult result) {
        Set<String> written = new HashSet<>(result.write().written());
        OutputTree.Builder tree = OutputTree.builder();
        for (String path :
                result.environments().stream().map(SpecReader::fileOf).toList()) {
            if (written.contains(path)) {
                try {
                    tree.put(path, Files.readString(clone.resolve(path), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new EnvforgeException(
                            new Problem(
                                    clone.resolve(path).toString(),
                                    "",
                                    null,
                                    "cannot read the new spec: " + e.getMessage(),
                                    "copy it into the workspace by hand"),
                            e);
                }
            }
        }
        Writers.of(workspace).write(tree.build(), List.of());
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("envforge-gitops-");
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            System.getProperty("java.io.tmpdir"),
                            "",
                            null,
                            "cannot create a work folder: " + e.getMessage(),
                            "pass a work folder, or free some space"),
                    e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
