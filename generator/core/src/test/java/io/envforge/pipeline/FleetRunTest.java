package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.ProgressListener;
import io.envforge.api.RunOptions;
import io.envforge.api.RunSummary;
import io.envforge.error.EnvforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allocation from pools, incremental runs and progress events, through the whole pipeline on a scratch repo. */
class FleetRunTest {

    @TempDir
    Path dir;

    private static GenerateRequest request(Path ws, String... envs) {
        return GenerateRequest.builder(ws).environments(List.of(envs)).build();
    }

    @Test
    void newEnvironmentsWithoutSubnetTakeTheLowestFreeBlocksAndRecordThem() throws IOException {
        Path ws = Workspaces.create(dir, List.of("dev1=10.20.0.0/20", "a=10.64.0.0/20"));
        GenerateResult result = Envforge.standard(ws).generate(request(ws, "c", "b"));
        assertEquals(List.of("b", "c"), result.environments());
        assertEquals("10.64.16.0/20", Workspaces.cidrOf(ws, "b"));
        assertEquals("10.64.32.0/20", Workspaces.cidrOf(ws, "c"));
        assertTrue(result.commit().isPresent());
        assertTrue(result.write().added().contains("environments/b.yaml"));
        assertEquals(
                List.of("default 10.64.0.0/10 /20: 1024 blocks, 3 used, 1021 free"),
                Pools.usage(ws).stream().map(u -> u.render()).toList());
    }

