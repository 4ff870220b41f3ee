package io.envforge.pipeline;

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
import io.envforge.summary.ChangeSummary;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.SortedMap;

/**
 * Removes one environment on purpose: every file in its owned folders, its spec and its address reservation, and the
 * fleet files regenerated without it. An environment that only has a reservation (its pull request was closed
 * unmerged) can be removed too, which releases the block. Unconfirmed, it only lists what would go and changes
 * nothing. A live environment (its Terraform state still holds resources, asked through the request's
 * {@link StateProbe}) keeps its files: it is marked for decommission instead ({@link Decommissioning}), and once
 * marked it is refused until the pipeline destroyed it.
 */
final class Decommission {

    private Decommission() {
    }

    static RemoveResult run(RemoveRequest request, List<FleetRenderer> fleet) {
        var ws = request.workspace();
        String env = request.environment();
        List<String> existing = SpecReader.listEnvironments(ws);
        boolean reserved = Ledger.read(ws).containsKey(env);
        if (!existing.contains(env) && !reserved) {
            throw new EnvforgeException(new Problem(Layout.spec(env), "", env, "no such environment to remove",
                    "name one of: " + String.join(", ", existing)));
        }
        TreeWriter writer = new TreeWriter(ws);
        List<String> files = new ArrayList<>(writer.plan(OutputTree.builder().build(), Layout.owned(env)).removed());
        if (existing.contains(env)) {
            files.add(Layout.spec(env));
        }
        String marker = Decommissioning.marker(env);
        if (Files.exists(ws.resolve(marker))) {
            files.add(marker);
        }
        if (reserved) {
            // its block goes back to the pools when this commit reaches the target branch
            files.add(Ledger.fileOf(env));
        }
        OutputTree fleetTree = fleetWithout(ws, env, existing, fleet);
        List<String> fleetOwned = Fleet.owned(fleet);
        WriteResult fleetPlan = writer.plan(fleetTree, fleetOwned);
        List<String> gone = new ArrayList<>(files);
        gone.addAll(fleetPlan.removed());
        ChangeSummary summary = Changes.of(writer, fleetTree,
                new WriteResult(fleetPlan.added(), fleetPlan.changed(), gone, List.of()));
        Map<String, String> after = new TreeMap<>();
        fleetPlan.written().forEach(p -> after.put(p, fleetTree.get(p)));
        List<String> fleetFiles = new ArrayList<>(after.keySet());
        fleetFiles.addAll(fleetPlan.removed());
        if (!request.confirmed()) {
            return new RemoveResult(env, files, fleetFiles, summary, false, Optional.empty(), new TreeMap<>());
        }
        SortedMap<String, List<String>> live = request.state().live(env);
        if (!live.isEmpty()) {
            return mark(request, live, files, fleetFiles, summary);
        }
        writer.write(fleetTree, fleetPlan, fleetOwned);
        writer.delete(files);
        Optional<String> commit = Optional.empty();
        if (request.commit()) {
            commit = new GitPublisher(ws).commit(after.keySet(), gone, "envforge: remove " + env + "\n\n"
                    + files.size() + " file(s) of environment " + env + " removed.\n\n"
                    + io.envforge.summary.SummaryMarkdown.render(summary));
        }
        return new RemoveResult(env, files, fleetFiles, summary, true, commit, new TreeMap<>());
    }

    /** Commits the decommission marker for a live environment; refuses when it was marked already. */
    private static RemoveResult mark(RemoveRequest request, SortedMap<String, List<String>> live, List<String> files,
            List<String> fleetFiles, ChangeSummary summary) {
        String env = request.environment();
        String marker = Decommissioning.marker(env);
        SortedMap<String, Integer> counts = new TreeMap<>();
        live.forEach((root, resources) -> counts.put(root, resources.size()));
        if (Files.exists(request.workspace().resolve(marker))) {
            String first = live.firstKey();
            throw new EnvforgeException(new Problem(first, "", String.join(", ", live.get(first).stream().limit(3)
                    .toList()), "environment " + env + " is marked for decommission (" + marker + ") but its state"
                    + " still holds " + live.get(first).size() + " resource(s): the pipeline's destroy has not run"
                    + " or failed; its files are kept", "merge the decommission so the pipeline destroys it, or run"
                    + " envforge pipeline destroy " + env + " and read its log, then remove again"));
        }
        TreeWriter writer = new TreeWriter(request.workspace());
        OutputTree tree = OutputTree.builder().put(marker, Decommissioning.markerText(env)).build();
        WriteResult plan = writer.plan(tree, List.of(marker));
        writer.write(tree, plan, List.of(marker));
        Optional<String> commit = Optional.empty();
        if (request.commit()) {
            StringBuilder body = new StringBuilder();
            counts.forEach((root, n) -> body.append(root).append(": ").append(n).append(" resource(s)\n"));
            commit = new GitPublisher(request.workspace()).commit(List.of(marker), List.of(), "envforge: decommission "
                    + env + "\n\nThe environment is live; merging this makes the pipeline destroy it (stage 2, then"
                    + " stage 1,\nthe database's final snapshot kept) and then remove its files.\n\n" + body);
        }
        return new RemoveResult(env, files, fleetFiles, summary, false, commit, counts);
    }

    private static OutputTree fleetWithout(java.nio.file.Path ws, String env, List<String> existing,
            List<FleetRenderer> fleet) {
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
