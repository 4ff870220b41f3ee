package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.Publish;
import io.envforge.api.PublishResult;
import io.envforge.api.RunOptions;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.git.Credentials;
import io.envforge.git.GitPublisher;
import io.envforge.git.GitRemote;
import io.envforge.git.PushStatus;
import io.envforge.spec.GitUrl;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generate, commit, push; when the remote branch moved meanwhile, fetch it, move the local branch onto it, generate
 * again (generation is deterministic, so the generated commit is derived again rather than rebased) and push again,
 * a bounded number of times. Never pushes with force. Two concurrent runs therefore cannot both win: the second one
 * regenerates on top of the first one's commit, where validation sees the first one's result.
 *
 * <p>The local branch is only ever moved forward onto the fetched remote branch, and only when that contains every
 * commit the local branch had before the run; otherwise the run stops and says how to bring the branch up to date.
 * In branch mode a rejection means someone else pushed to {@code envforge/<env>}: the local branch then moves onto
 * that pull-request branch.
 */
public final class PublishingRun {

    private final Envforge envforge;
    private final Credentials credentials;
    private final File sshHome;
    private RunOptions options = RunOptions.DEFAULT;

    public PublishingRun(Envforge envforge, Credentials credentials) {
        this(envforge, credentials, null);
    }

    /** As above, with {@code sshHome} instead of the user's home for {@code ~/.ssh} (null: the user's home). */
    public PublishingRun(Envforge envforge, Credentials credentials, File sshHome) {
        this.envforge = envforge;
        this.credentials = credentials;
        this.sshHome = sshHome;
    }

    /** The same run where each generation (the first and every one on top of a fetched head) uses {@code value}. */
    public PublishingRun withOptions(RunOptions value) {
        PublishingRun copy = new PublishingRun(envforge, credentials, sshHome);
        copy.options = value;
        return copy;
    }

    /** A generation, and the push when one was asked for. */
    public record Outcome(GenerateResult generation, Optional<PublishResult> published) {

        /** {@link GenerateResult#lines()}, then {@link PublishResult#line()}. */
        public List<String> lines() {
            List<String> out = new ArrayList<>(generation.lines());
            published.ifPresent(p -> out.add(p.line()));
            return out;
        }
    }

    /**
     * What {@code mvn generate} and {@code envforge generate} do: generate, and with {@code publish} push too, with
     * credentials from the environment ({@code ENVFORGE_GIT_TOKEN}, {@code ENVFORGE_GIT_SSH_KEY}).
     */
    public static Outcome generate(
            Envforge envforge, GenerateRequest request, RunOptions options, Optional<Publish> publish) {
        if (publish.isEmpty()) {
            return new Outcome(envforge.generate(request, options), Optional.empty());
        }
        PublishResult pushed = new PublishingRun(envforge, Credentials.fromEnvironment(System.getenv()))
                .withOptions(options)
                .run(request.withPublish(publish.get()));
        return new Outcome(pushed.generation(), Optional.of(pushed));
    }

    public PublishResult run(GenerateRequest request) {
        Publish publish = request.publish()
                .orElseThrow(() -> new IllegalArgumentException("publish: the request names no remote"));
        if (!request.commit() || request.dryRun()) {
            throw new EnvforgeException(new Problem(
                    "-Denvforge.push",
                    "",
                    publish.mode().name().toLowerCase(),
                    "pushing needs a commit",
                    "leave out -Denvforge.commit=false (--no-commit) and dry runs when pushing"));
        }
        if (publish.isUrl()) {
            GitUrl.credentials(
                            "-Denvforge.remote",
                            "",
                            publish.remote(),
                            "put the token in " + Credentials.TOKEN_VARIABLE
                                    + " (from the CI's secret store) and give the URL without it")
                    .ifPresent(p -> {
                        throw new EnvforgeException(p);
                    });
            return new GitOpsRepository(this, publish, credentials, sshHome).publish(request);
        }
        try (GitRemote remote = new GitRemote(request.workspace(), publish.remote(), credentials, sshHome)) {
            remote.checkUsable();
            return loop(request, publish, remote);
        }
    }

    /** The retry loop on an open remote of the request's workspace. */
    PublishResult loop(GenerateRequest request, Publish publish, GitRemote remote) {
        GitPublisher git = new GitPublisher(request.outputDirectory());
        if (publish.mode() == Publish.Mode.DIRECT && publish.target().isEmpty()) {
            git.detachedAt().ifPresent(commit -> {
                throw new EnvforgeException(new Problem(
                        request.outputDirectory().toString(),
                        "HEAD",
                        commit,
                        "HEAD is detached, so a direct push has no branch to go to (it would create a branch named"
                                + " after the commit)",
                        "check out the branch to push to (git switch main), or push for"
                                + " a pull request with -Denvforge.push=branch"));
            });
        }
        String target = publish.target().orElseGet(git::currentBranch);
        if (publish.mode() == Publish.Mode.BRANCH) {
            new Reservations(request, remote).reserveOn(target);
        }
        Optional<String> base = git.head();
        for (int attempt = 1; ; attempt++) {
            GenerateResult result = envforge.generate(request, options);
            String branch = publish.branchFor(target, result.environments());
            PushStatus status = remote.push(branch);
            if (status != PushStatus.REJECTED) {
                return new PublishResult(result, remote.url(), branch, status, attempt);
            }
            if (attempt >= publish.attempts()) {
                throw new EnvforgeException(new Problem(
                        remote.url(),
                        "refs/heads/" + branch,
                        null,
                        "the remote branch kept moving; gave up after " + attempt + " attempt(s) to generate on top"
                                + " of it",
                        "run again; the local commit is kept and will be generated again"));
            }
            String remoteHead = remote.fetch(branch)
                    .orElseThrow(() -> new EnvforgeException(new Problem(
                            remote.url(),
                            "refs/heads/" + branch,
                            null,
                            "the push was rejected but the branch is gone",
                            "run again")));
            if (base.isPresent() && !git.isAncestor(base.get(), remoteHead)) {
                throw new EnvforgeException(new Problem(
                        remote.url(),
                        "refs/heads/" + branch,
                        remoteHead,
                        "the remote branch does not contain the local branch's commit " + base.get()
                                + " (local commits not pushed, or the branches diverged); nothing was pushed",
                        "bring the local branch up to date first (git pull --rebase " + publish.remote() + " " + branch
                                + "), or delete a stale envforge/ branch, then run again"));
            }
            git.moveTo(remoteHead);
            base = Optional.of(remoteHead);
        }
    }
}
