package io.envforge.pipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's comment on a pull request, through GitHub's REST API (github.com or GitHub Enterprise Server): one
 * comment per pull request, found again by a hidden marker and updated in place, so a re-run replaces the plan
 * instead of adding another. Endpoints (docs.github.com, REST "Issue comments"; a pull request is an issue):
 * {@code GET /repos/{owner}/{repo}/issues/{n}/comments} (paged, {@code Link: <...>; rel="next"}),
 * {@code POST /repos/{owner}/{repo}/issues/{n}/comments}, {@code PATCH /repos/{owner}/{repo}/issues/comments/{id}},
 * each with {@code Authorization: Bearer <token>}. The token is only ever put in that header: no message, exception
 * or log line carries it, and it is only sent to the API's own scheme, host and port (a {@code Link} to another
 * origin is refused, not followed).
 *
 * <p>The marker is public, so anyone who may comment can post it first. Only a marker comment whose
 * {@code user.login} is envforge's own identity is updated: {@code author} if given, else the token's user from
 * {@code GET /user} (docs.github.com REST "Users": "Get the authenticated user"; works for personal access tokens and
 * GitHub App user tokens). GitHub Actions' {@code GITHUB_TOKEN} is an installation token and gets 403 "Resource not
 * accessible by integration" there; its comments are written by {@code github-actions[bot]} (docs.github.com
 * "Automatic token authentication"), so that login is used. Any other marker comment is left alone and a new one is
 * created.
 *
 * @param api the API's root: {@code https://api.github.com}, or {@code https://<host>/api/v3} on GitHub Enterprise
 *     Server
 * @param token a token allowed to write the repository's pull requests (issues: write)
 * @param author the login whose marker comment may be updated, or null to ask GitHub ({@code GET /user})
 */
public record GitHubComment(URI api, String token, String author) {

    /** The login GitHub Actions' {@code GITHUB_TOKEN} writes comments as (docs.github.com). */
    public static final String ACTIONS_BOT = "github-actions[bot]";

    /** The hidden line that marks envforge's comment (an HTML comment: GitHub's Markdown does not show it). */
    public static final String MARKER = "<!-- envforge:pipeline-comment -->";

    /** GitHub's limit on a comment's body, in characters (a longer one is refused with 422). */
    static final int MAX_BODY = 65536;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPO = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** What was done: {@code created} or {@code updated}, and the comment's web address. */
    public record Result(String action, String url) {}

    public GitHubComment {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no GitHub token: set ENVFORGE_GITHUB_TOKEN or GITHUB_TOKEN to a token"
                    + " that may write the repository's pull requests");
        }
        String root = api.toString();
        api = URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        if (author != null && author.isBlank()) {
            author = null;
        }
    }

    /** A client that asks GitHub who the token belongs to. */
    public GitHubComment(URI api, String token) {
        this(api, token, null);
    }

    /** The token from the environment: {@code ENVFORGE_GITHUB_TOKEN}, else {@code GITHUB_TOKEN}. */
    public static String token(Map<String, String> env) {
        String t = env.get("ENVFORGE_GITHUB_TOKEN");
        return t != null && !t.isBlank() ? t : env.get("GITHUB_TOKEN");
    }

    /** Creates envforge's comment on pull request {@code pr} of {@code repo}, or updates the one it made before. */
    public Result upsert(String repo, int pr, String markdown) {
        if (!REPO.matcher(repo).matches()) {
            throw new IllegalArgumentException("--repo \"" + repo + "\": owner/name expected, e.g. acme/platform");
        }
        if (pr < 1) {
            throw new IllegalArgumentException("--pr " + pr + ": a pull request number (1 or more) expected");
        }
        String body = body(markdown);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        String payload = JSON.createObjectNode().put("body", body).toString();
        Long existing = find(client, repo, pr, author != null ? author : identity(client));
        HttpResponse<String> r = existing == null
                ? send(client, "POST", "/repos/" + repo + "/issues/" + pr + "/comments", payload)
                : send(client, "PATCH", "/repos/" + repo + "/issues/comments/" + existing, payload);
        return new Result(
                existing == null ? "created" : "updated",
                read(r).path("html_url").asText(""));
    }

    /** The marker, then the text; cut to GitHub's limit with a note saying where the whole text is. */
    static String body(String markdown) {
        String head = MARKER + "\n";
        String text = head + markdown;
        if (text.length() <= MAX_BODY) {
            return text;
        }
        String note = "\n\n... (cut at GitHub's comment limit; the whole text is in the build's artifacts)\n";
        return text.substring(0, MAX_BODY - note.length()) + note;
    }

    /** The token's login ({@code GET /user}); {@link #ACTIONS_BOT} when an installation token is refused (403). */
    private String identity(HttpClient client) {
        HttpResponse<String> r = exchange(client, "GET", URI.create(api + "/user"), null);
        if (r.statusCode() == 403) {
            return ACTIONS_BOT;
        }
        check("GET", URI.create(api + "/user"), r);
        String login = read(r).path("login").asText("");
        if (login.isEmpty()) {
            throw new IllegalStateException("GET /user: no login in GitHub's answer; pass --author LOGIN");
        }
        return login;
    }

    private Long find(HttpClient client, String repo, int pr, String login) {
        String path = "/repos/" + repo + "/issues/" + pr + "/comments?per_page=100";
        URI next = URI.create(api + path);
        while (next != null) {
            HttpResponse<String> r = send(client, "GET", next, null);
            for (JsonNode c : read(r)) {
                if (c.path("body").asText("").startsWith(MARKER)
                        && c.path("user").path("login").asText("").equalsIgnoreCase(login)) {
                    return c.path("id").asLong();
                }
            }
            Matcher m = NEXT.matcher(r.headers().firstValue("Link").orElse(""));
            next = m.find() ? URI.create(m.group(1)) : null;
            if (next != null && !sameOrigin(next)) {
                throw new IllegalStateException("GET " + URI.create(api + path).getPath() + ": the next page is on "
                        + next.getScheme() + "://" + next.getAuthority() + ", not on the API's "
                        + api.getScheme() + "://" + api.getAuthority()
                        + "; the token is only sent to the API (set --api-url to the host GitHub answers from)");
            }
        }
        return null;
    }

    private boolean sameOrigin(URI u) {
        return api.getScheme().equalsIgnoreCase(String.valueOf(u.getScheme()))
                && api.getHost().equalsIgnoreCase(String.valueOf(u.getHost()))
                && port(api) == port(u);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String payload) {
        return send(client, method, URI.create(api + path), payload);
    }

    private HttpResponse<String> send(HttpClient client, String method, URI uri, String payload) {
        return check(method, uri, exchange(client, method, uri, payload));
    }

    private static HttpResponse<String> check(String method, URI uri, HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + uri.getPath() + ": HTTP " + r.statusCode() + " "
                    + read(r).path("message").asText("") + hint(r.statusCode()));
        }
        return r;
    }

    private HttpResponse<String> exchange(HttpClient client, String method, URI uri, String payload) {
        if (!sameOrigin(uri)) {
            throw new IllegalStateException(method + " " + uri.getPath() + ": not on the API's origin");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(1))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "envforge")
                .header("Authorization", "Bearer " + token);
        if (payload == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(payload));
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri.getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri.getPath(), e);
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> "; the token is not valid (expired or revoked)";
            case 403, 404 ->
                "; the token may not write this repository's pull requests (issues: write), or --repo /"
                        + " --pr / --api-url name another";
            default -> "";
        };
    }

    private static JsonNode read(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body() == null || r.body().isBlank() ? "{}" : r.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
