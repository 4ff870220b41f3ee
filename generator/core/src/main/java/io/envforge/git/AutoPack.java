package io.envforge.git;

import java.io.IOException;
import java.text.ParseException;
import java.util.concurrent.ExecutionException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Git's automatic housekeeping after a commit ({@code git gc --auto}, which {@code git commit} runs): when the
 * repository holds more packs than {@code gc.autoPackLimit} (default 50) or more loose objects than {@code gc.auto}
 * (default 6,700), everything is packed into one pack. A large envforge commit writes one pack per processor plus one
 * for its trees ({@link BlobSlices}), and a small one loose objects; nothing else would ever pack them, and every
 * object lookup searches every pack. {@code gc.auto = 0} turns it off, as it does for Git (git-config(1): "Setting
 * gc.auto to 0 will also disable" the pack limit). JGit's {@link GC} in automatic mode decides
 * ({@code GC.needGc}: too many packs, or too many loose objects sampled in {@code objects/17}), runs on this thread
 * (not detached: a JVM that exits would kill a detached one halfway), and prunes unreachable loose objects older than
 * {@code gc.pruneExpire} (two weeks), as Git does.
 */
final class AutoPack {

    private AutoPack() {}

    /** Packs {@code repo} if Git would; best effort (the commit is made either way). Returns whether it ran. */
    static boolean ifNeeded(Repository repo) {
        if (!(repo instanceof FileRepository file) || repo.getConfig().getInt("gc", null, "auto", 6700) <= 0) {
            return false;
        }
        try {
            GC gc = new GC(file);
            gc.setPackConfig(new PackConfig(repo));
            gc.setAuto(true);
            if (repo.getConfig().getString("gc", null, "prunePackExpire") == null) {
                // JGit keeps the packs it replaced for an hour (gc.prunePackExpire, for readers in the same server);
                // git gc --auto deletes them at once (git repack -d), and envforge holds the repository's lock
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
}
