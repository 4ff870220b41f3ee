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
import io.envforge.spec.Ledger;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import io.envforge.spec.WorkspacePaths;
import io.envforge.summary.ChangeSummary;
import io.envforge.summary.SummaryMarkdown;
import io.envforge.validate.Report;
import io.envforge.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Removes one environment on purpose: every file in its owned folders, its spec and its address reservation, and the
 * fleet files regenerated without it. An environment that only has a reservation (its pull request was closed
 * unmerged) can be removed too, which releases the block. It runs through the phases of a generation (load,
 * preconditions, fleet, validate, plan, summary, write, commit), so the fleet files it rewrites are validated like
 * generated ones. Unconfirmed, it stops after the summary and changes nothing. A live environment (its Terraform
 * state still holds resources, asked through the request's {@link io.envforge.api.StateProbe}) keeps its files: it is
 * marked for decommission instead ({@link Decommissioning}), and once marked it is refused until the pipeline
 * destroyed it.
 */
final class Decommission {

    private Decommission() {}

    static RemoveResult run(RemoveRequest request, List<FleetRenderer> fleet) {
        PhaseClock clock = new PhaseClock(ProgressListener.NONE);
        Path ws = request.workspace();
        String env = request.environment();
        List<String> existing = clock.run(Phase.LOAD, () -> SpecReader.listEnvironments(ws));
        boolean reserved = clock.run(Phase.LOAD, () -> Ledger.read(ws).containsKey(env));
        if (!existing.contains(env) && !reserved) {
            throw new EnvforgeException(new Problem(
                    Layout.spec(env),
                    "",
                    env,
                    "no such environment to remove",
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
        List<String> files = clock.run(Phase.PLAN, () -> envFiles(writer, ws, env, existing.contains(env), reserved));
        WriteResult fleetPlan = clock.run(Phase.PLAN, () -> writer.plan(fleetTree, fleetOwned));
        List<String> gone = new ArrayList<>(files);
        gone.addAll(fleetPlan.removed());
        ChangeSummary summary = clock.run(
                Phase.SUMMARY,
                () -> Changes.of(
                        writer, fleetTree, new WriteResult(fleetPlan.added(), fleetPlan.changed(), gone, List.of())));
        List<String> fleetFiles = new ArrayList<>(fleetPlan.written());
        fleetFiles.sort(null);
        fleetFiles.addAll(fleetPlan.removed());
        if (!request.confirmed()) {
            return new RemoveResult(env, files, fleetFiles, summary, false, Optional.empty(), new TreeMap<>());
        }
        SortedMap<String, List<String>> live = request.state().live(env);
        if (!live.isEmpty()) {
            return mark(request, clock, live, files, fleetFiles, summary);
        }
        clock.run(Phase.WRITE, () -> writer.write(fleetTree, fleetPlan, fleetOwned, files));
        Optional<String> commit = Optional.empty();
        if (request.commit()) {
            List<String> owned = new ArrayList<>(fleetOwned);
            owned.addAll(Layout.owned(env));
            owned.add(Layout.spec(env));
            owned.add(Decommissioning.marker(env));
            owned.add(Ledger.fileOf(env));
            commit = clock.run(
                    Phase.COMMIT,
                    () -> new GitPublisher(ws)
                            .commit(
                                    fleetTree.files().keySet(),
                                    gone,
                                    owned,
                                    "envforge: remove " + env + "\n\n" + files.size() + " file(s) of environment " + env
                                            + " removed.\n\n" + SummaryMarkdown.render(summary)));
        }
        return new RemoveResult(env, files, fleetFiles, summary, true, commit, new TreeMap<>());
    }

    /**
     * Every file of {@code env}: its owned folders' files, then its spec, its decommission marker and its address
     * reservation (its block goes back to the pools when this commit reaches the target branch), those that exist.
     */
    private static List<String> envFiles(TreeWriter writer, Path ws, String env, boolean hasSpec, boolean reserved) {
        List<String> files = new ArrayList<>(
                writer.plan(OutputTree.builder().build(), Layout.owned(env)).removed());
        if (hasSpec) {
            files.add(Layout.spec(env));
        }
        String marker = Decommissioning.marker(env);
        if (Files.exists(ws.resolve(marker))) {
            files.add(marker);
        }
        if (reserved) {
            files.add(Ledger.fileOf(env));
        }
        return files;
    }

    /** Commits the decommission marker for a live environment; refuses when it was marked already. */
    private static RemoveResult mark(
            RemoveRequest request,
            PhaseClock clock,
            SortedMap<String, List<String>> live,
            List<String> files,
            List<String> fleetFiles,
            ChangeSummary summary) {
        String env = request.environment();
        String marker = Decommissioning.marker(env);
        SortedMap<String, Integer> counts = new TreeMap<>();
        live.forEach((root, resources) -> counts.put(root, resources.size()));
        if (Files.exists(request.workspace().resolve(marker))) {
            String first = live.firstKey();
            throw new EnvforgeException(new Problem(
                    first,
                    "",
                    String.join(", ", live.get(first).stream().limit(3).toList()),
                    "environment " + env + " is marked for decommission (" + marker + ") but its state"
                            + " still holds " + live.get(first).size()
                            + " resource(s): the pipeline's destroy has not run"
                            + " or failed; its files are kept",
                    "merge the decommission so the pipeline destroys it, or run" + " envforge pipeline destroy " + env
                            + " and read its log, then remove again"));
        }
        TreeWriter writer = Writers.of(request.workspace());
        OutputTree tree = OutputTree.builder()
                .put(marker, Decommissioning.markerText(env))
                .build();
        WriteResult plan = writer.plan(tree, List.of(marker));
        clock.run(Phase.WRITE, () -> writer.write(tree, plan, List.of(marker)));
        Optional<String> commit = Optional.empty();
        if (request.commit()) {
            StringBuilder body = new StringBuilder();
            counts.forEach((root, n) -> body.append(root).append(": ").append(n).append(" resource(s)\n"));
            commit = clock.run(
                    Phase.COMMIT,
                    () -> new GitPublisher(request.workspace())
                            .commit(
                                    List.of(marker),
                                    List.of(),
                                    List.of(marker),
                                    "envforge: decommission " + env + "\n\nThe environment is live;"
                                            + " merging this makes the pipeline destroy it (stage 2, then stage 1,\nthe database's"
                                            + " final snapshot kept) and then remove its files.\n\n" + body));
        }
        return new RemoveResult(env, files, fleetFiles, summary, false, commit, counts);
    }

    private static void preconditions(RemoveRequest request, List<String> fleetOwned) {
        WorkspacePaths links = new WorkspacePaths(request.workspace());
        links.requireNoLinks(fleetOwned);
        links.requireNoLinks(Layout.owned(request.environment()));
        links.requireNoLinks(Layout.spec(request.environment()));
        links.requireNoLinks(Decommissioning.marker(request.environment()));
        links.requireNoLinks(Ledger.fileOf(request.environment()));
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
