package io.envforge.pipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.pipeline.Envforge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One environment's apply, or its decommission, step by step, each step recorded in the {@link StepReport}.
 *
 * <p>Apply: {@code stage1} (init, plan, apply), {@code stage2} (the same, with the Git token from the secret store),
 * {@code ready} (kubeconfig, the GitOps controller's objects Ready), {@code smoke} (the fixed API addresses answer).
 *
 * <p>Decommission: {@code stage2-destroy}, {@code stage1-unprotect} (an apply with {@code decommission=true}: RDS
 * deletion protection off, the Azure delete lock gone; the final snapshot stays configured), {@code stage1-destroy},
 * then {@code files}: {@code remove}, whose state check now finds nothing, deletes and commits the environment's
 * files.
 */
final class ApplyRun {

    /** The root variable only the decommission sets (generated {@code variables.tf}). */
    static final String DECOMMISSION = "decommission=true";

    private final Terraform terraform;
    private final ControllerReady ready;
    private final PipelineSettings settings;
    private final StepReport report;
    private final ToolRunner runner;
    private final Consumer<String> out;

    ApplyRun(
            Terraform terraform,
            ControllerReady ready,
            PipelineSettings settings,
            StepReport report,
            ToolRunner runner,
            Consumer<String> out) {
        this.terraform = terraform;
        this.ready = ready;
        this.settings = settings;
        this.report = report;
        this.runner = runner;
        this.out = out;
    }

    /** Runs the target's steps under its lock; throws the first failing step. */
    void run(Target t) {
        Path log = settings.workDir().resolve(t.name()).resolve(t.decommissioning() ? "destroy.log" : "apply.log");
        Optional<EnvLock> lock;
        try {
            lock = EnvLock.acquire(settings.workDir().resolve("locks"), t.name(), settings.lockTimeout());
        } catch (IOException e) {
            throw new StepFailedException(t.name(), "lock", "cannot create the lock file: " + e.getMessage(), log);
        }
        if (lock.isEmpty()) {
            throw new StepFailedException(
                    t.name(),
                    "lock",
                    "another apply of " + t.name() + " held its lock for "
                            + settings.lockTimeout().toSeconds() + " s",
                    log);
        }
        try (EnvLock held = lock.get()) {
            if (t.decommissioning()) {
                decommission(t, log);
            } else {
                apply(t, log);
            }
        } catch (IOException e) {
            throw new StepFailedException(t.name(), "lock", "cannot release the lock: " + e.getMessage(), log);
        }
    }

    private void apply(Target t, Path log) {
        String env = t.name();
        step(t, "stage1", log, () -> applyStage(env, Stage.STAGE1, log, false, List.of()));
        if (terraform.exists(env, Stage.STAGE2)) {
            step(t, "stage2", log, () -> applyStage(env, Stage.STAGE2, log, false, List.of()));
        }
        step(t, "ready", log, () -> {
            JsonNode outputs = terraform.outputs(env, Stage.STAGE1, "ready", log);
            String cluster = outputs.path("cluster_name").path("value").asText("");
            if (cluster.isEmpty()) {
                throw new StepFailedException(env, "ready", "stage 1 has no cluster_name output", log);
            }
            return ready.await(t, ready.kubeconfig(t, cluster, log), settings.readyTimeout(), log);
        });
        step(t, "smoke", log, () -> {
            List<String> addresses = new ArrayList<>();
            terraform
                    .outputs(env, Stage.STAGE1, "smoke", log)
                    .path("api_addresses")
                    .path("value")
                    .forEach(a -> addresses.add(a.asText()));
            return String.join("; ", Smoke.check(env, addresses, settings.smokePorts(), settings.smokeTimeout(), log));
        });
    }

    private void decommission(Target t, Path log) {
        String env = t.name();
        step(t, "stage2-destroy", log, () -> destroyStage(env, Stage.STAGE2, log, List.of()));
        step(t, "stage1-unprotect", log, () -> {
            if (!terraform.exists(env, Stage.STAGE1)) {
                return "no stage 1 root";
            }
            terraform.init(env, Stage.STAGE1, "stage1-unprotect", log);
            if (terraform.stateList(env, Stage.STAGE1, "stage1-unprotect", log).isEmpty()) {
                return "nothing to unprotect (empty state)";
            }
            return applyStage(env, Stage.STAGE1, log, false, List.of(DECOMMISSION));
        });
        step(t, "stage1-destroy", log, () -> destroyStage(env, Stage.STAGE1, log, List.of(DECOMMISSION)));
        step(t, "files", log, () -> {
            RemoveResult removed = Envforge.standard(settings.workspace())
                    .remove(new RemoveRequest(
                            settings.workspace(),
                            env,
                            Optional.of(env),
                            true,
                            new TerraformStateProbe(runner, settings.workspace(), settings.workDir())));
            if (!removed.removed()) {
                throw new StepFailedException(env, "files", "the files were not removed: " + removed.live(), log);
            }
            return removed.files().size() + " file(s) removed"
                    + removed.commit().map(c -> ", committed " + c).orElse("");
        });
    }

    private String applyStage(String env, Stage stage, Path log, boolean destroy, List<String> vars) {
        String step = stage == Stage.STAGE1 ? "stage1" : "stage2";
        terraform.init(env, stage, step, log);
        PlanChanges plan = terraform.plan(env, stage, step, log, destroy, vars);
        terraform.apply(env, stage, step, log);
        return "+" + plan.toAdd() + " ~" + plan.toChange() + " -" + plan.toDestroy();
    }

    private String destroyStage(String env, Stage stage, Path log, List<String> vars) {
        if (!terraform.exists(env, stage)) {
            return "no " + stage.label() + " root";
        }
        terraform.init(env, stage, "destroy", log);
        if (terraform.stateList(env, stage, "destroy", log).isEmpty()) {
            return "nothing to destroy (empty state)";
        }
        String done = applyStage(env, stage, log, true, vars);
        List<String> left = terraform.stateList(env, stage, "destroy", log).stream()
                .filter(a -> !a.startsWith("data.") && !a.contains(".data."))
                .toList();
        if (!left.isEmpty()) {
            throw new StepFailedException(
                    env,
                    stage.label() + " destroy",
                    left.size() + " resource(s) left in the" + " state after the destroy: "
                            + String.join(", ", left.stream().limit(5).toList()),
                    log);
        }
        return done;
    }

    private void step(Target t, String step, Path log, Supplier<String> body) {
        if (report.done(t.name(), step)) {
            out.accept("envforge: " + t.name() + ": " + step + " already done for this revision ("
                    + report.detail(t.name(), step).orElse("") + "), skipped");
            return;
        }
        out.accept("envforge: " + t.name() + ": " + step + " ...");
        try {
            String detail = body.get();
            report.record(t.name(), step, true, detail, log);
            out.accept("envforge: " + t.name() + ": " + step + " ok: " + detail);
        } catch (StepFailedException e) {
            report.record(t.name(), step, false, e.getMessage(), log);
            throw e;
        }
    }
}
