package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Commits exactly the generated paths with JGit, on the current branch. Other changes in the work tree or the index
 * are left alone: the commit is made with {@code --only} semantics. No change, no commit.
 */
public final class GitPublisher {

    private static final PersonIdent FALLBACK = new PersonIdent("envforge", "envforge@localhost");

    private final Path workspace;
    /** How many threads write a large commit's blobs ({@link BlobSlices}). */
    private final int processors;

    public GitPublisher(Path workspace) {
        this(workspace, Runtime.getRuntime().availableProcessors());
    }

    /** Tests: a commit's blobs written by {@code processors} threads, whatever the machine has. */
    GitPublisher(Path workspace, int processors) {
        this.workspace = workspace;
        this.processors = processors;
    }

    /**
     * Commits {@code written} (every generated file, as it is in the work tree), {@code removed}, and the removal of
     * any other file under {@code owned} (folders ending in {@code /}, or single files), all relative to the
     * workspace. Compared with HEAD, not with what this run changed on disk: files an interrupted run wrote but never
     * committed go in too, and a stale index entry is repaired even when HEAD is already right.
     *
     * @return the new commit's id, or empty when HEAD already holds this
     */
    public Optional<String> commit(
            Collection<String> written, Collection<String> removed, Collection<String> owned, String message) {
        return commit(written, removed, owned, message, Ahead.NONE, (path, attributes) -> false);
    }

    /**
     * Starts hashing and packing, on the commit's threads, the blobs of the files about to be written: {@code files}
     * maps each workspace-relative path to the bytes it will be written with; {@code committed} is how many paths the
     * commit will hold. Returns at once, so the packing overlaps the write; give the result to
     * {@link #commit(Collection, Collection, Collection, String, Ahead, BiPredicate)} and close it after. Closed
     * without a commit (the write failed), its unfinished packs are deleted. A commit small enough for one slice, or a
     * repository that cannot be opened (the commit reports it), packs nothing ahead.
     */
    public Ahead packAhead(int committed, Map<String, byte[]> files) {
        if (files.size() < 2 * BlobSlices.PACK_THRESHOLD) {
            return Ahead.NONE;
        }
        Repository repo = null;
        BlobSlices slices = null;
        try {
            repo = open();
            String prefix = prefix(repo);
            slices = BlobSlices.open(repo, committed, processors);
            List<String> paths = List.copyOf(files.keySet());
            slices.ahead(paths.stream().map(p -> prefix + p).toList(), p -> files.get(p.substring(prefix.length())));
            return new Ahead(repo, prefix, slices);
        } catch (IOException | RuntimeException e) {
            new Ahead(repo, "", slices).close(); // closes what was opened
            return Ahead.NONE;
        }
    }

