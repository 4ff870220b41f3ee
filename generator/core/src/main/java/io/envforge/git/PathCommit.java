package io.envforge.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
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
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A commit of exactly some paths on top of HEAD, built from the object database instead of the porcelain
 * ({@code git add} + {@code git commit --only} walk and hash the whole work tree twice, which takes tens of seconds
 * for 14,000 files). HEAD's tree is read into an in-memory index, the paths' blobs are written once (by one thread per
 * processor for a large commit, see {@link BlobSlices}) and edited in, the tree and the commit are written, the branch
 * moves, and the real index gets the same entries (with the files' sizes and times, so {@code git status} sees them
 * clean). Other staged changes stay staged and out of the commit.
 */
final class PathCommit {

    private PathCommit() {}

    /**
     * Makes HEAD and the index hold {@code written} as they are in the work tree, without {@code removed} and without
     * any other file under {@code owned} (folders ending in {@code /}, or single files): a new commit when the tree
     * differs from HEAD's, and index entries for the paths whose entry is missing, differs or is stale (a run killed
     * between moving the branch and writing the index leaves such entries). Paths relative to the work tree.
     *
     * @return the new commit, or empty when HEAD's tree already is the wanted one
     */
    static Optional<ObjectId> commit(
            Repository repo,
            Collection<String> written,
            Collection<String> removed,
            Collection<String> owned,
            String message,
            PersonIdent fallback)
            throws IOException {
        return commit(
                repo,
                written,
                removed,
                owned,
                message,
                fallback,
                Runtime.getRuntime().availableProcessors());
    }

    /** {@link #commit}, with the blobs written by at most {@code processors} threads. */
    static Optional<ObjectId> commit(
            Repository repo,
            Collection<String> written,
            Collection<String> removed,
            Collection<String> owned,
            String message,
            PersonIdent fallback,
            int processors)
            throws IOException {
        try (BlobSlices slices = BlobSlices.open(repo, written.size(), processors)) {
            return commit(repo, written, removed, owned, message, fallback, slices, (path, attributes) -> false);
        }
    }

