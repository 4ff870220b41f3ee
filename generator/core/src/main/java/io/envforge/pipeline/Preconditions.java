package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.emit.TreeWriter;
import io.envforge.git.GitPublisher;
import io.envforge.render.Layout;
import io.envforge.spec.SpecReader;
import io.envforge.spec.WorkspacePaths;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run checks before it renders, so that a run that cannot finish fails before it changes anything: no folder
 * it reads or writes is or lies under a symbolic link, and, when it commits, the output is a Git repository that is
 * not in the middle of an operation and holds no lock of another process. It also repairs what a killed run left:
 * a write it committed to is completed ({@link TreeWriter#recover}), and Git locks it held are removed; each repair
 * is a warning in the run's report.
 */
final class Preconditions {

    private Preconditions() {}

    static Report check(GenerateRequest request, List<String> selected, List<String> fleetOwned) {
        requireNoLinks(request, selected, fleetOwned);
        return repair(request.outputDirectory(), request.commit() && !request.dryRun());
    }

    /** Completes an interrupted write and, when committing, checks the repository and clears envforge's stale locks. */
    static Report repair(Path out, boolean commits) {
        List<Finding> notes = new ArrayList<>();
        GitPublisher git = new GitPublisher(out);
        if (commits) {
            git.requireNoOperationInProgress();
            git.clearStaleLocks().forEach(line -> notes.add(Finding.warning(".git", "", line)));
        }
        int completed = Writers.of(out).recover();
        if (completed > 0) {
            notes.add(Finding.warning(
                    ".",
                    "",
                    "completed the write of an interrupted run (" + completed + " change(s)) before reading the tree"));
        }
        return new Report(notes);
    }

    /**
     * No folder the run reads or writes may be, or lie under, a symbolic link (see {@link WorkspacePaths}); the files
     * in them are checked as they are walked and read.
     */
    private static void requireNoLinks(GenerateRequest request, List<String> selected, List<String> fleetOwned) {
        WorkspacePaths links = new WorkspacePaths(request.outputDirectory());
        links.requireNoLinks(fleetOwned);
        links.requireNoLinks(SpecReader.DIRECTORY + "/");
        links.requireNoLinks(ShippedModules.owned(request));
        selected.forEach(env -> {
            links.requireNoLinks(Layout.owned(env));
            links.requireNoLinks(Fingerprint.path(env));
            links.requireNoLinks(Layout.spec(env));
        });
    }
}
