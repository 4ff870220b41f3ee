package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Combines the commits of N shard runs (each made on the same base commit, each touching only its own environments'
 * paths) into one commit on the base: every path a shard changed, added or removed relative to the base is taken from
 * that shard. Two shards that change one path to different contents are refused, naming the path and both shards; the
 * same content from several shards (the fleet files every shard renders alike) is one change. The result is one
 * commit whose parent is the base, so the pull request shows one reviewed change, and whose message lists the
 * shards' commits. Nothing moves until {@link #commit}; {@link #plan} only reads objects.
 */
public final class ShardCombiner {

    /** A planned combination: the base, the combined tree, and each changed path with its blob (null: removed). */
    public record Plan(ObjectId base, ObjectId tree, SortedMap<String, ObjectId> changes, Map<String, String> shards) {}

    private final Path workspace;

    public ShardCombiner(Path workspace) {
        this.workspace = workspace;
    }

    /** Plans the combination of {@code refs} (branches, remote branches or commit ids) onto HEAD. */
    public Plan plan(List<String> refs) {
        try (Repository repo = open();
                RevWalk walk = new RevWalk(repo);
                ObjectReader reader = repo.newObjectReader();
                ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                throw problem("HEAD", "the repository has no commit to combine onto", "check out the base branch");
            }
            RevCommit base = walk.parseCommit(head);
            SortedMap<String, ObjectId> changes = new TreeMap<>();
            Map<String, String> from = new TreeMap<>();
            Map<String, String> shards = new LinkedHashMap<>();
            for (String ref : refs) {
                ObjectId id = repo.resolve(ref);
                if (id == null) {
                    throw problem(
                            ref,
                            "no such branch or commit",
                            "fetch the shard branches first: git fetch origin"
                                    + " 'refs/heads/envforge/shard-*:refs/remotes/origin/envforge/shard-*'");
                }
                RevCommit shard = walk.parseCommit(id);
                if (!walk.isMergedInto(base, shard)) {
                    throw problem(
                            ref,
                            "commit " + shard.abbreviate(10).name() + " is not based on HEAD ("
                                    + base.abbreviate(10).name() + ")",
                            "run every shard on the same base commit, or check"
                                    + " out the shards' base before combining");
                }
                walk.reset();
                shards.put(ref, shard.name() + " " + shard.getShortMessage());
                diff(repo, base, shard, (path, blob) -> {
                    if (changes.containsKey(path) && !java.util.Objects.equals(changes.get(path), blob)) {
                        throw problem(
                                path,
                                "changed differently by " + from.get(path) + " and " + ref,
                                "shards must render disjoint environments: use one --shard K/N per runner with the"
                                        + " same N");
                    }
                    changes.put(path, blob);
                    from.putIfAbsent(path, ref);
                });
            }
            DirCache tree = DirCache.newInCore();
            DirCacheBuilder builder = tree.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base.getTree());
            builder.finish();
            DirCacheEditor edits = tree.editor();
            changes.forEach((path, blob) -> edits.add(
                    blob == null
                            ? new DirCacheEditor.DeletePath(path)
                            : new DirCacheEditor.PathEdit(path) {
                                @Override
                                public void apply(DirCacheEntry entry) {
                                    entry.setFileMode(FileMode.REGULAR_FILE);
                                    entry.setObjectId(blob);
                                }
                            }));
            edits.finish();
            ObjectId treeId = tree.writeTree(inserter);
            inserter.flush();
            return new Plan(base, treeId, changes, shards);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every file of {@code plan}'s tree under {@code folders} (each ending in {@code /}). */
    public SortedMap<String, String> files(Plan plan, List<String> folders) {
        SortedMap<String, String> out = new TreeMap<>();
        try (Repository repo = open();
                TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(plan.tree());
            walk.setRecursive(true);
            walk.setFilter(PathFilterGroup.createFromStrings(folders.stream()
                    .map(f -> f.endsWith("/") ? f.substring(0, f.length() - 1) : f)
                    .toList()));
            while (walk.next()) {
                out.put(
                        walk.getPathString(),
                        new String(repo.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Commits {@code plan} on the base (which must still be HEAD), moves the branch, and makes the index and work tree
     * match it ({@code reset --hard}); empty when the shards changed nothing.
     */
    public Optional<String> commit(Plan plan, String message) {
        if (plan.changes().isEmpty()) {
            return Optional.empty();
        }
        try (Repository repo = open();
                ObjectInserter inserter = repo.newObjectInserter()) {
            PersonIdent who = repo.getConfig().getString("user", null, "name") == null
                    ? new PersonIdent("envforge", "envforge@localhost")
                    : new PersonIdent(repo);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(plan.tree());
            commit.setParentId(plan.base());
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId created = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.HEAD);
            update.setNewObjectId(created);
            update.setExpectedOldObjectId(plan.base());
            update.setRefLogMessage("envforge combine", false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("moving the branch to the combined commit returned " + result);
            }
            try (Git git = new Git(repo)) {
                git.reset()
                        .setMode(ResetCommand.ResetType.HARD)
                        .setRef(created.name())
                        .call();
            }
            return Optional.of(created.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void diff(Repository repo, RevCommit base, RevCommit shard, BiConsumer<String, ObjectId> change)
            throws IOException {
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(base.getTree());
            walk.addTree(shard.getTree());
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                ObjectId after = walk.getFileMode(1) == FileMode.MISSING ? null : walk.getObjectId(1);
                change.accept(walk.getPathString(), after);
            }
        }
    }

    private Repository open() throws IOException {
        Path gitDir = GitPublisher.gitDirOrFail(workspace, "run envforge combine in a clone of the GitOps repository");
        return new FileRepositoryBuilder()
                .setGitDir(gitDir.toFile())
                .setMustExist(true)
                .build();
    }

    private static EnvforgeException problem(String where, String what, String fix) {
        return new EnvforgeException(new Problem(where, "", null, what, fix));
    }

    /** For messages: the shards' lines, one per shard. */
    public static List<String> lines(Plan plan) {
        List<String> out = new ArrayList<>();
        plan.shards().forEach((ref, line) -> out.add(ref + " " + line));
        return out;
    }
}
