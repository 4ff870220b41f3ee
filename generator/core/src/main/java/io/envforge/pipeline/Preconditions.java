package io.envforge.pipeline;

import io.envforge.git.GitPublisher;
import io.envforge.render.Layout;
import io.envforge.spec.SpecReader;
import io.envforge.spec.WorkspacePaths;
import java.util.List;

/**
 * What a run checks before it renders, so that a run that cannot finish fails before it changes anything: no folder
 * it reads or writes is or lies under a symbolic link, and, when it commits, the output is a Git repository that is
 * not in the middle of an operation.
 */
final class Preconditions {

    private Preconditions() {
    }

    static void check(GenerateRequest request, List<String> selected, List<String> fleetOwned) {
        requireNoLinks(request, selected, fleetOwned);
        if (request.commit() && !request.dryRun()) {
            new GitPublisher(request.outputDirectory()).requireNoOperationInProgress();
        }
    }

    /**
     * No folder the run reads or writes may be, or lie under, a symbolic link (see {@link WorkspacePaths}); the files
     * in them are checked as they are walked and read.
     */
    private static void requireNoLinks(GenerateRequest request, List<String> selected, List<String> fleetOwned) {
        WorkspacePaths links = new WorkspacePaths(request.outputDirectory());
        links.requireNoLinks(fleetOwned);
        links.requireNoLinks(SpecReader.DIRECTORY + "/");
        selected.forEach(env -> {
            links.requireNoLinks(Layout.owned(env));
            links.requireNoLinks(Fingerprint.path(env));
            links.requireNoLinks(Layout.spec(env));
        });
    }
}
