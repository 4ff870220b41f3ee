package io.envforge.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;

/**
 * Git's automatic housekeeping after a commit ({@code git commit} runs {@code git maintenance run --auto}, whose
 * default task is {@code git gc --auto}): the repository is packed into one pack when it holds too many packs or too
 * many loose objects. A large envforge commit writes one pack per processor plus one for its trees
 * ({@link BlobSlices}), a small one loose objects; nothing else would ever pack them, and every object lookup
 * searches every pack.
 *
 * <p>JGit's {@link GC} in automatic mode decides (JGit 7.4 {@code GC.needGc}: more packs than
 * {@code gc.autoPackLimit} + 1, default 50, or more loose objects than {@code gc.auto}, default 6,700, sampled in
 * {@code objects/17}) and then, unlike Git's incremental {@code repack -d -l} for loose objects, rewrites the whole
 * repository into one pack (1.1 s for the 44,617 objects of 1,000 environments). It runs on the committing thread: a
 * detached gc would die with the JVM. Objects no ref, reflog or the index reaches are loosened and pruned after
 * {@code gc.pruneExpire} (two weeks), as Git does.
 *
 * <p>Left to Git instead (not run): when {@code gc.auto = 0} or {@code maintenance.auto = false} (git-config(1): both
 * turn the automatic run off), when {@code gc.pruneExpire} or {@code gc.prunePackExpire} is {@code never} or
 * {@code now} (JGit 7.4 overflows on "never" after writing the new pack, so the old ones would stay and every commit
 * would pack again; "now" could delete objects a concurrent fetch has just written), and when the repository has
 * linked worktrees or is one (JGit's GC does not keep the other worktrees' HEADs and indexes, Git's does).
 */
final class AutoPack {

    private AutoPack() {}

    /** Packs {@code repo} if Git would; best effort (the commit is made either way). Returns whether it packed. */
    static boolean ifNeeded(Repository repo) {
        if (!(repo instanceof FileRepository file) || !wanted(repo)) {
            return false;
        }
        try {
            GC gc = new GC(file);
            gc.setAuto(true);
            // JGit keeps the packs it replaced for gc.prunePackExpire (an hour, for readers in the same server); they
            // would still count against gc.autoPackLimit, so every commit within the hour would pack again. Git
            // deletes them at once (git repack -d).
            if (repo.getConfig().getString("gc", null, "prunePackExpire") == null) {
                gc.setPackExpireAgeMillis(0);
            }
            return !gc.gc().get().isEmpty();
        } catch (IOException | ParseException | GitAPIException | ExecutionException | RuntimeException e) {
            return false; // as git gc --auto: a failed housekeeping leaves the repository as it was
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean wanted(Repository repo) {
        Config config = repo.getConfig();
        if (config.getInt("gc", null, "auto", 6700) <= 0 || !config.getBoolean("maintenance", null, "auto", true)) {
            return false;
        }
        for (String key : new String[] {"pruneExpire", "prunePackExpire"}) {
            String value = config.getString("gc", null, key);
            if (value != null
                    && Stream.of("never", "now")
                            .anyMatch(v -> v.equals(value.strip().toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return !hasLinkedWorktrees(repo);
    }

    /** True for a linked worktree's repository, or one with linked worktrees ({@code <git dir>/worktrees/}). */
    private static boolean hasLinkedWorktrees(Repository repo) {
        Path dir = repo.getDirectory().toPath();
        if (Files.isRegularFile(dir.resolve("commondir"))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir.resolve("worktrees"))) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false; // no worktrees folder
        }
    }
}
