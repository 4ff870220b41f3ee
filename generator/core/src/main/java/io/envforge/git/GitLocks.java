package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lock files a commit takes ({@code index.lock}, the branch's {@code refs/heads/<branch>.lock}, {@code HEAD.lock}:
 * Git's and JGit's {@code LockFile}), and who took them. While it commits, envforge keeps its process id and start
 * time in {@code envforge/lock-owner} of the Git folder. A lock found at the start of a run whose owner record names
 * an envforge process that no longer runs was left by a killed envforge run: it is stale and is removed, and the run
 * says so. Any other lock (a Git command running, or killed) stops the run before anything is written, naming the
 * exact command that removes it.
 */
final class GitLocks {

    static final String OWNER = "envforge/lock-owner";

    private final Path gitDir;

    GitLocks(Path gitDir) {
        this.gitDir = gitDir;
    }

    /** Records this process as the owner of the locks the commit is about to take. */
    void claim() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Path owner = gitDir.resolve(OWNER);
        Files.createDirectories(owner.getParent());
        Files.writeString(
                owner,
                self.pid() + " "
                        + self.info().startInstant().map(Instant::toString).orElse("?") + "\n",
                StandardCharsets.UTF_8);
    }

    /** The commit is done: the locks are released. */
    void release() throws IOException {
        Files.deleteIfExists(gitDir.resolve(OWNER));
    }

    /**
     * Removes the locks a killed envforge run left (and returns a line per lock saying so); throws for a lock of
     * anyone else.
     */
    List<String> clearStale(String branch) {
        List<Path> locks = new ArrayList<>();
        for (String name : List.of("index.lock", "HEAD.lock", "refs/heads/" + branch + ".lock")) {
            if (Files.exists(gitDir.resolve(name))) {
                locks.add(gitDir.resolve(name));
            }
        }
        Optional<String> deadOwner = deadOwner();
        List<String> notes = new ArrayList<>();
        try {
            if (locks.isEmpty()) {
                if (deadOwner.isPresent()) {
                    release();
                }
                return notes;
            }
            if (deadOwner.isEmpty()) {
                Path lock = locks.get(0);
                throw new EnvforgeException(new Problem(
                        lock.toString(),
                        "",
                        null,
                        "Git's lock file exists: another"
                                + " Git command is running in this repository, or one was killed while it held the lock",
                        "wait for it to finish; if no git or envforge process runs here, remove the lock (rm "
                                + String.join(
                                        " ", locks.stream().map(Path::toString).toList()) + ") and run again"));
            }
            for (Path lock : locks) {
                Files.deleteIfExists(lock);
                notes.add(lock + ": removed a stale lock left by envforge run " + deadOwner.get()
                        + ", which was stopped while committing; this run commits its files");
            }
            release();
            return notes;
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            locks.isEmpty() ? gitDir.toString() : locks.get(0).toString(),
                            "",
                            null,
                            "cannot remove a stale lock: " + e.getMessage(),
                            "remove it by hand (rm " + (locks.isEmpty() ? gitDir.resolve(OWNER) : locks.get(0))
                                    + ") and run again"),
                    e);
        }
    }

    /** The owner record's {@code pid N}, when it names an envforge process that no longer runs. */
    private Optional<String> deadOwner() {
        Path owner = gitDir.resolve(OWNER);
        try {
            if (!Files.isRegularFile(owner)) {
                return Optional.empty();
            }
            String[] fields =
                    Files.readString(owner, StandardCharsets.UTF_8).strip().split(" ");
            long pid = Long.parseLong(fields[0]);
            String started = fields.length > 1 ? fields[1] : "?";
            boolean alive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .startInstant()
                            .map(Instant::toString)
                            .orElse("?")
                            .equals(started))
                    .isPresent();
            return alive ? Optional.empty() : Optional.of("pid " + pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