    /**
     * {@link #commit(Collection, Collection, Collection, String)}, taking the blobs {@code ahead} packed for the paths
     * whose file {@code asWritten} (workspace-relative path, the file's attributes now) says is still as written.
     */
    public Optional<String> commit(
            Collection<String> written,
            Collection<String> removed,
            Collection<String> owned,
            String message,
            Ahead ahead,
            BiPredicate<String, BasicFileAttributes> asWritten) {
        if (written.isEmpty() && removed.isEmpty() && owned.isEmpty()) {
            return Optional.empty();
        }
        try (Repository opened = ahead.repo == null ? open() : null) {
            Repository repo = ahead.repo == null ? opened : ahead.repo;
            // the prefix the blobs were packed under (the workspace may not have existed then to resolve its links)
            String prefix = ahead.repo == null ? prefix(repo) : ahead.prefix;
            GitLocks locks = new GitLocks(repo.getDirectory().toPath());
            locks.claim();
            List<String> paths = written.stream().map(p -> prefix + p).toList();
            List<String> gone = removed.stream().map(p -> prefix + p).toList();
            List<String> folders = owned.stream().map(p -> prefix + p).toList();
            Optional<ObjectId> commit = ahead.slices == null
                    ? PathCommit.commit(repo, paths, gone, folders, message, FALLBACK, processors)
                    : PathCommit.commit(
                            repo,
                            paths,
                            gone,
                            folders,
                            message,
                            FALLBACK,
                            ahead.slices,
                            (path, attributes) -> path.startsWith(prefix)
                                    && asWritten.test(path.substring(prefix.length()), attributes));
            Optional<String> created = commit.map(ObjectId::name);
            if (created.isPresent()) {
                AutoPack.ifNeeded(repo);
            }
            locks.release();
            return created;
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            workspace.toString(),
                            "",
                            null,
                            "Git commit failed: " + e.getMessage(),
                            "the files are written; fix the repository and run again to commit them"),
                    e);
        }
    }

    /**
     * Of the files under {@code paths} (workspace-relative folders ending in {@code /}, or files), those that are not
     * in HEAD as they are in the work tree: modified, added, deleted, untracked, staged but not committed, or in
     * conflict ({@code git status} limited to those paths, JGit's {@link IndexDiff}).
     */
    public Set<String> notAsCommitted(Collection<String> paths) {
        if (paths.isEmpty()) {
            return Set.of();
        }
        try (Repository repo = open()) {
            String prefix = prefix(repo);
            List<String> filters = paths.stream()
                    .map(p -> prefix + (p.endsWith("/") ? p.substring(0, p.length() - 1) : p))
                    .distinct()
                    .toList();
            IndexDiff diff = new IndexDiff(repo, Constants.HEAD, new FileTreeIterator(repo));
            diff.setFilter(PathFilterGroup.createFromStrings(filters));
            diff.diff();
            Set<String> out = new TreeSet<>();
            for (Set<String> changed : List.of(
                    diff.getAdded(),
                    diff.getChanged(),
                    diff.getRemoved(),
                    diff.getMissing(),
                    diff.getModified(),
                    diff.getUntracked(),
                    diff.getConflicting())) {
                changed.stream()
                        .filter(p -> p.startsWith(prefix))
                        .map(p -> p.substring(prefix.length()))
                        .forEach(out::add);
            }
            return out;
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            workspace.toString(),
                            "",
                            null,
                            "cannot compare the work tree" + " with HEAD: " + e.getMessage(),
                            "check the repository (git status)"),
                    e);
        }
    }

    /**
     * Refuses a repository in the middle of a merge, rebase, cherry-pick, revert, {@code git am} or bisect (JGit's
     * {@link RepositoryState}, read from {@code MERGE_HEAD}, {@code rebase-merge/}, {@code CHERRY_PICK_HEAD} and the
     * like): a commit then would drop the merge parent, overwrite the conflict stages or land inside the paused
     * operation.
     */
    public void requireNoOperationInProgress() {
        try (Repository repo = open()) {
            RepositoryState state = repo.getRepositoryState();
            String[] what = switch (state) {
                case SAFE, BARE -> null;
                case MERGING, MERGING_RESOLVED ->
                    new String[] {
                        "a merge (MERGE_HEAD)", "finish it (resolve, then git commit) or abort it (git merge --abort)"
                    };
                case CHERRY_PICKING, CHERRY_PICKING_RESOLVED ->
                    new String[] {
                        "a cherry-pick (CHERRY_PICK_HEAD)",
                        "finish it (git cherry-pick --continue) or abort it (git cherry-pick --abort)"
                    };
                case REVERTING, REVERTING_RESOLVED ->
                    new String[] {
                        "a revert (REVERT_HEAD)", "finish it (git revert --continue) or abort it (git revert --abort)"
                    };
                case REBASING, REBASING_REBASING, REBASING_MERGE, REBASING_INTERACTIVE ->
                    new String[] {"a rebase", "finish it (git rebase --continue) or abort it (git rebase --abort)"};
                case APPLY ->
                    new String[] {
                        "git am (rebase-apply/applying)", "finish it (git am --continue) or abort it (git am --abort)"
                    };
                case BISECTING -> new String[] {"a bisect (BISECT_LOG)", "end it (git bisect reset)"};
            };
            if (what != null) {
                throw new EnvforgeException(new Problem(
                        workspace.toString(),
                        "",
                        null,
                        "the repository is in the" + " middle of " + what[0] + "; envforge will not commit into it",
                        what[1] + ", then run again"));
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Before a run that commits writes anything: removes the Git locks a killed envforge run left, returning a line
     * per lock removed, and refuses any other lock with the command that removes it (see {@link GitLocks}).
     */
    public List<String> clearStaleLocks() {
        try (Repository repo = open()) {
            String branch = Optional.ofNullable(repo.getBranch()).orElse("HEAD");
            return new GitLocks(repo.getDirectory().toPath()).clearStale(branch);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The one error for a repository that cannot be read, whatever the step that tried. */
    private EnvforgeException headUnreadable(IOException e) {
        return new EnvforgeException(
                new Problem(
                        workspace.toString(),
                        "",
                        null,
                        "cannot read Git HEAD: " + e.getMessage(),
                        "check the repository"),
                e);
    }

    private EnvforgeException unreadable(IOException e) {
        return new EnvforgeException(
                new Problem(
                        workspace.toString(),
                        "",
                        null,
                        "cannot read the repository: " + e.getMessage(),
                        "check the repository (git status)"),
                e);
    }

    /** The commit HEAD points at when it is detached (no branch checked out); empty on a branch. */
    public Optional<String> detachedAt() {
        try (Repository repo = open()) {
            Ref head = repo.exactRef(Constants.HEAD);
            if (head == null || head.isSymbolic() || head.getObjectId() == null) {
                return Optional.empty();
            }
            return Optional.of(head.getObjectId().name());
        } catch (IOException e) {
            throw headUnreadable(e);
        }
    }

    /** The current HEAD commit, if any. */
    public Optional<String> head() {
        try (Repository repo = open()) {
            return Optional.ofNullable(repo.resolve(Constants.HEAD)).map(ObjectId::name);
        } catch (IOException e) {
            throw headUnreadable(e);
        }
    }

    /** The checked-out branch's short name, such as {@code main}; the commit id when HEAD is detached. */
    public String currentBranch() {
        try (Repository repo = open()) {
            String branch = repo.getBranch();
            if (branch == null) {
                throw new EnvforgeException(new Problem(
                        workspace.toString(),
                        "HEAD",
                        null,
                        "no branch checked out",
                        "check out the branch to publish (git switch main)"));
            }
            return branch;
        } catch (IOException e) {
            throw headUnreadable(e);
        }
    }

    /**
     * Moves the current branch to {@code target} and updates the index and the work tree as {@code git checkout}
     * would: files changed between HEAD and {@code target} are replaced, other uncommitted changes are kept, and
     * nothing moves if an uncommitted change would be overwritten.
     */
    public void moveTo(String target) {
        try (Repository repo = open();
                RevWalk walk = new RevWalk(repo)) {
            RevCommit to = walk.parseCommit(ObjectId.fromString(target));
            ObjectId head = repo.resolve(Constants.HEAD);
            DirCache index = repo.lockDirCache();
            try {
                DirCacheCheckout checkout = new DirCacheCheckout(
                        repo, head == null ? null : walk.parseCommit(head).getTree(), index, to.getTree());
                checkout.setFailOnConflict(true);
                checkout.checkout();
            } finally {
                index.unlock();
            }
            RefUpdate update = repo.updateRef(Constants.HEAD);
            update.setNewObjectId(to);
            update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
            update.setRefLogMessage("envforge: move to the remote branch before generating again", false);
            RefUpdate.Result result = update.forceUpdate();
            if (result != RefUpdate.Result.FORCED
                    && result != RefUpdate.Result.FAST_FORWARD
                    && result != RefUpdate.Result.NO_CHANGE
                    && result != RefUpdate.Result.NEW) {
                throw new IOException("updating HEAD returned " + result);
            }
        } catch (CheckoutConflictException e) {
            throw new EnvforgeException(
                    new Problem(
                            workspace.toString(),
                            "",
                            String.join(", ", e.getConflictingFiles()),
                            "uncommitted changes would be overwritten by the remote's new commits",
                            "commit or stash them, then run again"),
                    e);
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            workspace.toString(),
                            "",
                            target,
                            "cannot move the branch to the remote's commit: " + e.getMessage(),
                            "check the repository (git status) and run again"),
                    e);
        }
    }

    /** True when {@code ancestor} is {@code descendant} or one of its ancestors. */
    public boolean isAncestor(String ancestor, String descendant) {
        try (Repository repo = open();
                RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(
                    walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(descendant)));
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            workspace.toString(),
                            "",
                            descendant,
                            "cannot compare commits: " + e.getMessage(),
                            "check the repository (git fsck)"),
                    e);
        }
    }

    /**
     * The Git folder of the repository {@code workspace} is in (searching upwards; a linked worktree's own folder), if
     * it is in one.
     */
    public static Optional<Path> gitDir(Path workspace) {
        return Optional.ofNullable(new FileRepositoryBuilder()
                        .findGitDir(workspace.toFile())
                        .getGitDir())
                .map(java.io.File::toPath);
    }

    /** {@link #gitDir}, or a problem saying the workspace is not in a repository, with {@code fix}. */
    static Path gitDirOrFail(Path workspace, String fix) {
        return gitDir(workspace)
                .orElseThrow(() -> new EnvforgeException(
                        new Problem(workspace.toString(), "", null, "not inside a Git repository", fix)));
    }

    Repository open() throws IOException {
        Path gitDir =
                gitDirOrFail(workspace, "run git init, or turn committing off (-Denvforge.commit=false / --no-commit)");
        return new FileRepositoryBuilder()
                .setGitDir(gitDir.toFile())
                .setMustExist(true)
                .build();
    }

    /** The workspace's path inside the repository, with a trailing slash, or empty at the root. */
    String prefix(Repository repo) throws IOException {
        Path top = repo.getWorkTree().toPath().toRealPath();
        Path here = Files.exists(workspace) ? workspace.toRealPath() : workspace.toAbsolutePath();
        String rel = top.relativize(here).toString().replace('\\', '/');
        return rel.isEmpty() ? "" : rel + "/";
    }

    /** Blobs packed ahead of a commit ({@link #packAhead}); closing it drops what no commit took. */
    public static final class Ahead implements AutoCloseable {

        /** Nothing packed ahead: the commit reads every file. */
        public static final Ahead NONE = new Ahead(null, "", null);

        private final Repository repo;
        private final String prefix;
        private final BlobSlices slices;

        private Ahead(Repository repo, String prefix, BlobSlices slices) {
            this.repo = repo;
            this.prefix = prefix;
            this.slices = slices;
        }

        /** Tests: waits until every blob is packed (their temporary packs exist); false when nothing is packed ahead. */
        boolean awaitPacked() throws IOException {
            return slices != null && slices.awaitAhead();
        }

        @Override
        public void close() {
            if (slices != null) {
                slices.close();
            }
            if (repo != null) {
                repo.close();
            }
        }
    }
}