    /**
     * {@link #commit}, with the blobs written by {@code slices}, which may hold blobs {@linkplain BlobSlices#ahead
     * packed ahead}: a path packed ahead whose file {@code asWritten} accepts (the writer's stamp of that path still
     * matches the file's size and time, so its content is the packed one) is committed with that blob, without being
     * read and hashed again; any other path is read from the work tree as usual.
     */
    static Optional<ObjectId> commit(
            Repository repo,
            Collection<String> written,
            Collection<String> removed,
            Collection<String> owned,
            String message,
            PersonIdent fallback,
            BlobSlices slices,
            BiPredicate<String, BasicFileAttributes> asWritten)
            throws IOException {
        Path top = repo.getWorkTree().toPath();
        ObjectId head = repo.resolve(Constants.HEAD);
        try (RevWalk walk = new RevWalk(repo);
                ObjectReader reader = repo.newObjectReader()) {
            ObjectId headTree = head == null ? null : walk.parseCommit(head).getTree();
            DirCache tree = DirCache.newInCore();
            if (headTree != null) {
                DirCacheBuilder builder = tree.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, headTree);
                builder.finish();
            }
            DirCacheEditor edits = tree.editor();
            DirCache index = repo.lockDirCache();
            try {
                DirCacheEditor indexEdits = index.editor();
                boolean indexChanged = false;
                Instant trustedBefore = trustedBefore(repo);
                // the slices only read the two caches; the edits are applied below, on this thread
                BlobSlices.Staged[] staged = slices.stage(
                        List.copyOf(written),
                        (path, blobs, ids) ->
                                stage(top, tree, index, trustedBefore, path, blobs, ids, slices, asWritten));
                for (BlobSlices.Staged one : staged) {
                    if (one == null) {
                        continue;
                    }
                    if (!one.inTree()) {
                        edits.add(entry(one.path(), one.blob(), null));
                    }
                    if (!one.inIndex()) {
                        indexEdits.add(entry(one.path(), one.blob(), one.attributes()));
                        indexChanged = true;
                    }
                }
                Set<String> gone = new TreeSet<>(removed);
                for (String path : owned) {
                    gone.addAll(within(tree, path));
                    gone.addAll(within(index, path));
                }
                gone.removeAll(new HashSet<>(written));
                for (String path : gone) {
                    edits.add(new DirCacheEditor.DeletePath(path));
                    if (index.getEntry(path) != null) {
                        indexEdits.add(new DirCacheEditor.DeletePath(path));
                        indexChanged = true;
                    }
                }
                edits.finish();
                ObjectInserter inserter = slices.trees();
                ObjectId treeId = tree.writeTree(inserter);
                Optional<ObjectId> created = Optional.empty();
                if (headTree == null || !treeId.equals(headTree)) {
                    created = Optional.of(inserter.insert(commit(repo, head, treeId, message, fallback)));
                }
                slices.flush(); // every pack, before the branch moves
                if (created.isPresent()) {
                    move(repo, head, created.get(), message);
                }
                if (indexChanged || created.isPresent()) {
                    indexEdits.finish();
                    index.write();
                    index.commit();
                }
                return created;
            } finally {
                index.unlock();
            }
        }
    }

    /**
     * One written path: null when it is as committed and indexed; else its blob (written with {@code blobs} when HEAD
     * or the index lacks it), and whether HEAD's tree and the index hold it already. Runs on several threads at once.
     */
    private static BlobSlices.Staged stage(
            Path top,
            DirCache tree,
            DirCache index,
            Instant trustedBefore,
            String path,
            ObjectInserter blobs,
            ObjectInserter.Formatter ids,
            BlobSlices slices,
            BiPredicate<String, BasicFileAttributes> asWritten)
            throws IOException {
        Path file = top.resolve(path);
        Optional<ObjectId> ahead = slices.packedAhead(path);
        if (ahead.isPresent()) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (asWritten.test(path, attributes)) {
                ObjectId blob = ahead.get();
                boolean inTree = same(tree.getEntry(path), blob, null);
                boolean inIndex = same(index.getEntry(path), blob, attributes);
                // the blob is in its slice's pack already (counted by the slice that packed it)
                return inTree && inIndex ? null : new BlobSlices.Staged(path, blob, attributes, inTree, inIndex, false);
            }
        }
        if (sameAsIndexed(tree, index, path, file, trustedBefore)) {
            return null;
        }
        // the stat first, as git add does: an edit while reading leaves a stat that no longer matches, never the
        // new stat with the old blob
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] content = Files.readAllBytes(file);
        DirCacheEntry treeEntry = tree.getEntry(path);
        DirCacheEntry indexEntry = index.getEntry(path);
        // a path new to HEAD and the index is written anyway: the inserter's id is the only hash of it
        // (hashing first and inserting after hashed every new file twice: a tenth of a full run's commit)
        boolean fresh = treeEntry == null && indexEntry == null;
        ObjectId blob = fresh ? blobs.insert(Constants.OBJ_BLOB, content) : ids.idFor(Constants.OBJ_BLOB, content);
        boolean inTree = same(treeEntry, blob, null);
        boolean inIndex = same(indexEntry, blob, attributes);
        boolean insert = !fresh && (!inTree || !inIndex);
        if (insert) {
            blobs.insert(Constants.OBJ_BLOB, content);
        }
        return new BlobSlices.Staged(path, blob, attributes, inTree, inIndex, fresh || insert);
    }

    /**
     * True when {@code path}'s index entry has the file's size and time, older than {@code trustedBefore}, and HEAD's
     * tree holds the same blob: then the file is as committed and indexed, without reading and hashing it (what
     * {@code git add} and {@code git status} trust too). A generator upgrade rewrites 1 of the 32 files of each
     * environment; its commit hashed all 32,000 (docs/benchmark.md). An entry written less than two seconds before
     * the index itself is "racily clean" (the file may have changed within the same time stamp): it is hashed.
     */
    private static boolean sameAsIndexed(DirCache tree, DirCache index, String path, Path file, Instant trustedBefore)
            throws IOException {
        DirCacheEntry indexed = index.getEntry(path);
        if (indexed == null
                || indexed.getStage() != DirCacheEntry.STAGE_0
                || indexed.getFileMode() != FileMode.REGULAR_FILE
                || indexed.isSmudged()
                || !indexed.getLastModifiedInstant().isBefore(trustedBefore)) {
            return false;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return same(indexed, indexed.getObjectId(), attributes)
                && same(tree.getEntry(path), indexed.getObjectId(), null);
    }

    /** Two seconds before the index file was last written; the epoch when there is none. */
    private static Instant trustedBefore(Repository repo) throws IOException {
        Path file = repo.getIndexFile().toPath();
        return Files.isRegularFile(file)
                ? Files.getLastModifiedTime(file).toInstant().minusSeconds(2)
                : Instant.EPOCH;
    }

    /** True when {@code entry} is a regular file with {@code blob}, and (if given) the file's size and time. */
    private static boolean same(DirCacheEntry entry, ObjectId blob, BasicFileAttributes attributes) {
        if (entry == null
                || entry.getStage() != DirCacheEntry.STAGE_0
                || entry.getFileMode() != FileMode.REGULAR_FILE
                || !blob.equals(entry.getObjectId())) {
            return false;
        }
        return attributes == null
                || (entry.getLength() == attributes.size()
                        && entry.getLastModifiedInstant()
                                .equals(attributes.lastModifiedTime().toInstant()));
    }

    /** The entries of {@code cache} under folder {@code path} (ending in {@code /}), or the file {@code path}. */
    private static List<String> within(DirCache cache, String path) {
        if (!path.endsWith("/")) {
            return cache.getEntry(path) == null ? List.of() : List.of(path);
        }
        List<String> out = new ArrayList<>();
        for (DirCacheEntry entry : cache.getEntriesWithin(path.substring(0, path.length() - 1))) {
            out.add(entry.getPathString());
        }
        return out;
    }

    private static DirCacheEditor.PathEdit entry(String path, ObjectId blob, BasicFileAttributes attributes) {
        return new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                if (attributes != null) {
                    entry.setLength(attributes.size());
                    entry.setLastModified(attributes.lastModifiedTime().toInstant());
                }
            }
        };
    }

    private static CommitBuilder commit(
            Repository repo, ObjectId head, ObjectId tree, String message, PersonIdent fallback) {
        PersonIdent who = repo.getConfig().getString("user", null, "name") == null ? fallback : new PersonIdent(repo);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (head != null) {
            commit.setParentId(head);
        }
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage(message);
        return commit;
    }

    private static void move(Repository repo, ObjectId head, ObjectId created, String message) throws IOException {
        RefUpdate update = repo.updateRef(Constants.HEAD);
        update.setNewObjectId(created);
        update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
        update.setRefLogMessage("commit: " + message.lines().findFirst().orElse(""), false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("moving the branch to the new commit returned " + result);
        }
    }
}
