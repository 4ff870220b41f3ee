package io.envforge.pipeline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.error.EnvforgeException;
import io.envforge.git.GitPublisher;
import io.envforge.pipeline.Decommissioning;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.Scratch;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline driven for a new AWS (dev2) and a new Azure (tst2) environment beside an untouched one (dev1), with the
 * recording stand-in in place of terraform, kubectl, aws, az and kubelogin: which roots, which commands in which
 * order, which variables (none fed by hand), and that no secret is ever printed. It runs the stand-in as processes
 * and listens on a loopback socket: an integration test, run by {@code mvn verify}.
 */
class DeployPipelineIT {

    private static final String TOKEN = "ghp_pipelineTestToken0123456789";

    /** dev1 committed, then dev2 and tst2 generated and committed on top: rendered once, copied per test. */
    @TempDir
    static Path template;

    static String base;

    @TempDir
    Path dir;

    Scratch ws;
    StandIn standIn;
    ServerSocket api;
    Path work;
    final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void twoNewEnvironmentsOnTopOfOne() {
        Scratch once = Scratch.in(template.resolve("ws")).spec("dev1", "aws", "10.20.0.0/20", "");
        once.generate(false, "dev1");
        once.commitAll("dev1");
        base = new GitPublisher(once.root()).head().orElseThrow();
        once.spec("dev2", "aws", "10.20.16.0/20", "").spec("tst2", "azure", "10.20.32.0/20", "");
        once.generate(false, "dev2", "tst2");
        once.commitAll("dev2 and tst2");
    }

    @BeforeEach
    void copyOfTheWorkspace() throws IOException {
        Path from = template.resolve("ws");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve("ws").resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        ws = Scratch.at(dir.resolve("ws"));
        standIn = new StandIn(dir.resolve("standin"));
        standIn.env.put(PipelineSettings.GIT_TOKEN, TOKEN);
        // the fixed API addresses: the stand-in's stage 1 outputs 127.0.0.1 twice; this port answers
        api = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        work = dir.resolve("work");
    }

    @AfterEach
    void stopApi() throws IOException {
        api.close();
    }

    DeployPipeline pipeline(int parallel, Duration lockTimeout) {
        return new DeployPipeline(
                standIn.runner(),
                new PipelineSettings(
                        ws.root(),
                        work,
                        parallel,
                        lockTimeout,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        List.of(api.getLocalPort()),
                        true,
                        standIn.env),
                printed::add);
    }

    /** The stand-in plans one resource per module block of the root: as many as the generated root declares. */
    int modules(String env) throws IOException {
        int n = 0;
        try (var files = Files.list(ws.root().resolve("terraform/environments/" + env))) {
            for (var f : files.filter(p -> p.toString().endsWith(".tf")).toList()) {
                n += (int) java.util.regex.Pattern.compile("^module \"", java.util.regex.Pattern.MULTILINE)
                        .matcher(Files.readString(f))
                        .results()
                        .count();
            }
        }
        return n;
    }

    DeployPipeline pipeline() {
        return pipeline(2, Duration.ofSeconds(5));
    }

    @Test
    void planCoversExactlyTheTouchedEnvironmentsStage2AfterStage1AndHidesSecrets() throws IOException {
        DeployPipeline.Outcome plan = pipeline().plan(base);

        assertEquals(List.of(), plan.failures());
        List<StandIn.Call> calls = standIn.calls();
        assertTrue(calls.stream().noneMatch(c -> c.cwd().contains("/dev1")), "dev1 is not touched");
        assertEquals(
                List.of(
                        "dev2/: init",
                        "dev2/: show",
                        "dev2/: plan",
                        "dev2/: show",
                        "tst2/: init",
                        "tst2/: show",
                        "tst2/: plan",
                        "tst2/: show"),
                labels(calls, ""));
        assertTrue(calls.stream().noneMatch(c -> c.args().contains("-var")), "no variable fed by hand");
        String md = plan.markdown();
        assertTrue(md.contains("### dev2 (aws, flux)") && md.contains("### tst2 (azure, flux)"), md);
        assertTrue(md.contains("| stage 1 | `terraform/environments/dev2/` | " + modules("dev2") + " | 0 | 0 |"), md);
        assertTrue(
                md.contains("| stage 2 | `terraform/environments/dev2/cluster-addons/` | " + PlanRun.STAGE2_LATER), md);
        assertTrue(md.contains("+ module.database.standin_resource.this"), md);
        assertNoSecret(md);
        assertTrue(plan.differs());
    }

