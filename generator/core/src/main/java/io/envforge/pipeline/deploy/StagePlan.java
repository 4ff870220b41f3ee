package io.envforge.pipeline.deploy;

import java.util.Optional;

/**
 * One root's plan in the pull-request comment or the drift report: its changes, or why it was not planned.
 *
 * @param stage the root
 * @param changes the plan's changes, empty when not planned
 * @param note why it was not planned (stage 2 before stage 1 exists), or a failure
 * @param failed true when planning failed (the note says where the log is)
 */
public record StagePlan(Stage stage, Optional<PlanChanges> changes, String note, boolean failed) {

    static StagePlan planned(Stage stage, PlanChanges changes) {
        return new StagePlan(stage, Optional.of(changes), "", false);
    }

    static StagePlan skipped(Stage stage, String note) {
        return new StagePlan(stage, Optional.empty(), note, false);
    }

    static StagePlan failed(Stage stage, String note) {
        return new StagePlan(stage, Optional.empty(), note, true);
    }
}
