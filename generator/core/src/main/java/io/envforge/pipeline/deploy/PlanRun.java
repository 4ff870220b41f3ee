package io.envforge.pipeline.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code plan} and {@code drift}: Terraform plans of each environment's roots, read only. Plan: stage 1 always; stage
 * 2 only once stage 1 holds resources (its providers need the cluster stage 1 creates); a decommissioning environment
 * gets its destroy plan, stage 2 then stage 1 with {@code decommission=true}. Drift: {@code plan -detailed-exitcode}
 * of every root that was applied.
 */
final class PlanRun {

    static final String STAGE2_LATER = "planned after stage 1 is applied (its providers need the cluster)";

    private final Terraform terraform;
    private final Path workDir;

    PlanRun(Terraform terraform, Path workDir) {
        this.terraform = terraform;
        this.workDir = workDir;
    }

    Map<String, List<StagePlan>> plan(List<Target> targets) {
        Map<String, List<StagePlan>> out = new TreeMap<>();
        for (Target t : targets) {
            Path log = workDir.resolve(t.name()).resolve("plan.log");
            out.put(t.name(), t.decommissioning() ? destroyPlan(t, log) : applyPlan(t, log));
        }
        return out;
    }

    Map<String, List<StagePlan>> drift(List<Target> targets) {
        Map<String, List<StagePlan>> out = new TreeMap<>();
        for (Target t : targets) {
            Path log = workDir.resolve(t.name()).resolve("drift.log");
            List<StagePlan> plans = new ArrayList<>();
            for (Stage stage : Stage.values()) {
                try {
                    if (!terraform.exists(t.name(), stage)) {
                        continue;
                    }
                    terraform.init(t.name(), stage, "drift", log);
                    if (terraform.stateList(t.name(), stage, "drift", log).isEmpty()) {
                        plans.add(StagePlan.skipped(stage, "not applied yet"));
                        continue;
                    }
                    plans.add(StagePlan.planned(stage, terraform.drift(t.name(), stage, "drift", log)));
                } catch (StepFailedException e) {
                    plans.add(StagePlan.failed(stage, "see " + log));
                    break;
                }
            }
            out.put(t.name(), plans);
        }
        return out;
    }

    private List<StagePlan> applyPlan(Target t, Path log) {
        List<StagePlan> plans = new ArrayList<>();
        try {
            terraform.init(t.name(), Stage.STAGE1, "plan", log);
            boolean applied =
                    !terraform.stateList(t.name(), Stage.STAGE1, "plan", log).isEmpty();
            plans.add(StagePlan.planned(
                    Stage.STAGE1, terraform.plan(t.name(), Stage.STAGE1, "plan", log, false, List.of())));
            if (!terraform.exists(t.name(), Stage.STAGE2)) {
                return plans;
            }
            if (!applied) {
                plans.add(StagePlan.skipped(Stage.STAGE2, STAGE2_LATER));
                return plans;
            }
            terraform.init(t.name(), Stage.STAGE2, "plan", log);
            plans.add(StagePlan.planned(
                    Stage.STAGE2, terraform.plan(t.name(), Stage.STAGE2, "plan", log, false, List.of())));
        } catch (StepFailedException e) {
            Stage failed = plans.isEmpty() ? Stage.STAGE1 : Stage.STAGE2;
            plans.add(StagePlan.failed(failed, "terraform failed; log " + log + " in the pipeline's artifacts"));
        }
        return plans;
    }

    private List<StagePlan> destroyPlan(Target t, Path log) {
        List<StagePlan> plans = new ArrayList<>();
        for (Stage stage : List.of(Stage.STAGE2, Stage.STAGE1)) {
            if (!terraform.exists(t.name(), stage)) {
                continue;
            }
            try {
                terraform.init(t.name(), stage, "plan", log);
                if (terraform.stateList(t.name(), stage, "plan", log).isEmpty()) {
                    plans.add(StagePlan.skipped(stage, "nothing to destroy (empty state)"));
                    continue;
                }
                plans.add(StagePlan.planned(
                        stage,
                        terraform.plan(
                                t.name(),
                                stage,
                                "plan",
                                log,
                                true,
                                stage == Stage.STAGE1 ? List.of(ApplyRun.DECOMMISSION) : List.of())));
            } catch (StepFailedException e) {
                plans.add(StagePlan.failed(stage, "terraform failed; log " + log + " in the pipeline's artifacts"));
                break;
            }
        }
        return plans;
    }
}
