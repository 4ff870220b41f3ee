package io.envforge.api;

import io.envforge.summary.ChangeSummary;
import io.envforge.summary.SummaryMarkdown;
import java.util.List;
import java.util.Optional;

/**
 * What a removal deletes (or would, unconfirmed).
 *
 * @param environment the environment
 * @param files every file of the environment: manifests, controller objects, Terraform root, inventory, the spec
 * @param fleetFiles fleet-level files rewritten or deleted because the environment is gone
 * @param summary the objects that disappear
 * @param removed true when the files were deleted; false when the removal was only listed
 * @param commit the new commit's id, if one was made
 */
public record RemoveResult(String environment, List<String> files, List<String> fleetFiles, ChangeSummary summary,
        boolean removed, Optional<String> commit) {

    public RemoveResult {
        files = List.copyOf(files);
        fleetFiles = List.copyOf(fleetFiles);
    }

    /** The listing a front-end prints, before or after the deletion. */
    public String listing() {
        StringBuilder out = new StringBuilder(removed ? "Removed" : "Would remove").append(" environment ")
                .append(environment).append(": ").append(files.size()).append(" file(s)\n");
        files.forEach(f -> out.append("  - ").append(f).append('\n'));
        if (!fleetFiles.isEmpty()) {
            out.append("Fleet files updated: ").append(String.join(", ", fleetFiles)).append('\n');
        }
        return out.append('\n').append(SummaryMarkdown.render(summary)).toString();
    }
}
