package io.envforge.pipeline.deploy;

import java.util.List;
import java.util.Map;

/**
 * The pull request's plan comment (and the drift report) in Markdown: per environment and stage, the resources to add,
 * change and destroy, then each change's address. Built from {@link PlanChanges} alone, which holds no attribute
 * value: secrets cannot reach it.
 */
final class PlanComment {

    /** Addresses listed per stage; the rest is counted. */
    static final int MAX_LISTED = 200;

    private PlanComment() {}

    static String plan(List<Target> targets, Map<String, List<StagePlan>> plans, List<String> changedPaths) {
        StringBuilder out = new StringBuilder("## envforge plan\n\n");
        if (targets.isEmpty()) {
            return out.append("The change touches no environment's Terraform (")
                    .append(changedPaths.size())
                    .append(" path(s) changed): nothing to plan.\n")
                    .toString();
        }
        out.append("The change touches ")
                .append(targets.size())
                .append(" environment(s): ")
                .append(String.join(", ", targets.stream().map(Target::name).toList()))
                .append(". On merge the pipeline applies stage 1, then stage 2, waits for the GitOps controller and"
                        + " checks the API addresses. Values are never shown (only addresses and actions), so no"
                        + " secret is in this comment.\n");
        for (Target t : targets) {
            out.append("\n### ")
                    .append(t.name())
                    .append(" (")
                    .append(t.cloud())
                    .append(", ")
                    .append(t.controller())
                    .append(")");
            if (t.decommissioning()) {
                out.append(": **decommission**. On merge: stage 2 destroyed, the database's deletion protection"
                        + " lifted (final snapshot kept), stage 1 destroyed, then the environment's files removed");
            }
            out.append("\n\n");
            table(out, t.name(), plans.get(t.name()));
        }
        return out.toString();
    }

    static String drift(List<Target> targets, Map<String, List<StagePlan>> plans) {
        StringBuilder out = new StringBuilder("## envforge drift\n\n");
        List<String> drifted = targets.stream()
                .map(Target::name)
                .filter(n -> plans.get(n).stream()
                        .anyMatch(p -> p.changes().map(c -> !c.isEmpty()).orElse(false)))
                .toList();
        out.append(
                        drifted.isEmpty()
                                ? "No environment differs from Git"
                                : "Differ from Git: " + String.join(", ", drifted))
                .append(" (")
                .append(targets.size())
                .append(" environment(s) planned).\n");
        for (Target t : targets) {
            out.append("\n### ").append(t.name()).append("\n\n");
            table(out, t.name(), plans.get(t.name()));
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String env, List<StagePlan> plans) {
        out.append("| stage | root | add | change | destroy |\n|---|---|---|---|---|\n");
        for (StagePlan p : plans) {
            out.append("| ")
                    .append(p.stage().label())
                    .append(" | `")
                    .append(p.stage().root(env))
                    .append("` | ");
            if (p.changes().isPresent()) {
                PlanChanges c = p.changes().get();
                out.append(c.toAdd())
                        .append(" | ")
                        .append(c.toChange())
                        .append(" | ")
                        .append(c.toDestroy())
                        .append(" |\n");
            } else {
                out.append(p.failed() ? "**failed**: " : "").append(p.note()).append(" | | |\n");
            }
        }
        for (StagePlan p : plans) {
            if (p.changes().isEmpty() || p.changes().get().isEmpty()) {
                continue;
            }
            List<PlanChanges.Change> changes = p.changes().get().changes();
            out.append("\n<details><summary>")
                    .append(p.stage().label())
                    .append(": ")
                    .append(changes.size())
                    .append(" change(s)</summary>\n\n```diff\n");
            changes.stream()
                    .limit(MAX_LISTED)
                    .forEach(c -> out.append(prefix(c.action()))
                            .append(' ')
                            .append(c.address())
                            .append('\n'));
            if (changes.size() > MAX_LISTED) {
                out.append("# … and ").append(changes.size() - MAX_LISTED).append(" more\n");
            }
            out.append("```\n\n</details>\n");
        }
    }

    /** A diff-coloured prefix: {@code +} create, {@code !} update, {@code -} delete and replace (-/+). */
    private static String prefix(PlanChanges.Action action) {
        return switch (action) {
            case CREATE -> "+";
            case UPDATE -> "! ~";
            case REPLACE -> "- -/+";
            case DELETE -> "-";
        };
    }
}