    @Test
    void exhaustedPoolsNameThePlatformFileAndTheCounts() throws IOException {
        Path ws = Workspaces.create(dir, List.of());
        Files.writeString(
                ws.resolve("environments/platform.yaml"),
                Files.readString(ws.resolve("environments/platform.yaml"))
                        .replace("cidr: 10.64.0.0/10", "cidr: 10.64.0.0/19"));
        EnvforgeException e = org.junit.jupiter.api.Assertions.assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws).generate(request(ws, "a", "b", "c")));
        assertEquals(
                "environments/platform.yaml: spec.pools: the pools have only 2 free block(s) and 3 new"
                        + " environment(s) need one each (default 10.64.0.0/19 /20: 2 blocks, 0 used, 2 free); add a pool to"
                        + " spec.pools, remove unused environments, or give a block with -Dsubnet=CIDR",
                e.problems().get(0).render());
    }

    @Test
    void unchangedEnvironmentsAreNotRenderedAgainAndKeepTheirFiles() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge.standard(ws).generate(request(ws, "all"));
        assertTrue(Files.isRegularFile(ws.resolve("clusters/a/envforge/inputs.sha256")));

        GenerateResult again = Envforge.standard(ws).generate(request(ws, "all"));
        assertEquals(List.of(), again.generated());
        assertEquals(List.of("a", "b"), again.unchanged());
        assertTrue(again.commit().isEmpty());
        assertTrue(again.write().removed().isEmpty());
        assertTrue(Files.isRegularFile(ws.resolve("overlays/a/layers/api-gateway.yaml")));

        Workspaces.writeSpec(ws, "b", "azure", "10.64.16.0/20");
        GenerateResult one = Envforge.standard(ws).generate(request(ws, "all"));
        assertEquals(List.of("b"), one.generated());
        assertTrue(
                one.write().changed().stream().allMatch(p -> p.contains("/b/") || p.endsWith("b.yaml")),
                one.write().changed().toString());
        assertTrue(Files.isRegularFile(ws.resolve("overlays/a/layers/api-gateway.yaml")));

        GenerateResult full =
                Envforge.standard(ws).generate(request(ws, "all"), new RunOptions(true, ProgressListener.NONE));
        assertEquals(List.of("a", "b"), full.generated());
        assertTrue(full.commit().isEmpty(), "a full render of unchanged inputs changes no file");
    }

    @Test
    void aChangedPlatformFileOrChartRendersEveryEnvironment() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge.standard(ws).generate(request(ws, "all"));
        Files.writeString(
                ws.resolve("environments/platform.yaml"), "# touched\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(
                List.of("a", "b"),
                Envforge.standard(ws).generate(request(ws, "all")).generated());
        Files.writeString(
                ws.resolve("charts/integration/values.yaml"), "# touched\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(
                List.of("a", "b"),
                Envforge.standard(ws).generate(request(ws, "all")).generated());
        assertEquals(
                List.of(), Envforge.standard(ws).generate(request(ws, "all")).generated());
        Files.writeString(ws.resolve("charts/integration/README.md"), "# not read by helm template\n");
        assertEquals(
                List.of(), Envforge.standard(ws).generate(request(ws, "all")).generated());
    }

    @Test
    void aHandEditedSpecIsCommittedWithWhatWasGeneratedFromIt() throws Exception {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge.standard(ws).generate(request(ws, "all"));
        Workspaces.writeSpec(ws, "b", "azure", "10.64.16.0/20");
        GenerateResult result = Envforge.standard(ws).generate(request(ws, "all"));
        assertEquals(List.of("b"), result.generated());
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(ws.toFile())) {
            assertTrue(git.status().call().isClean(), "the spec went into the commit with its outputs");
            String committed = new String(
                    git.getRepository()
                            .open(git.getRepository().resolve("HEAD:environments/b.yaml"))
                            .getBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(committed.contains("azure"), committed);
        }
        assertTrue(Envforge.standard(ws).generate(request(ws, "all")).commit().isEmpty());
    }

    @Test
    void aHandEditedGeneratedFileMakesItsEnvironmentRenderAgain() throws Exception {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge.standard(ws).generate(request(ws, "all"));
        Path edited = ws.resolve("overlays/b/platform/namespace.yaml");
        String original = Files.readString(edited);
        Files.writeString(edited, original + "# hand edit\n");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(ws.toFile())) {
            git.commit().setAll(true).setMessage("a hand edit").call();
        }
        GenerateResult repaired = Envforge.standard(ws).generate(request(ws, "all"));
        assertEquals(List.of("b"), repaired.generated());
        assertEquals(original, Files.readString(edited));
    }

    @Test
    void progressListenerHearsEveryEnvironmentAndTheSummary() {
        Path ws = Workspaces.create(dir, List.of("perf-1=10.64.0.0/20", "perf-2=10.64.16.0/20", "dev1=10.20.0.0/20"));
        Recorder first = new Recorder();
        Envforge.standard(ws).generate(request(ws, "perf-*"), new RunOptions(false, first));
        Collections.sort(first.events);
        assertEquals(
                List.of(
                        "env perf-1 GENERATED",
                        "env perf-2 GENERATED",
                        "finished 2/0/0",
                        "started 2 2",
                        "step commit",
                        "step write"),
                first.events);

        Recorder second = new Recorder();
        Envforge.standard(ws).generate(request(ws, "all"), new RunOptions(false, second));
        Collections.sort(second.events);
        assertEquals(
                List.of(
                        "env dev1 GENERATED",
                        "env perf-1 UNCHANGED",
                        "env perf-2 UNCHANGED",
                        "finished 1/2/0",
                        "started 3 1",
                        "step commit",
                        "step write"),
                second.events);
    }

    @Test
    void aFailingEnvironmentIsReportedAsFailedInTheSummary() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.0.0.0/20"));
        Recorder recorder = new Recorder();
        EnvforgeException e = org.junit.jupiter.api.Assertions.assertThrows(
                EnvforgeException.class,
                () -> Envforge.standard(ws).generate(request(ws, "all"), new RunOptions(false, recorder)));
        assertTrue(e.getMessage().contains("overlaps the on-prem network 10.0.0.0/16"), e.getMessage());
        assertTrue(recorder.events.contains("env b FAILED"), recorder.events.toString());
        assertTrue(recorder.events.contains("finished 1/0/1"), recorder.events.toString());
        assertTrue(Files.notExists(ws.resolve("overlays/a")), "nothing is written when one environment fails");
    }

    private static final class Recorder implements ProgressListener {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(int selected, int toRender) {
            events.add("started " + selected + " " + toRender);
        }

        @Override
        public void environment(String name, Outcome outcome) {
            events.add("env " + name + " " + outcome);
        }

        @Override
        public void step(String name) {
            events.add("step " + name);
        }

        @Override
        public void finished(RunSummary summary) {
            events.add("finished " + summary.generated() + "/" + summary.unchanged() + "/" + summary.failed());
        }
    }
}
