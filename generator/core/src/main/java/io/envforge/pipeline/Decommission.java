package io.envforge.pipeline;

import io.envforge.api.ProgressListener;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.api.ValidationFailedException;
import io.envforge.emit.TreeWriter;
import io.envforge.emit.WriteResult;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.git.GitPublisher;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.render.FleetRenderer;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import io.envforge.spec.WorkspacePaths;
import io.envforge.summary.ChangeSummary;
import io.envforge.summary.SummaryMarkdown;
import io.envforge.validate.Report;
import io.envforge.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Removes one environment on purpose: every file in its owned folders and its spec, and the fleet files regenerated
 * without it. It runs through the phases of a generation (load, preconditions, fleet, validate, plan, summary, write,
 * commit), so the fleet files it rewrites are validated like generated ones. Unconfirmed, it stops after the summary
 * and changes nothing.
 */
final class Decommission {

    private Decommission() {
    }

    static RemoveResult run(RemoveRequest request, List<FleetRenderer> fleet) {
        PhaseClock clock = new PhaseClock(ProgressListener.NONE);
        Path ws = request.workspace();
        String env = request.environment();
        List<String> existing = clock.run(Phase.LOAD, () -> SpecReader.listEnvironments(ws));
        if (!existing.contains(env)) {
            throw new EnvforgeException(new Problem(Layout.spec(env), "", env, "no such environment to remove",
                    "name one of: " + String.join(", ", existing)));
        }
        List<String> fleetOwned = Fleet.owned(fleet);
        clock.run(Phase.PRECONDITIONS, () -> preconditions(request, fleetOwned));
        OutputTree fleetTree = clock.run(Phase.FLEET, () -> fleetWithout(ws, env, existing, fleet));
        Report report = clock.run(Phase.VALIDATE, () -> new Validator(request.schemas()).validate(fleetTree));
        if (report.hasErrors()) {
            throw new ValidationFailedException(report);
        }
        TreeWriter writer = Writers.of(ws);
        List<String> files = clock.run(Phase.PLAN, () -> envFiles(writer, env));
        WriteResult fleetPlan = clock.run(Phase.PLAN, () -> writer.plan(fleetTree, fleetOwned));
        List<String> gone = new ArrayList<>(files);
        gone.addAll(fleetPlan.removed());
        ChangeSummary summary = clock.run(Phase.SUMMARY, () -> Changes.of(writer, fleetTree,
                new WriteResult(fleetPlan.added(), fleetPlan.changed(), gone, List.of())));
        List<String> fleetFiles = new ArrayList<>(fleetPlan.written());
        fleetFiles.sort(null);
        fleetFiles.addAll(fleetPlan.removed());
        if (!request.confirmed()) {
            return new RemoveResult(env, files, fleetFiles, summary, false, Optional.empty());
        }
        clock.run(Phase.WRITE, () -> writer.write(fleetTree, fleetPlan, fleetOwned, files));
        Optional<String> commit = Optional.empty();
        if (request.commit()) {
            List<String> owned = new ArrayList<>(fleetOwned);
            owned.addAll(Layout.owned(env));
            owned.add(Layout.spec(env));
            commit = clock.run(Phase.COMMIT, () -> new GitPublisher(ws).commit(fleetTree.files().keySet(), gone,
                    owned, "envforge: remove " + env + "\n\n" + files.size() + " file(s) of environment " + env
                            + " removed.\n\n" + SummaryMarkdown.render(summary)));
        }
        return new RemoveResult(env, files, fleetFiles, summary, true, commit);
    }

    /** Every file of {@code env}: its owned folders' files, then its spec. */
    private static List<String> envFiles(TreeWriter writer, String env) {
        List<String> files = new ArrayList<>(writer.plan(OutputTree.builder().build(), Layout.owned(env)).removed());
        files.add(Layout.spec(env));
        return files;
    }

    private static void preconditions(RemoveRequest request, List<String> fleetOwned) {
        WorkspacePaths links = new WorkspacePaths(request.workspace());
        links.requireNoLinks(fleetOwned);
        links.requireNoLinks(Layout.owned(request.environment()));
        links.requireNoLinks(Layout.spec(request.environment()));
        if (request.confirmed()) {
            Preconditions.repair(request.workspace(), request.commit());
        }
    }

    private static OutputTree fleetWithout(Path ws, String env, List<String> existing, List<FleetRenderer> fleet) {
        PlatformSpec platform = SpecReader.readPlatform(ws);
        Map<String, EnvironmentSpec> specs = new TreeMap<>();
        SortedMap<String, Cidr> blocks = new TreeMap<>();
        for (String name : existing) {
            if (!name.equals(env)) {
                EnvironmentSpec spec = SpecReader.readEnvironment(ws, name);
                specs.put(name, spec);
                blocks.put(name, spec.block());
            }
        }
        return Fleet.render(fleet, new ModelResolver(platform), specs, blocks);
    }
}
