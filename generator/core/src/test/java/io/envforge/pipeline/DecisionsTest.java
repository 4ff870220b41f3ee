package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console, the commit message and the pull-request summary open with the same decisions per environment, the
 * same file counts and the next step; a first run over an environment that is already committed (Quick start block 1
 * on a fresh clone) says what it found and what to do next.
 */
class DecisionsTest {

    private static GenerateRequest request(Path root, String env) {
        return GenerateRequest.builder(root).environments(env).build();
    }

    @Test
    void aNewEnvironmentOpensConsoleCommitAndSummaryWithItsDecisions(@TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(dir);
        GenerateResult result = Envforge.standard(dir).generate(request(dir, "dev2"));
        List<String> lines = result.lines();
        String first = lines.get(0);
        assertTrue(
                first.matches("envforge: dev2 \\(new\\): aws eu-west-1, block 10\\.64\\.0\\.0/20 \\(allocated: the"
                        + " lowest free block of the platform's pools\\), API layer fixed at 10\\.64\\.[0-9.]+ and"
                        + " 10\\.64\\.[0-9.]+, DNS api\\.dev2\\.\\S+ and portal\\.dev2\\.\\S+; validated \\d+ object\\(s\\): .*"
                        + "against Kubernetes 1\\.32\\.\\d+ .*; 1 warning\\(s\\), first: images by tag, not pinned:"
                        + " wso2/wso2am:[^,@]+, wso2/wso2mi:[^ @]+ \\(pin with envforge images pin, then envforge"
                        + " images\\)"),
                first);
        String files = "files: " + result.write().added().size() + " added, 0 changed, 0 removed";
        assertEquals("envforge: " + files, lines.get(1));
        assertTrue(
                lines.get(2).startsWith("envforge: next: review the commit (git show --stat HEAD) and push it"),
                lines.get(2));
        String decisions = "## envforge decisions\n\n- " + first.substring("envforge: ".length()) + "\n- " + files
                + "\n- " + lines.get(2).substring("envforge: ".length()) + "\n\n";
        assertTrue(result.summaryMarkdown().startsWith(decisions), result.summaryMarkdown());
        try (Git git = Git.open(dir.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals(
                    "envforge: generate dev2\n\n" + decisions,
                    head.getFullMessage().substring(0, ("envforge: generate dev2\n\n" + decisions).length()));
        }
        assertTrue(ws.read("environments/dev2.yaml").contains("10.64.0.0/20"));
    }

    @Test
    void layersPinnedByDigestAreSaidSoAndWarnNothing(@TempDir Path dir) {
        String digest = "sha256:" + "ab".repeat(32);
        Scratch.in(dir)
                .spec(
                        "dev3",
                        "aws",
                        "10.30.0.0/20",
                        "  layers:\n    api:\n      image: {repository: wso2/wso2am, tag: 4.3.0, digest: " + digest
                                + "}\n    integration:\n      image: {repository: wso2/wso2mi, tag: 4.3.0, digest: "
                                + digest + "}\n");
        String first =
                Envforge.standard(dir).generate(request(dir, "dev3")).lines().get(0);
        assertTrue(first.endsWith("; images pinned by digest; no warning"), first);
    }

    /**
     * A digest pinned in the platform's defaults belongs to the defaults' repository and tag: an environment that sets
     * its own tag runs that tag (not the defaults' digest, which would be another build), and its line says it is by
     * tag; a digest the environment sets itself is used.
     */
    @Test
    void aDefaultsDigestDoesNotFollowAnEnvironmentsOwnTag(@TempDir Path dir) {
        String pinned = "sha256:" + "ab".repeat(32);
        String own = "sha256:" + "cd".repeat(32);
        Scratch ws = Scratch.in(dir);
        String platform = ws.read("environments/platform.yaml");
        String defaults = "          repository: wso2/wso2mi\n          tag: 4.3.0\n";
        assertTrue(platform.contains(defaults), platform);
        ws.write(
                        "environments/platform.yaml",
                        platform.replace(defaults, defaults + "          digest: " + pinned + "\n")
                                .replace(
                                        "          repository: wso2/wso2am\n          tag: 4.3.0\n",
                                        "          repository: wso2/wso2am\n          tag: 4.3.0\n          digest: "
                                                + pinned + "\n"))
                .spec("dev3", "aws", "10.30.0.0/20", "  layers:\n    integration:\n      image: {tag: 4.3.0-alpine}\n")
                .spec(
                        "dev4",
                        "aws",
                        "10.40.0.0/20",
                        "  layers:\n    integration:\n      image: {tag: 4.3.0-alpine, digest: " + own + "}\n");
        List<String> lines =
                Envforge.standard(dir).generate(request(dir, "dev3")).lines();
        assertTrue(
                lines.get(0).contains("images by tag, not pinned: wso2/wso2mi:4.3.0-alpine (pin with"), lines.get(0));
        String workloads = String.join(
                "\n",
                ws.files().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("overlays/dev3/"))
                        .map(java.util.Map.Entry::getValue)
                        .toList());
        assertTrue(workloads.contains("image: wso2/wso2mi:4.3.0-alpine"), workloads);
        assertTrue(!workloads.contains("wso2/wso2mi@"), "the defaults' digest must not follow the tag");
        assertTrue(workloads.contains("image: wso2/wso2am@" + pinned), "the api layer keeps the defaults' pin");
        String first =
                Envforge.standard(dir).generate(request(dir, "dev4")).lines().get(0);
        assertTrue(first.contains("images pinned by digest; "), first);
        assertTrue(ws.read("overlays/dev4/" + imageFile(ws, "dev4")).contains("image: wso2/wso2mi@" + own));
    }

    private static String imageFile(Scratch ws, String env) {
        return ws.files().entrySet().stream()
                .filter(e -> e.getKey().startsWith("overlays/" + env + "/")
                        && e.getValue().contains("wso2/wso2mi@"))
                .map(e -> e.getKey().substring(("overlays/" + env + "/").length()))
                .findFirst()
                .orElse("(no file with a wso2/wso2mi digest)");
    }

    @Test
    void aRunOverACommittedEnvironmentSaysItIsUpToDateAndWhatToDoNext(@TempDir Path dir) {
        Scratch ws = Scratch.in(dir).spec("dev1", "aws", "10.20.0.0/20", "");
        Envforge.standard(dir).generate(request(dir, "dev1"));
        GenerateResult again = Envforge.standard(dir).generate(request(dir, "dev1"));
        assertEquals(
                List.of(
                        "envforge: dev1: up to date: its files match environments/dev1.yaml (block 10.20.0.0/20)"
                                + " and this generator; not rendered again",
                        "envforge: files: 0 added, 0 changed, 0 removed",
                        "envforge: next: nothing to do; change environments/<env>.yaml and run again, or create an environment"
                                + " with -Denv=<new name> (--env on the CLI; it gets 10.64.0.0/20, the next free block of the"
                                + " pools)",
                        "envforge: generated 0 environment(s); files 0 added, 0 changed, 0 removed, 0 unchanged",
                        "envforge: nothing to commit"),
                again.lines());
        assertTrue(ws.read("environments/dev1.yaml").contains("10.20.0.0/20"));
    }
}
