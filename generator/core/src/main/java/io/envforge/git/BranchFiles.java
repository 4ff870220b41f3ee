package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Files of a commit that is not checked out (a fetched remote branch), and a commit on top of such a commit that
 * changes a few files, written to the object database only: no branch, index or work-tree file moves. The address
 * ledger is reserved this way on the target branch while the work tree stays as it is.
 */
public final class BranchFiles {

    private static final PersonIdent FALLBACK = new PersonIdent("envforge", "envforge@localhost");

    private final GitPublisher publisher;
    private final Path workspace;

    public BranchFiles(Path workspace) {
        this.workspace = workspace;
        this.publisher = new GitPublisher(workspace);
    }

    /** Every file under {@code folder} (relative to the workspace) in {@code commit}, by workspace-relative path. */
    public SortedMap<String, byte[]> read(String commit, String folder) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Repository repo = publisher.open();
                RevWalk walk = new RevWalk(repo);
                ObjectReader reader = repo.newObjectReader()) {
            String prefix = publisher.prefix(repo);
            String root = prefix + folder.replaceAll("/+$", "");
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tree = new TreeWalk(reader)) {
                tree.addTree(parsed.getTree());
                tree.setRecursive(true);
                tree.setFilter(PathFilter.create(root));
                while (tree.next()) {
                    if (tree.getFileMode(0) == FileMode.REGULAR_FILE
                            || tree.getFileMode(0) == FileMode.EXECUTABLE_FILE) {
                        out.put(
                                tree.getPathString().substring(prefix.length()),
                                reader.open(tree.getObjectId(0), Constants.OBJ_BLOB)
                                        .getBytes());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw failure(commit, "cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new commit whose parent is {@code parent} and whose tree is the parent's with {@code put} written and
     * {@code delete} removed (workspace-relative paths); returns its id. Nothing else changes.
     */
    public String commitOnto(String parent, Map<String, byte[]> put, Collection<String> delete, String message) {
        try (Repository repo = publisher.open();
                RevWalk walk = new RevWalk(repo);
                ObjectReader reader = repo.newObjectReader();
                ObjectInserter inserter = repo.newObjectInserter()) {
            String prefix = publisher.prefix(repo);
            RevCommit base = walk.parseCommit(ObjectId.fromString(parent));
            DirCache tree = DirCache.newInCore();
            DirCacheBuilder builder = tree.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base.getTree());
            builder.finish();
            DirCacheEditor edits = tree.editor();
            for (Map.Entry<String, byte[]> file : put.entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
                edits.add(new DirCacheEditor.PathEdit(prefix + file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                    }
                });
            }
            delete.forEach(path -> edits.add(new DirCacheEditor.DeletePath(prefix + path)));
            edits.finish();
            PersonIdent who =
                    repo.getConfig().getString("user", null, "name") == null ? FALLBACK : new PersonIdent(repo);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree.writeTree(inserter));
            commit.setParentId(base);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId created = inserter.insert(commit);
            inserter.flush();
            return created.name();
        } catch (IOException e) {
            throw failure(parent, "cannot write the commit: " + e.getMessage(), e);
        }
    }

    private EnvforgeException failure(String commit, String message, IOException e) {
        return new EnvforgeException(
                new Problem(workspace.toString(), "", commit, message, "check the repository (git fsck) and run again"),
                e);
    }
}
