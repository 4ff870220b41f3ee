package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * One remote of one local repository: fetches a branch and pushes HEAD to a branch, never with force. Works over
 * {@code file://}, {@code git://}, SSH (key) and HTTP(S) (token). Every message it produces is free of credentials.
 */
public final class GitRemote implements AutoCloseable {

    private final Path workspace;
    private final String remote;
    private final Credentials credentials;
    private final Transports transports;

    /** Seconds a fetch, push or clone may wait for the server before failing. */
    private static final int TIMEOUT = 120;

    /**
     * @param workspace a folder inside the local repository
     * @param remote the name of a configured remote, such as {@code origin}
     */
    public GitRemote(Path workspace, String remote, Credentials credentials) {
        this(workspace, remote, credentials, Transports.defaultHome());
    }

    /**
     * As above, with {@code home} instead of the user's home for {@code ~/.ssh} (config, keys, known_hosts); null
     * means the user's home.
     */
    public GitRemote(Path workspace, String remote, Credentials credentials, File home) {
        this.workspace = workspace;
        this.remote = remote;
        this.credentials = credentials;
        this.transports = new Transports(credentials, home != null ? home : Transports.defaultHome());
    }

    /**
     * Clones {@code url} into the empty or missing folder {@code dir}; {@code branch} empty means the remote's HEAD.
     * {@code home} as in the constructor.
     */
    public static GitRemote cloneInto(
            String url, Path dir, Optional<String> branch, Credentials credentials, File home) {
        GitRemote created = new GitRemote(dir, Constants.DEFAULT_REMOTE_NAME, credentials, home);
        var clone = Git.cloneRepository()
                .setURI(url)
                .setDirectory(dir.toFile())
                .setTransportConfigCallback(created.transports)
                .setTimeout(TIMEOUT);
        branch.ifPresent(b -> clone.setBranch(Constants.R_HEADS + b));
        created.transports.refusePlainHttp(url);
        try (Git ignored = clone.call()) {
            return created;
        } catch (GitAPIException e) {
            created.close();
            throw created.transports.failure(
                    "clone", url, branch.map(b -> Constants.R_HEADS + b).orElse("HEAD"), e);
        }
    }

    /** The remote's URL with any password or token removed, for messages. */
    public String url() {
        try (Git git = open()) {
            String url = git.getRepository().getConfig().getString("remote", remote, "url");
            return credentials.redact(url == null ? remote : url);
        }
    }

    /**
     * Fetches {@code branch} into {@code refs/remotes/<remote>/<branch>}.
     *
     * @return the remote branch's commit id, or empty when the remote has no such branch
     */
    public Optional<String> fetch(String branch) {
        try (Git git = open()) {
            requireRemote(git);
            transports.refusePlainHttp(configuredUrl(git));
            RefSpec spec = new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_REMOTES + remote + "/*");
            FetchResult result = git.fetch()
                    .setRemote(remote)
                    .setRefSpecs(spec)
                    .setTransportConfigCallback(transports)
                    .setTimeout(TIMEOUT)
                    .call();
            return Optional.ofNullable(result.getAdvertisedRef(Constants.R_HEADS + branch))
                    .map(Ref::getObjectId)
                    .map(ObjectId::name);
        } catch (GitAPIException e) {
            throw transports.failure("fetch from " + remote, url(), Constants.R_HEADS + branch, e);
        }
    }

    /** Pushes the local HEAD commit to {@code refs/heads/<branch>} on the remote, as a fast-forward only. */
    public PushStatus push(String branch) {
        return push(Constants.HEAD, branch);
    }

    /**
     * Pushes {@code source} (a local ref, or the id of a commit in the local object database that no branch points
     * at) to {@code refs/heads/<branch>} on the remote, as a fast-forward only.
     */
    public PushStatus push(String source, String branch) {
        try (Git git = open()) {
            requireRemote(git);
            transports.refusePlainHttp(configuredUrl(git));
            RefSpec spec = new RefSpec(source + ":" + Constants.R_HEADS + branch);
            Iterable<PushResult> results = git.push()
                    .setRemote(remote)
                    .setRefSpecs(spec)
                    .setForce(false)
                    .setTransportConfigCallback(transports)
                    .setTimeout(TIMEOUT)
                    .call();
            PushStatus status = PushStatus.UP_TO_DATE;
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    status = worse(status, status(update, branch));
                }
            }
            return status;
        } catch (GitAPIException e) {
            throw transports.failure("push to " + remote, url(), Constants.R_HEADS + branch, e);
        }
    }

    private PushStatus status(RemoteRefUpdate update, String branch) {
        String message = update.getMessage() == null ? "" : update.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        return switch (update.getStatus()) {
            case OK -> PushStatus.PUSHED;
            case UP_TO_DATE -> PushStatus.UP_TO_DATE;
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> PushStatus.REJECTED;
            case REJECTED_OTHER_REASON -> {
                if (lower.contains("non-fast-forward") || lower.contains("fetch first") || lower.contains("lock")) {
                    yield PushStatus.REJECTED;
                }
                throw new EnvforgeException(new Problem(
                        url(),
                        Constants.R_HEADS + branch,
                        null,
                        "the remote refused the push: " + credentials.redact(message),
                        "check the branch protection rules and hooks of the remote, or push with -Denvforge.push=branch"
                                + " for a pull request"));
            }
            default ->
                throw new EnvforgeException(new Problem(
                        url(),
                        Constants.R_HEADS + branch,
                        null,
                        "push failed: " + update.getStatus() + " " + credentials.redact(message),
                        "check the remote and run again"));
        };
    }

    private static PushStatus worse(PushStatus a, PushStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * Checks what can be checked before anything is generated or committed: the remote exists, and a token would not
     * go over plain {@code http://}.
     */
    public void checkUsable() {
        try (Git git = open()) {
            requireRemote(git);
            transports.refusePlainHttp(configuredUrl(git));
        }
    }

    private String configuredUrl(Git git) {
        return git.getRepository().getConfig().getString("remote", remote, "url");
    }

    private void requireRemote(Git git) {
        if (git.getRepository().getConfig().getString("remote", remote, "url") == null) {
            throw new EnvforgeException(new Problem(
                    workspace.toString(),
                    "remote." + remote + ".url",
                    remote,
                    "no such Git remote",
                    "add it (git remote add " + remote + " <url>) or pass a remote URL"
                            + " (-Denvforge.remote=https://... / --remote)"));
        }
    }

    private Git open() {
        Path gitDir =
                GitPublisher.gitDirOrFail(workspace, "run git init and add a remote, or pass a remote URL to clone");
        try {
            return Git.open(gitDir.toFile());
        } catch (IOException e) {
            throw new EnvforgeException(new Problem(
                    workspace.toString(),
                    "",
                    null,
                    "cannot open the Git repository: " + e.getMessage(),
                    "check the repository"));
        }
    }

    @Override
    public void close() {
        transports.close();
    }
}
