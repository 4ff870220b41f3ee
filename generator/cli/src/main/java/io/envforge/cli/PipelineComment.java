package io.envforge.cli;

import io.envforge.pipeline.deploy.GitHubComment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code envforge pipeline comment}: posts a file (the plan) as envforge's comment on a GitHub pull request, updating
 * the one posted before. Used by the Jenkinsfile (and the workflow); the token comes from the environment only.
 */
@Command(
        name = "comment",
        mixinStandardHelpOptions = true,
        description =
                "Post a Markdown file as envforge's comment on a GitHub pull request, replacing envforge's earlier"
                        + " comment there. Token: ENVFORGE_GITHUB_TOKEN or GITHUB_TOKEN (never printed).")
final class PipelineComment implements Callable<Integer> {

    @Option(names = "--pr", required = true, description = "The pull request's number.")
    int pr;

    @Option(names = "--repo", required = true, description = "The repository, owner/name.")
    String repo;

    @Option(names = "--file", required = true, description = "The Markdown to post, e.g. target/envforge-plan.md.")
    Path file;

    @Option(
            names = "--api-url",
            defaultValue = "${env:GITHUB_API_URL:-https://api.github.com}",
            description = "GitHub's REST API (GitHub Enterprise Server: https://<host>/api/v3; GITHUB_API_URL).")
    URI api;

    @Option(
            names = "--author",
            description = "The login whose marker comment envforge may update (default: the token's user from"
                    + " GET /user, or github-actions[bot] for GitHub Actions' GITHUB_TOKEN). A marker comment by"
                    + " anyone else is never updated.")
    String author;

    /** The process environment; a test sets its own. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        try {
            String markdown = Files.readString(file);
            GitHubComment.Result r =
                    new GitHubComment(api, GitHubComment.token(env), author).upsert(repo, pr, markdown);
            System.out.println("comment: " + r.action() + " on " + repo + "#" + pr + " " + r.url());
            return 0;
        } catch (IOException e) {
            System.err.println("[ERROR] cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("[ERROR] pipeline comment: " + e.getMessage());
            return 1;
        }
    }
}