    @Test
    void applyRunsStage1Stage2ThenWaitsForFluxAndSmokesTheApiAddressesThenResumes() throws IOException {
        DeployPipeline.Outcome applied = pipeline().apply(base);

        assertEquals(List.of(), applied.failures(), printed.toString());
        List<StandIn.Call> calls = standIn.calls();
        assertTrue(calls.stream()
                .noneMatch(c -> c.cwd().contains("/dev1") || c.args().toString().contains("dev1")));
        List<String> stages = List.of("init", "state", "plan", "show", "apply");
        List<String> tf = new ArrayList<>();
        stages.stream().filter(s -> !s.equals("state")).forEach(s -> tf.add("dev2/: " + s));
        stages.stream().filter(s -> !s.equals("state")).forEach(s -> tf.add("dev2/cluster-addons/: " + s));
        tf.addAll(List.of("dev2/: output", "dev2/: output"));
        assertEquals(
                tf,
                labels(calls.stream().filter(c -> c.tool().equals("terraform")).toList(), "dev2/"));
        assertEquals(
                tf.stream().map(s -> s.replace("dev2", "tst2")).toList(),
                labels(calls.stream().filter(c -> c.tool().equals("terraform")).toList(), "tst2/"));
        for (StandIn.Call c : calls) {
            assertFalse(c.args().contains("-var"), "no variable fed by hand: " + c.line());
            if (c.tool().equals("terraform")) {
                assertEquals(
                        c.cwd().endsWith("/cluster-addons"),
                        c.envNames().contains("TF_VAR_git_token"),
                        "the Git token only for stage 2: " + c.line() + " in " + c.cwd());
            }
        }
        // the cluster's kubeconfig from the cloud's CLI, then the Flux Kustomizations of sync.yaml, after stage 2
        List<String> others = calls.stream()
                .filter(c -> !c.tool().equals("terraform"))
                .map(StandIn.Call::line)
                .map(l -> l.replaceAll(" /\\S+/kubeconfig", " KUBECONFIG"))
                .toList();
        assertTrue(
                others.contains("aws eks update-kubeconfig --name envforge-dev2 --region eu-west-1 --kubeconfig"
                        + " KUBECONFIG"),
                others.toString());
        assertTrue(
                others.contains("az aks get-credentials --resource-group rg-envforge-tst2 --name envforge-tst2"
                        + " --file KUBECONFIG --overwrite-existing"),
                others.toString());
        assertTrue(
                others.contains("kubelogin convert-kubeconfig -l azurecli --kubeconfig KUBECONFIG"), others.toString());
        assertTrue(
                others.contains(
                                "kubectl --kubeconfig KUBECONFIG --namespace flux-system wait"
                                        + " kustomization/dev2-platform kustomization/dev2-layers --for=condition=Ready --timeout=5s")
                        || others.contains(
                                "kubectl --kubeconfig KUBECONFIG --namespace flux-system wait"
                                        + " kustomization/dev2-platform kustomization/dev2-layers --for=condition=Ready --timeout=4s"),
                others.toString());
        int stage2Apply = indexOf(
                calls, c -> c.cwd().endsWith("dev2/cluster-addons") && c.sub().equals("apply"));
        int wait = indexOf(
                calls, c -> c.tool().equals("kubectl") && c.args().toString().contains("dev2-platform"));
        assertTrue(stage2Apply < wait, "the controller is awaited after stage 2");
        assertTrue(
                printed.stream()
                        .anyMatch(l -> l.contains("dev2: smoke ok: 127.0.0.1:" + api.getLocalPort() + " answered")),
                printed.toString());

        JsonNode report =
                new ObjectMapper().readTree(work.resolve("report.json").toFile());
        for (String env : List.of("dev2", "tst2")) {
            for (String step : List.of("stage1", "stage2", "ready", "smoke")) {
                assertEquals(
                        "ok",
                        report.path("environments")
                                .path(env)
                                .path(step)
                                .path("status")
                                .asText(),
                        env + " " + step);
            }
        }
        assertNoSecret(String.join("\n", printed) + applied.markdown() + logs());

        // a re-run of the same revision resumes: every step is recorded done, nothing is applied again
        standIn.clear();
        assertEquals(List.of(), pipeline().apply(base).failures());
        assertTrue(standIn.calls().isEmpty(), standIn.calls().toString());

        // now that stage 1 exists, the plan covers stage 2, with the token from the secret store
        standIn.clear();
        DeployPipeline.Outcome plan = pipeline().plan(base);
        assertTrue(standIn.calls().stream()
                .anyMatch(c -> c.cwd().endsWith("tst2/cluster-addons")
                        && c.sub().equals("plan")
                        && c.envNames().contains("TF_VAR_git_token")));
        assertFalse(plan.markdown().contains(PlanRun.STAGE2_LATER), plan.markdown());
        assertFalse(plan.differs(), plan.markdown());
    }

