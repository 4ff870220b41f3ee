package io.envforge.api;

import io.envforge.summary.ChangeSummary;
import io.envforge.summary.SummaryMarkdown;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a removal deletes (or would, unconfirmed), or, for a live environment, that it was marked for decommission.
 *
 * @param environment the environment
 * @param files every file of the environment: manifests, controller objects, Terraform root, inventory, the spec
 * @param fleetFiles fleet-level files rewritten or deleted because the environment is gone
 * @param summary the objects that disappear
 * @param removed true when the files were deleted; false when the removal was only listed or the environment marked
 * @param commit the new commit's id, if one was made
 * @param live per Terraform root that still holds resources, their count: when not empty, the files were kept and
 *     the environment marked for decommission (the decommission marker)
 */
public record RemoveResult(
        String environment,
        List<String> files,
        List<String> fleetFiles,
        ChangeSummary summary,
        boolean removed,
        Optional<String> commit,
        SortedMap<String, Integer> live) {

    public RemoveResult {
        files = List.copyOf(files);
        fleetFiles = List.copyOf(fleetFiles);
        live = new TreeMap<>(live);
    }

    /** True when the environment was live and is now marked for decommission by the pipeline. */
    public boolean marked() {
        return !live.isEmpty();
    }

    /** The listing a front-end prints, before or after the deletion. */
    public String listing() {
        StringBuilder out = new StringBuilder();
        if (marked()) {
            out.append("Environment ").append(environment).append(" is live: ");
            live.forEach(
                    (root, n) -> out.append(root).append(" holds ").append(n).append(" resource(s); "));
            out.append("its files are kept.\nMarked for decommission: ")
                    .append(io.envforge.render.Layout.decommissionMarker(environment))
                    .append(". Review the destroy plan the pipeline posts on the pull request; on merge it destroys"
                            + " stage 2, then stage 1 (database final snapshot kept), then removes these files:\n");
        } else {
            out.append(removed ? "Removed" : "Would remove")
                    .append(" environment ")
                    .append(environment)
                    .append(": ")
                    .append(files.size())
                    .append(" file(s)\n");
        }
        files.forEach(f -> out.append("  - ").append(f).append('\n'));
        if (!fleetFiles.isEmpty()) {
            out.append("Fleet files updated: ")
                    .append(String.join(", ", fleetFiles))
                    .append('\n');
        }
        return out.append('\n').append(SummaryMarkdown.render(summary)).toString();
    }
}
