package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.ProgressListener;
import io.envforge.api.RunOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a run in a child JVM is killed with SIGKILL ({@link Process#destroyForcibly}) at a random moment
 * after it announced its write phase, at least {@value #KILLS} times, each in a fresh copy of a workspace with one
 * environment. After each kill the next run (in this JVM) must leave HEAD holding exactly the files a clean run
 * commits (same paths, same blobs) and {@code git status} clean. The window is measured first with a run that is not
 * killed; the delays are drawn over it, skewed to its start, so the kills spread over the write and the commit. Each
 * run prints where it was killed.
 *
 * <p>Kept fast for CI (a few minutes): the workspace every run copies carries a warm render cache
 * ({@code .git/envforge/cache}, filled by the reference run), so a child spends its time starting the JVM and in the
 * write and commit under test rather than in Helm; the fault being injected is in the write and commit, which a warm
 * cache does not change.
 */
class KilledRunIT {

    static final int KILLS = 30;
    private static final List<String> SPECS = List.of("a=10.64.0.0/20");

    @TempDir
    Path dir;

    /** The child: one run of all environments, announcing each phase that touches disk or Git on stdout. */
    public static void main(String[] args) {
        Path ws = Path.of(args[0]);
        ProgressListener announce = new ProgressListener() {
            @Override
            public void step(String name) {
                System.out.println("STEP " + name);
                System.out.flush();
            }
        };
        Envforge.standard(ws).generate(request(ws), new RunOptions(false, announce));
        System.out.println("DONE");
        System.out.flush();
    }

    private static GenerateRequest request(Path ws) {
        return GenerateRequest.builder(ws).environments(List.of("all")).build();
    }

    @Test
    void everyKilledRunIsRepairedByTheNextRun() throws Exception {
        long started = System.nanoTime();
        Path base = Workspaces.create(dir.resolve("base"), SPECS);
        Path reference = copy(base, "reference");
        Envforge.standard(reference).generate(request(reference));
        String committed = committed(reference);
        InterruptedRunRepairTest.assertClean(reference);
        // every later copy of base starts with the reference run's render cache (Helm output, schema sets)
        Path cache = Path.of(".git", "envforge", "cache");
        if (Files.isDirectory(reference.resolve(cache))) {
            Files.createDirectories(base.resolve(cache).getParent());
            Process cp = new ProcessBuilder(
                            "cp",
                            "-a",
                            reference.resolve(cache).toString(),
                            base.resolve(cache).toString())
                    .inheritIO()
                    .start();
            assertEquals(0, cp.waitFor());
        }

        Child calibration = Child.start(copy(base, "calibration"));
        long window = calibration.awaitWrite();
        calibration.process.waitFor(120, TimeUnit.SECONDS);
        window = calibration.doneNanos() - window;
        assertTrue(calibration.done(), "the unkilled run finishes: " + calibration.lines);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Integer> killedIn = new TreeMap<>();
        int kills = 0;
        int attempt = 0;
        for (; kills < KILLS && attempt < 4 * KILLS; attempt++) {
            long runStarted = System.nanoTime();
            Path ws = copy(base, "run" + attempt);
            Child child = Child.start(ws);
            long writeAt = child.awaitWrite();
            long toWrite = writeAt - runStarted;
            // skewed to the start (u^3): the write is short beside the commit, and a loaded machine stretches the
            // calibrated window; kills that come after the run finished are not counted
            double u = random.nextDouble();
            long delay = (long) (u * u * u * window);
            LockSupport.parkNanos(writeAt + delay - System.nanoTime());
            String step = child.lastStep();
            child.process.destroyForcibly();
            child.process.waitFor(60, TimeUnit.SECONDS);
            child.drain();
            if (!child.done()) {
                kills++;
                killedIn.merge(step, 1, Integer::sum);
            }

            long repairStarted = System.nanoTime();
            Envforge.standard(ws).generate(request(ws));
            long repair = System.nanoTime() - repairStarted;

            assertEquals(
                    committed,
                    committed(ws),
                    "HEAD after the repair run (seed " + seed + ", attempt " + attempt + ", killed " + delay / 1000
                            + " us after the write began, in " + step + ")");
            InterruptedRunRepairTest.assertClean(ws);
            InterruptedRunRepairTest.git(ws, "fsck", "--no-dangling");
            System.out.println("KilledRunIT: run " + attempt + ": killed " + delay / 1000 + " us after the write"
                    + " began, in " + step + (child.done() ? " (too late: it had finished)" : "")
                    + "; repaired (child to its"
                    + " write " + toWrite / 1_000_000 + " ms, repair run " + repair / 1_000_000 + " ms, run in all "
                    + (System.nanoTime() - runStarted) / 1_000_000 + " ms)");
        }
        System.out.println("KilledRunIT: " + kills + " kills in " + attempt + " runs (seed " + seed + ", window "
                + window / 1_000_000 + " ms), killed in " + killedIn + ", " + (System.nanoTime() - started) / 1_000_000
                + " ms in all");
        assertTrue(kills >= KILLS, kills + " kills in " + attempt + " runs, by phase " + killedIn);
    }

    /** HEAD's generated files and specs with their blob ids, {@code git ls-tree -r} style. */
    private static String committed(Path ws) throws Exception {
        return InterruptedRunRepairTest.git(
                ws,
                "ls-tree",
                "-r",
                "HEAD",
                "--",
                "overlays",
                "clusters",
                "terraform/environments",
                "ansible/inventories",
                "environments");
    }

    private Path copy(Path base, String name) throws Exception {
        Path to = dir.resolve(name);
        Process cp = new ProcessBuilder("cp", "-a", base.toString(), to.toString())
                .inheritIO()
                .start();
        assertEquals(0, cp.waitFor());
        return to;
    }

    /** A child JVM running {@link #main}, with its stdout read on a thread. */
    private static final class Child {
        final Process process;
        final List<String> lines = new ArrayList<>();
        final BlockingQueue<Long> writeAt = new LinkedBlockingQueue<>();
        volatile String step = "before write";
        volatile long doneAt;
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path ws) throws IOException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // A SIGKILLed JVM never runs deleteOnExit: helm-java's extracted native library (~94 MB in a
            // java.io.tmpdir/helm-java* folder per JVM) would stay behind, 30 per run. Keep it in the workspace's
            // parent folder, which the test deletes.
            Path tmp = Files.createDirectories(ws.getParent().resolve("child-tmp"));
            return new Child(new ProcessBuilder(
                            java,
                            "-Djava.io.tmpdir=" + tmp,
                            "-cp",
                            System.getProperty("java.class.path"),
                            KilledRunIT.class.getName(),
                            ws.toString())
                    .redirectErrorStream(true)
                    .start());
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long now = System.nanoTime();
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("STEP ")) {
                        step = line.substring(5);
                        if (step.equals("write")) {
                            writeAt.add(now);
                        }
                    } else if (line.equals("DONE")) {
                        doneAt = now;
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        /** Waits for the write phase to be announced; its time (System.nanoTime). */
        long awaitWrite() throws InterruptedException {
            Long at = writeAt.poll(180, TimeUnit.SECONDS);
            if (at == null) {
                throw new AssertionError("the child never reached its write phase: " + lines);
            }
            return at;
        }

        String lastStep() {
            return step;
        }

        void drain() throws InterruptedException {
            reader.join(10_000);
        }

        boolean done() throws InterruptedException {
            drain();
            return doneAt != 0;
        }

        long doneNanos() {
            return doneAt;
        }
    }
}