    @Test
    void aFailedStepStopsThePipelineWithItsLogAndARerunResumesThere() throws IOException {
        standIn.env.put("STANDIN_FAIL", "/dev2:apply");
        DeployPipeline.Outcome failed = pipeline(1, Duration.ofSeconds(5)).apply(base);

        assertEquals(1, failed.failures().size());
        StepFailedException f = failed.failures().get(0);
        assertEquals(List.of("dev2", "stage1"), List.of(f.environment(), f.step()));
        String shown = FailureLog.render(f, standIn.env, 60);
        assertTrue(
                shown.contains("Error: stand-in failure of /dev2:apply") && shown.contains("with module.database"),
                shown);
        assertTrue(standIn.calls().stream().noneMatch(c -> c.cwd().contains("/tst2")), "tst2 never started");
        assertTrue(standIn.calls().stream().noneMatch(c -> c.cwd().endsWith("cluster-addons")), "no stage 2");
        assertTrue(printed.contains("envforge: tst2: not started, an earlier environment failed"), printed.toString());

        standIn.env.remove("STANDIN_FAIL");
        standIn.clear();
        assertEquals(List.of(), pipeline(1, Duration.ofSeconds(5)).apply(base).failures(), printed.toString());
        assertTrue(
                standIn.calls().stream()
                        .anyMatch(c -> c.cwd().endsWith("/dev2") && c.sub().equals("apply")),
                "the failed step runs again");
        assertTrue(standIn.calls().stream().anyMatch(c -> c.cwd().endsWith("/tst2/cluster-addons")));
    }

    @Test
    void oneApplyPerEnvironmentAtATime() throws IOException {
        try (EnvLock held = EnvLock.acquire(work.resolve("locks"), "dev2", Duration.ofSeconds(1))
                .orElseThrow()) {
            DeployPipeline.Outcome blocked = pipeline(2, Duration.ofMillis(500)).applyAll(List.of("dev2"));
            assertEquals("lock", blocked.failures().get(0).step());
            assertTrue(standIn.calls().isEmpty(), "nothing ran while another apply held dev2");
        }
        assertEquals(
                List.of(),
                pipeline(2, Duration.ofMillis(500)).applyAll(List.of("dev2")).failures());
    }

