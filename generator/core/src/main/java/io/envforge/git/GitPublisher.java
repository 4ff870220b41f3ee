package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Commits exactly the generated paths with JGit, on the current branch. Other changes in the work tree or the index
 * are left alone: the commit is made with {@code --only} semantics. No change, no commit.
 */
public final class GitPublisher {

    private static final PersonIdent FALLBACK = new PersonIdent("envforge", "envforge@localhost");

    private final Path workspace;

    public GitPublisher(Path workspace) {
        this.workspace = workspace;
    }

    /**
     * Stages and commits {@code written} (added or changed files) and {@code removed}, relative to the workspace.
     *
     * @return the new commit's id, or empty when Git saw no change
     */
    public Optional<String> commit(Collection<String> written, Collection<String> removed, String message) {
        if (written.isEmpty() && removed.isEmpty()) {
            return Optional.empty();
        }
        try (Repository repo = open()) {
            String prefix = prefix(repo);
            return PathCommit.commit(repo, written.stream().map(p -> prefix + p).toList(),
                    removed.stream().map(p -> prefix + p).toList(), message, FALLBACK).map(ObjectId::name);
        } catch (IOException e) {
            throw new EnvforgeException(new Problem(workspace.toString(), "", null, "Git commit failed: "
                    + e.getMessage(), "the files are written; fix the repository and run again to commit them"), e);
        }
    }

    /** The current HEAD commit, if any. */
    public Optional<String> head() {
        try (Repository repo = open()) {
            return Optional.ofNullable(repo.resolve(Constants.HEAD)).map(ObjectId::name);
        } catch (IOException e) {
            throw new EnvforgeException(new Problem(workspace.toString(), "", null, "cannot read Git HEAD: "
                    + e.getMessage(), "check the repository"), e);
        }
    }

    /** True when the workspace is inside a Git work tree. */
    public boolean isRepository() {
        return new FileRepositoryBuilder().findGitDir(workspace.toFile()).getGitDir() != null;
    }

    private Repository open() throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workspace.toFile());
        if (builder.getGitDir() == null) {
            throw new EnvforgeException(new Problem(workspace.toString(), "", null, "not inside a Git repository",
                    "run git init, or turn committing off (-Denvforge.commit=false / --no-commit)"));
        }
        return builder.setMustExist(true).build();
    }

    /** The workspace's path inside the repository, with a trailing slash, or empty at the root. */
    private String prefix(Repository repo) throws IOException {
        Path top = repo.getWorkTree().toPath().toRealPath();
        Path here = Files.exists(workspace) ? workspace.toRealPath() : workspace.toAbsolutePath();
        String rel = top.relativize(here).toString().replace('\\', '/');
        return rel.isEmpty() ? "" : rel + "/";
    }
}
