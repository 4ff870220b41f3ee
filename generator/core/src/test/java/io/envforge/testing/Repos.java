package io.envforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Test repositories: bare ones served by the servers, clones made through the file system. */
public final class Repos {

    private Repos() {}

    /** A bare repository {@code root/name} whose {@code main} holds one commit with {@code files} (path, text...). */
    public static Path seededBare(Path root, String name, Path scratch, String... files) {
        Path bare = root.resolve(name);
        try (Git ignored = Git.init()
                        .setBare(true)
                        .setInitialBranch("main")
                        .setDirectory(bare.toFile())
                        .call();
                Git work = Git.init()
                        .setInitialBranch("main")
                        .setDirectory(scratch.toFile())
                        .call()) {
            for (int i = 0; i < files.length; i += 2) {
                write(scratch.resolve(files[i]), files[i + 1]);
            }
            work.add().addFilepattern(".").call();
            work.commit()
                    .setMessage("seed")
                    .setAuthor("seed", "seed@localhost")
                    .setCommitter("seed", "seed@localhost")
                    .call();
            work.push()
                    .setRemote(bare.toUri().toString())
                    .setRefSpecs(new RefSpec("main:refs/heads/main"))
                    .call();
            return bare;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clone of {@code bare} through the file system, with a user set. */
    public static Git cloneOf(Path bare, Path dir) {
        try {
            Git git = Git.cloneRepository()
                    .setURI(bare.toUri().toString())
                    .setDirectory(dir.toFile())
                    .call();
            var config = git.getRepository().getConfig();
            config.setString("user", null, "name", "test");
            config.setString("user", null, "email", "test@localhost");
            config.save();
            return git;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code path}, commits it and returns the commit. */
    public static RevCommit commit(Git git, String path, String text, String message) {
        try {
            write(git.getRepository().getWorkTree().toPath().resolve(path), text);
            git.add().addFilepattern(path).call();
            return git.commit().setMessage(message).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void addRemote(Git git, String name, String url) {
        try {
            git.remoteAdd()
                    .setName(name)
                    .setUri(new org.eclipse.jgit.transport.URIish(url))
                    .call();
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The commit {@code refs/heads/<branch>} points at in {@code repo}, or null. */
    public static ObjectId head(Path repo, String branch) {
        try (Repository r = open(repo)) {
            return r.resolve("refs/heads/" + branch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Subjects of the first-parent history of {@code branch}, newest first. */
    public static List<String> subjects(Path repo, String branch) {
        List<String> out = new ArrayList<>();
        try (Repository r = open(repo);
                RevWalk walk = new RevWalk(r)) {
            for (RevCommit c = walk.parseCommit(r.resolve("refs/heads/" + branch));
                    c != null;
                    c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0))) {
                out.add(c.getShortMessage());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the tree of {@code branch} holds {@code path}. */
    public static boolean hasFile(Path repo, String branch, String path) {
        try (Repository r = open(repo);
                RevWalk walk = new RevWalk(r)) {
            RevCommit c = walk.parseCommit(r.resolve("refs/heads/" + branch));
            try (TreeWalk tree = TreeWalk.forPath(r, path, c.getTree())) {
                return tree != null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Repository open(Path repo) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder();
        return Files.isDirectory(repo.resolve(".git"))
                ? builder.setWorkTree(repo.toFile()).build()
                : builder.setGitDir(repo.toFile()).setMustExist(true).build();
    }
}