    @Test
    void removeOnALiveEnvironmentShowsTheDestroyPlanAndDeletesFilesOnlyAfterTheDestroy() throws Exception {
        assertEquals(List.of(), pipeline().apply(base).failures());
        String live = new GitPublisher(ws.root()).head().orElseThrow();
        TerraformStateProbe probe = new TerraformStateProbe(standIn.runner(), ws.root(), work);

        RemoveResult marked = Envforge.standard(ws.root())
                .remove(new RemoveRequest(ws.root(), "dev2", Optional.of("dev2"), true, probe));
        assertTrue(marked.marked() && !marked.removed(), marked.listing());
        assertEquals(modules("dev2"), marked.live().get("terraform/environments/dev2/"));
        assertTrue(Files.exists(ws.root().resolve("terraform/environments/dev2/main.tf")));
        assertTrue(Files.exists(ws.root().resolve("overlays/dev2/kustomization.yaml")));
        assertEquals(List.of(Decommissioning.marker("dev2")), changedIn(ws.root(), "HEAD"));

        // the pull request's comment: the destroy plan, stage 2 then stage 1, nothing applied, nothing deleted
        standIn.clear();
        DeployPipeline.Outcome plan = pipeline().plan(live);
        String md = plan.markdown();
        assertTrue(md.contains("### dev2 (aws, flux): **decommission**"), md);
        assertTrue(md.contains("| stage 1 | `terraform/environments/dev2/` | 0 | 0 | " + modules("dev2") + " |"), md);
        assertTrue(md.contains("- module.database.standin_resource.this"), md);
        assertTrue(standIn.calls().stream().noneMatch(c -> c.sub().equals("apply")));
        assertTrue(standIn.calls().stream()
                .anyMatch(c -> c.args().containsAll(List.of("-destroy", "-var", ApplyRun.DECOMMISSION))
                        && c.cwd().endsWith("/dev2")));
        assertTrue(Files.exists(ws.root().resolve("terraform/environments/dev2/main.tf")));
        assertNoSecret(md);

        // marked but still live: remove refuses to drop the root
        EnvforgeException refused = assertThrows(
                EnvforgeException.class,
                () -> Envforge.standard(ws.root())
                        .remove(new RemoveRequest(ws.root(), "dev2", Optional.of("dev2"), true, probe)));
        assertTrue(refused.getMessage().contains("the pipeline's destroy has not run"), refused.getMessage());
        assertTrue(Files.exists(ws.root().resolve("terraform/environments/dev2/main.tf")));

        // the merge: stage 2 destroyed, protection lifted, stage 1 destroyed, then the files go in one commit
        standIn.clear();
        DeployPipeline.Outcome destroyed = pipeline().apply(live);
        assertEquals(List.of(), destroyed.failures(), printed.toString());
        List<String> order = standIn.calls().stream()
                .filter(c ->
                        c.tool().equals("terraform") && List.of("plan", "apply").contains(c.sub()))
                .map(c -> c.cwd().replaceAll(".*/environments/", "")
                        + " " + c.sub() + (c.args().contains("-destroy") ? " -destroy" : "")
                        + (c.args().contains(ApplyRun.DECOMMISSION) ? " decommission" : ""))
                .toList();
        assertEquals(
                List.of(
                        "dev2/cluster-addons plan -destroy",
                        "dev2/cluster-addons apply",
                        "dev2 plan decommission",
                        "dev2 apply",
                        "dev2 plan -destroy decommission",
                        "dev2 apply"),
                order);
        assertFalse(Files.exists(ws.root().resolve("terraform/environments/dev2")));
        assertFalse(Files.exists(ws.root().resolve("overlays/dev2")));
        assertFalse(Files.exists(ws.root().resolve(Decommissioning.marker("dev2"))));
        assertTrue(Files.exists(ws.root().resolve("terraform/environments/tst2/main.tf")));
        try (Git git = Git.open(ws.root().toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertTrue(head.getFullMessage().startsWith("envforge: remove dev2"), head.getFullMessage());
            assertTrue(git.status().call().isClean());
        }
        JsonNode report =
                new ObjectMapper().readTree(work.resolve("report.json").toFile());
        List<String> steps = new ArrayList<>();
        report.path("environments").path("dev2").fieldNames().forEachRemaining(steps::add);
        assertTrue(
                steps.containsAll(List.of("stage2-destroy", "stage1-unprotect", "stage1-destroy", "files")),
                steps.toString());
    }

    @Test
    void removeKeepsTheFilesWhenTheStateCannotBeRead() throws Exception {
        standIn.env.put("STANDIN_FAIL", "/dev2:show");
        String head = new GitPublisher(ws.root()).head().orElseThrow();
        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> Envforge.standard(ws.root())
                        .remove(new RemoveRequest(
                                ws.root(),
                                "dev2",
                                Optional.of("dev2"),
                                true,
                                new TerraformStateProbe(standIn.runner(), ws.root(), work))));
        assertTrue(
                e.getMessage().startsWith("terraform/environments/dev2/")
                        && e.getMessage().contains("cannot read the Terraform state")
                        && e.getMessage().contains("--no-state-check"),
                e.getMessage());
        assertTrue(Files.exists(ws.root().resolve("terraform/environments/dev2/main.tf")));
        assertEquals(head, new GitPublisher(ws.root()).head().orElseThrow());
    }

    @Test
    void destroyRefusesAnEnvironmentThatWasNotMarked() {
        EnvforgeException e =
                assertThrows(EnvforgeException.class, () -> pipeline().destroy("dev2"));
        assertTrue(e.getMessage().contains("not marked for decommission"), e.getMessage());
        assertTrue(standIn.calls().isEmpty());
    }

    private void assertNoSecret(String text) {
        assertFalse(text.contains(TOKEN), "the Git token was printed");
        assertFalse(text.contains(StandIn.SECRET), "a sensitive value was printed");
    }

    /** Every log of the work folder. */
    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                out.append(Files.readString(p));
            }
        }
        return out.toString();
    }

    /** "dev2/: plan" per terraform call whose root contains {@code filter}, root relative to the environments. */
    private static List<String> labels(List<StandIn.Call> calls, String filter) {
        return calls.stream()
                .filter(c -> (c.cwd() + "/").contains(filter))
                .map(c -> c.cwd().replaceAll(".*/terraform/environments/", "") + "/: " + c.sub())
                .toList();
    }

    private static int indexOf(List<StandIn.Call> calls, java.util.function.Predicate<StandIn.Call> p) {
        for (int i = 0; i < calls.size(); i++) {
            if (p.test(calls.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such call");
    }

    private static List<String> changedIn(Path repo, String rev) {
        return io.envforge.git.ChangedPaths.since(repo, rev + "~1");
    }
}
