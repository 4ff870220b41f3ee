package io.envforge.pipeline.deploy;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.git.ChangedPaths;
import io.envforge.git.GitPublisher;
import io.envforge.pipeline.Decommissioning;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The pipeline behind the button, one command for GitHub Actions and Jenkins alike: {@code plan} on the pull request
 * (exactly the environments its paths touch), {@code apply} on merge (stage 1, stage 2, the controller Ready, the API
 * addresses answering; a decommissioning environment is destroyed instead), {@code drift} on a schedule, and
 * {@code destroy} for one marked environment. Terraform, kubectl and the cloud CLIs run through a {@link ToolRunner}.
 */
public final class DeployPipeline {

    private final ToolRunner runner;
    private final PipelineSettings settings;
    private final Consumer<String> out;
    private final Terraform terraform;

    public DeployPipeline(ToolRunner runner, PipelineSettings settings, Consumer<String> out) {
        this.runner = runner;
        this.settings = settings;
        this.out = out;
        this.terraform = new Terraform(
                runner,
                settings.workspace(),
                settings.workDir(),
                settings.stage2Variables(),
                settings.terraformLockTimeout());
    }

    /**
     * What a command did.
     *
     * @param markdown the comment or report to post ({@code plan}: the PR comment)
     * @param failures the steps that failed, each with its log
     * @param differs {@code drift}: some environment differs from Git; {@code plan}: some plan has changes
     */
    public record Outcome(String markdown, List<StepFailedException> failures, boolean differs) {

        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    /** The environments whose paths changed since the merge base of {@code ref} and HEAD. */
    public List<String> touched(String ref) {
        return Targets.touched(ChangedPaths.since(settings.workspace(), ref), Targets.all(settings.workspace()));
    }

    /** Plans the environments {@code ref..HEAD} touches; the Markdown is the pull request's comment. */
    public Outcome plan(String ref) {
        List<String> changed = ChangedPaths.since(settings.workspace(), ref);
        List<Target> targets =
                Targets.resolve(settings.workspace(), Targets.touched(changed, Targets.all(settings.workspace())));
        out.accept("envforge: plan " + targets.size() + " environment(s): " + names(targets));
        Map<String, List<StagePlan>> plans = new PlanRun(terraform, settings.workDir()).plan(targets);
        return new Outcome(PlanComment.plan(targets, plans, changed), failures(plans, "plan"), changes(plans));
    }

    /** {@code plan -detailed-exitcode} for {@code envs} (all when empty); differs when any root drifted. */
    public Outcome drift(List<String> envs) {
        List<Target> targets =
                Targets.resolve(settings.workspace(), envs.isEmpty() ? Targets.all(settings.workspace()) : envs);
        out.accept("envforge: drift check of " + targets.size() + " environment(s)");
        Map<String, List<StagePlan>> plans = new PlanRun(terraform, settings.workDir()).drift(targets);
        return new Outcome(PlanComment.drift(targets, plans), failures(plans, "drift"), changes(plans));
    }

    /** Applies (or, when marked, decommissions) the environments {@code ref..HEAD} touches. */
    public Outcome apply(String ref) {
        return applyAll(touched(ref));
    }

    /** Destroys one environment marked for decommission, then removes its files (one commit). */
    public Outcome destroy(String env) {
        if (!Files.exists(settings.workspace().resolve(Decommissioning.marker(env)))) {
            throw new EnvforgeException(new Problem(
                    Decommissioning.marker(env),
                    "",
                    env,
                    "environment " + env + " is not marked for decommission, so its destroy plan was never reviewed",
                    "run envforge remove --env " + env + " --confirm " + env + " and merge its pull request (the"
                            + " pipeline then destroys it)"));
        }
        return applyAll(List.of(env));
    }

    /** Applies {@code envs}, at most {@code parallelism} at once; after a failure no further environment starts. */
    public Outcome applyAll(List<String> envs) {
        List<Target> targets = Targets.resolve(settings.workspace(), envs);
        String revision = new GitPublisher(settings.workspace()).head().orElse("none");
        StepReport report =
                StepReport.open(settings.workDir().resolve("report.json"), "apply", revision, settings.resume());
        ApplyRun run = new ApplyRun(
                terraform,
                new ControllerReady(runner, settings.workspace(), settings.workDir(), settings.environment()),
                settings,
                report,
                runner,
                out);
        out.accept("envforge: apply " + targets.size() + " environment(s) at revision " + revision + ": "
                + names(targets));
        List<StepFailedException> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism());
        for (Target t : targets) {
            pool.submit(() -> {
                if (stop.get()) {
                    out.accept("envforge: " + t.name() + ": not started, an earlier environment failed");
                    return;
                }
                try {
                    run.run(t);
                } catch (StepFailedException e) {
                    stop.set(true);
                    failures.add(e);
                } catch (RuntimeException e) {
                    stop.set(true);
                    failures.add(new StepFailedException(
                            t.name(),
                            "pipeline",
                            e.getMessage(),
                            settings.workDir().resolve(t.name()).resolve("apply.log")));
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(7, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String md = "## envforge apply\n\nRevision " + revision + ", " + targets.size() + " environment(s).\n\n"
                + report.markdown();
        return new Outcome(md, failures, false);
    }

    private static boolean changes(Map<String, List<StagePlan>> plans) {
        return plans.values().stream()
                .flatMap(List::stream)
                .anyMatch(p -> p.changes().map(c -> !c.isEmpty()).orElse(false));
    }

    private List<StepFailedException> failures(Map<String, List<StagePlan>> plans, String step) {
        List<StepFailedException> out = new ArrayList<>();
        plans.forEach((env, list) -> list.stream()
                .filter(StagePlan::failed)
                .forEach(p -> out.add(new StepFailedException(
                        env,
                        step,
                        p.stage().label() + " could not be planned",
                        settings.workDir().resolve(env).resolve(step + ".log")))));
        return out;
    }

    private static String names(List<Target> targets) {
        return targets.isEmpty()
                ? "none"
                : String.join(", ", targets.stream().map(Target::name).toList());
    }
}
