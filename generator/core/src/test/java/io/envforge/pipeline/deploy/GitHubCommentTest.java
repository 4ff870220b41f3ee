package io.envforge.pipeline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a stand-in of GitHub's issue-comments API on 127.0.0.1 (JDK HttpServer, the endpoints and paging of
 * docs.github.com "REST API endpoints for issue comments"): the first post creates, a re-run updates the same comment
 * (found on the second page, past someone else's), every request carries the token in the Authorization header.
 */
public class GitHubCommentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String TOKEN = "ghp_test-secret-0123456789";

    /** A request the stand-in received: method, path with query, Authorization header, body. */
    public record Seen(String method, String path, String auth, String body) {}

    /** The stand-in: comments of one pull request, 1 per page, so that finding one pages. */
    public static final class FakeGitHub implements AutoCloseable {
        public final List<Seen> seen = new CopyOnWriteArrayList<>();
        public final List<ObjectNode> comments = new ArrayList<>();
        private final HttpServer server;
        private long nextId = 100;
        /** The token's login at {@code GET /user}; null: refused with 403 as for Actions' GITHUB_TOKEN. */
        public volatile String login = "envforge-ci";
        /** When set, page 1's {@code Link: rel="next"} points at this origin instead of the stand-in's own. */
        public volatile URI linkOrigin;

        public FakeGitHub(String repo, int pr) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            comments.add(comment(nextId++, "alice", "LGTM, by a person"));
            String list = "/repos/" + repo + "/issues/" + pr + "/comments";
            server.createContext("/", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = ex.getRequestURI().getPath();
                String query = ex.getRequestURI().getQuery();
                seen.add(new Seen(
                        ex.getRequestMethod(),
                        path + (query == null ? "" : "?" + query),
                        ex.getRequestHeaders().getFirst("Authorization"),
                        body));
                synchronized (comments) {
                    if (ex.getRequestMethod().equals("GET") && path.equals("/user")) {
                        String who = login;
                        if (who == null) {
                            reply(ex, 403, "{\"message\":\"Resource not accessible by integration\"}");
                        } else {
                            reply(
                                    ex,
                                    200,
                                    JSON.createObjectNode().put("login", who).toString());
                        }
                    } else if (ex.getRequestMethod().equals("GET") && path.equals(list)) {
                        int page = query != null && query.contains("page=2") ? 2 : 1;
                        ArrayNode out = JSON.createArrayNode();
                        if (comments.size() >= page) {
                            out.add(comments.get(page - 1));
                        }
                        if (page == 1 && comments.size() > 1) {
                            URI origin = linkOrigin != null ? linkOrigin : uri();
                            ex.getResponseHeaders()
                                    .add("Link", "<" + origin + list + "?per_page=100&page=2>; rel=\"next\"");
                        }
                        reply(ex, 200, out.toString());
                    } else if (ex.getRequestMethod().equals("POST") && path.equals(list)) {
                        ObjectNode c = comment(
                                nextId++,
                                login == null ? GitHubComment.ACTIONS_BOT : login,
                                JSON.readTree(body).get("body").asText());
                        c.put("html_url", "https://github.example/" + repo + "/pull/" + pr + "#" + c.get("id"));
                        comments.add(c);
                        reply(ex, 201, c.toString());
                    } else if (ex.getRequestMethod().equals("PATCH")
                            && path.startsWith("/repos/" + repo + "/issues/comments/")) {
                        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
                        ObjectNode c = comments.stream()
                                .filter(n -> n.get("id").asLong() == id)
                                .findFirst()
                                .orElseThrow();
                        c.put("body", JSON.readTree(body).get("body").asText());
                        reply(ex, 200, c.toString());
                    } else {
                        reply(ex, 404, "{\"message\":\"Not Found\"}");
                    }
                }
            });
            server.start();
        }

        /** A comment as GitHub lists it: id, author ({@code user.login}), body. */
        public static ObjectNode comment(long id, String login, String body) {
            ObjectNode c = JSON.createObjectNode().put("id", id).put("body", body);
            c.putObject("user").put("login", login);
            return c;
        }

        /** Adds a comment by {@code login}, as if posted through GitHub's web page. */
        public void post(String login, String body) {
            synchronized (comments) {
                comments.add(comment(nextId++, login, body));
            }
        }

        public URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private static void reply(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    FakeGitHub github;

    @BeforeEach
    void start() throws IOException {
        github = new FakeGitHub("acme/platform", 7);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void theFirstRunCreatesTheCommentAndARerunUpdatesItInPlace() {
        GitHubComment client = new GitHubComment(github.uri(), TOKEN);
        GitHubComment.Result first = client.upsert("acme/platform", 7, "## Plan\n\ndev1: 3 to add\n");
        assertEquals("created", first.action());
        GitHubComment.Result second = client.upsert("acme/platform", 7, "## Plan\n\ndev1: 4 to add\n");
        assertEquals("updated", second.action());
        assertEquals(first.url(), second.url());

        assertEquals(2, github.comments.size(), "the person's comment and one of envforge's");
        String ours = github.comments.get(1).get("body").asText();
        assertEquals(GitHubComment.MARKER + "\n## Plan\n\ndev1: 4 to add\n", ours);
        List<String> calls =
                github.seen.stream().map(s -> s.method() + " " + s.path()).toList();
        assertEquals(
                List.of(
                        "GET /user",
                        "GET /repos/acme/platform/issues/7/comments?per_page=100",
                        "POST /repos/acme/platform/issues/7/comments",
                        "GET /user",
                        "GET /repos/acme/platform/issues/7/comments?per_page=100",
                        "GET /repos/acme/platform/issues/7/comments?per_page=100&page=2",
                        "PATCH /repos/acme/platform/issues/comments/101"),
                calls);
        github.seen.forEach(s -> assertEquals("Bearer " + TOKEN, s.auth(), s.path()));
    }

    @Test
    void aMarkerCommentBySomeoneElseIsNeverUpdated() {
        // mallory posts the public marker first, hoping envforge edits her comment and she can later edit the "plan"
        github.comments.clear();
        github.post("mallory", GitHubComment.MARKER + "\n## Plan\n\nnothing to change\n");
        GitHubComment.Result r = new GitHubComment(github.uri(), TOKEN).upsert("acme/platform", 7, "dev1: 3 to add\n");
        assertEquals("created", r.action());
        assertEquals(2, github.comments.size());
        assertEquals(
                GitHubComment.MARKER + "\n## Plan\n\nnothing to change\n",
                github.comments.get(0).get("body").asText(),
                "mallory's comment is untouched");
        assertEquals(
                "envforge-ci", github.comments.get(1).path("user").path("login").asText());
        assertTrue(github.seen.stream().noneMatch(s -> s.method().equals("PATCH")));
        // --author names the identity explicitly: then GET /user is not asked, and still mallory's is not taken
        github.seen.clear();
        assertEquals(
                "updated",
                new GitHubComment(github.uri(), TOKEN, "Envforge-CI")
                        .upsert("acme/platform", 7, "dev1: 4 to add\n")
                        .action());
        assertTrue(github.seen.stream().noneMatch(s -> s.path().equals("/user")));
        assertTrue(github.comments.get(1).get("body").asText().endsWith("dev1: 4 to add\n"));
    }

    @Test
    void withActionsGithubTokenOnlyTheBotsMarkerCommentIsUpdated() {
        github.login = null; // GET /user: 403 "Resource not accessible by integration", as for GITHUB_TOKEN
        github.comments.clear(); // the stand-in pages 1 comment per page, 2 pages
        github.post("mallory", GitHubComment.MARKER + "\nfake plan\n");
        github.post(GitHubComment.ACTIONS_BOT, GitHubComment.MARKER + "\nold plan\n");
        GitHubComment.Result r = new GitHubComment(github.uri(), TOKEN).upsert("acme/platform", 7, "new plan\n");
        assertEquals("updated", r.action());
        assertEquals(2, github.comments.size());
        assertEquals(
                GitHubComment.MARKER + "\nfake plan\n",
                github.comments.get(0).get("body").asText());
        assertEquals(
                GitHubComment.MARKER + "\nnew plan\n",
                github.comments.get(1).get("body").asText());
        assertTrue(github.seen.stream()
                .anyMatch(s -> s.method().equals("PATCH") && s.path().endsWith("/102")));
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowedAndGetsNoToken() throws IOException {
        try (FakeGitHub elsewhere = new FakeGitHub("acme/platform", 7)) {
            // same host, another port: another origin
            github.linkOrigin = elsewhere.uri();
            github.post("envforge-ci", GitHubComment.MARKER + "\nold plan\n");
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> new GitHubComment(github.uri(), TOKEN).upsert("acme/platform", 7, "x"));
            assertTrue(e.getMessage().contains("next page is on " + elsewhere.uri()), e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN));
            assertEquals(List.of(), elsewhere.seen, "no request reached the other origin");
            assertTrue(github.seen.stream().noneMatch(s -> !s.method().equals("GET")), "nothing written");
        }
    }

    @Test
    void aRefusalNamesTheCallAndNeverTheToken() {
        GitHubComment client = new GitHubComment(github.uri(), TOKEN);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.upsert("acme/other", 7, "x"));
        assertTrue(e.getMessage().contains("GET /repos/acme/other/issues/7/comments: HTTP 404"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> new GitHubComment(github.uri(), " "));
        assertTrue(none.getMessage().contains("GITHUB_TOKEN"), none.getMessage());
        assertEquals("tok", GitHubComment.token(Map.of("GITHUB_TOKEN", "gh", "ENVFORGE_GITHUB_TOKEN", "tok")));
        assertEquals(
                GitHubComment.MAX_BODY, GitHubComment.body("x".repeat(70_000)).length());
    }
}
