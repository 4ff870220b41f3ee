package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The paths a change touches: {@code git diff --name-only REF...HEAD} (from the merge base of the ref and HEAD, as a
 * pull request shows it), old and new names of renames both, sorted.
 */
public final class ChangedPaths {

    private ChangedPaths() {}

    /** Paths changed between the merge base of {@code ref} and HEAD, and HEAD; {@code ref} is any revision. */
    public static List<String> since(Path workspace, String ref) {
        try (Repository repo = new FileRepositoryBuilder()
                        .setWorkTree(workspace.toFile())
                        .readEnvironment()
                        .findGitDir(workspace.toFile())
                        .build();
                RevWalk walk = new RevWalk(repo);
                ObjectReader reader = repo.newObjectReader()) {
            ObjectId from = repo.resolve(ref + "^{commit}");
            ObjectId head = repo.resolve("HEAD^{commit}");
            if (from == null || head == null) {
                throw new EnvforgeException(new Problem(
                        ".git",
                        "",
                        ref,
                        "no such revision to compare HEAD with",
                        "give --changed-from a branch, tag or commit of this repository, for example origin/main"
                                + " (a CI checkout needs fetch-depth: 0)"));
            }
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(from));
            walk.markStart(walk.parseCommit(head));
            RevCommit base = walk.next();
            walk.reset();
            walk.setRevFilter(RevFilter.ALL);
            CanonicalTreeParser a = new CanonicalTreeParser(
                    null, reader, walk.parseCommit(base == null ? from : base).getTree());
            CanonicalTreeParser b =
                    new CanonicalTreeParser(null, reader, walk.parseCommit(head).getTree());
            TreeWalk tw = new TreeWalk(reader);
            tw.setRecursive(true);
            tw.addTree(a);
            tw.addTree(b);
            TreeSet<String> out = new TreeSet<>();
            for (DiffEntry e : DiffEntry.scan(tw)) {
                if (!e.getOldPath().equals(DiffEntry.DEV_NULL)) {
                    out.add(e.getOldPath());
                }
                if (!e.getNewPath().equals(DiffEntry.DEV_NULL)) {
                    out.add(e.getNewPath());
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            ".git",
                            "",
                            ref,
                            "cannot compare with HEAD: " + e.getMessage(),
                            "run in a clone of the GitOps repository with its history (fetch-depth: 0)"),
                    e);
        }
    }
}
