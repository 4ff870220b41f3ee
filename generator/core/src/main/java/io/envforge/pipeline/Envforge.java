package io.envforge.pipeline;

import io.envforge.emit.OutputStamps;
import io.envforge.emit.TreeWriter;
import io.envforge.emit.WriteResult;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.git.GitPublisher;
import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.render.FleetRenderer;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.ansible.AnsibleRenderer;
import io.envforge.render.argocd.ArgoCdFleetRenderer;
import io.envforge.render.argocd.ArgoCdRenderer;
import io.envforge.render.docs.EnvironmentDocRenderer;
import io.envforge.render.flux.FluxRenderer;
import io.envforge.render.helm.ChartRenderer;
import io.envforge.render.helm.HelmValuesRenderer;
import io.envforge.render.kustomize.OverlayRenderer;
import io.envforge.render.onprem.OnPremRenderer;
import io.envforge.render.terraform.TerraformRenderer;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.Ledger;
import io.envforge.spec.SpecReader;
import io.envforge.spec.WorkspacePaths;
import io.envforge.summary.ChangeSummary;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import io.envforge.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that fixes the order of the steps: load → resolve → render (each {@link Renderer}, in list order) →
 * validate → write → commit. Everything before "write" is pure and runs for many environments in parallel; nothing is
 * written unless every environment rendered and validated without error.
 */
public final class Envforge {

    private final List<Renderer> renderers;
    private final List<FleetRenderer> fleetRenderers;

    /** {@code fleetRenderers} run once per run, after the per-environment renderers, over every environment. */
    public Envforge(List<Renderer> renderers, List<FleetRenderer> fleetRenderers) {
        this.renderers = List.copyOf(renderers);
        this.fleetRenderers = List.copyOf(fleetRenderers);
    }

    /** The standard steps for a workspace whose charts live in {@code charts/}. */
    public static Envforge standard(Path workspace) {
        return new Envforge(List.of(
                new HelmValuesRenderer(),
                new ChartRenderer(workspace.resolve("charts"), Caches.helm(workspace)),
                new OverlayRenderer(),
                new FluxRenderer(),
                new ArgoCdRenderer(),
                new TerraformRenderer(),
                new OnPremRenderer(),
                new AnsibleRenderer(),
                new EnvironmentDocRenderer()), List.of(new ArgoCdFleetRenderer()));
    }

    List<Renderer> renderers() {
        return renderers;
    }

    List<FleetRenderer> fleetRenderers() {
        return fleetRenderers;
    }

    /** Names of the render steps, in order. */
    public List<String> steps() {
        List<String> names = new ArrayList<>(List.of("load", "resolve"));
        renderers.forEach(r -> names.add(r.name()));
        fleetRenderers.forEach(r -> names.add(r.name()));
        names.addAll(List.of("validate", "write", "commit"));
        return names;
    }

    public GenerateResult generate(GenerateRequest request) {
        return generate(request, RunOptions.DEFAULT);
    }

    /** Generates the selected environments; those whose inputs did not change keep their files unless full. */
    public GenerateResult generate(GenerateRequest request, RunOptions options) {
        long start = System.nanoTime();
        Timings timings = new Timings();
        ProgressListener progress = options.progress();
        warmUp();
        Inputs inputs = timings.time("phase: load", () -> Inputs.load(request));
        TreeWriter writer = new TreeWriter(request.outputDirectory());
        Fingerprint fingerprint = timings.time("phase: load", () -> new Fingerprint(inputs.platform().content(),
                request.workspace().resolve("charts"), steps()));
        requireNoLinks(request, inputs.selected());
        if (request.commit() && !request.dryRun()) {
            new GitPublisher(request.outputDirectory()).requireNoOperationInProgress();
        }
        Map<String, String> prints = new ConcurrentHashMap<>();
        Set<String> same = ConcurrentHashMap.newKeySet();
        timings.time("phase: unchanged check", () -> {
            OutputStamps stamps = OutputStamps.in(GitPublisher.gitDir(request.outputDirectory()));
            inputs.selected().parallelStream().forEach(name -> {
                String print = fingerprint.inputs(inputs.allSpecs().get(name).content());
                prints.put(name, print);
                if (!options.full() && !inputs.changedSpecs().contains(name)
                        && unchanged(writer, stamps, request.outputDirectory(), name, print)) {
                    same.add(name);
                }
            });
            if (!request.dryRun()) {
                stamps.save();
            }
            return null;
        });
        List<String> toRender = inputs.selected().stream().filter(n -> !same.contains(n)).toList();
        List<String> unchanged = inputs.selected().stream().filter(same::contains).toList();
        progress.started(inputs.selected().size(), toRender.size());
        unchanged.forEach(n -> progress.environment(n, ProgressListener.Outcome.UNCHANGED));
        ModelResolver resolver = new ModelResolver(inputs.platform());
        SortedMap<String, Cidr> blocks = blocks(inputs);
        Validator validator = new Validator(request.schemas(), request.allowUnvalidated(),
                Caches.schema(request.outputDirectory()));
        Rendered rendered = timings.time("phase: render", () -> renderAll(inputs, resolver, blocks, toRender, prints,
                validator, timings, progress));
        if (!rendered.problems().isEmpty()) {
            finished(progress, rendered, unchanged, start);
            throw new EnvforgeException(rendered.problems());
        }
        // The fleet files describe every environment: with a spec skipped they would drop it, so they stay as they are.
        List<FleetRenderer> fleet = inputs.skipped().isEmpty() ? fleetRenderers : List.of();
        OutputTree fleetFiles = timings.time("phase: fleet", () -> Fleet.render(fleet, resolver,
                inputs.allSpecs(), blocks));
        Report all = timings.time("phase: validate fleet", () -> skippedWarnings(inputs).plus(rendered.report())
                .plus(validator.validate(fleetFiles)).plus(new Report(Capacity.warnings(inputs.platform(),
                        inputs.allSpecs().values()))));
        Report report = new Report(List.copyOf(new LinkedHashSet<>(all.findings())));
        OutputTree tree = rendered.tree().plus(fleetFiles).plus(ShippedModules.of(request));
        if (report.hasErrors()) {
            finished(progress, rendered, unchanged, start);
            throw new ValidationFailedException(report);
        }
        List<String> owned = new ArrayList<>(Fleet.owned(fleet));
        toRender.forEach(e -> owned.addAll(Layout.owned(e)));
        owned.addAll(ShippedModules.owned(request));
        WriteResult plan = timings.time("phase: plan", () -> writer.plan(tree, owned));
        ChangeSummary summary = timings.time("phase: summary", () -> Changes.of(writer, tree, plan));
        Decisions decisions = Decisions.of(request, inputs, resolver, blocks, toRender, unchanged, report, plan);
        Optional<String> commit = Optional.empty();
        if (!request.dryRun()) {
            progress.step("write");
            timings.time("phase: write", () -> writer.write(tree, plan, owned));
            if (request.commit()) {
                progress.step("commit");
                List<String> paths = plan.written();
                paths.addAll(renderedSpecs(request, toRender, paths));
                String message = CommitMessage.of(inputs, toRender, unchanged, decisions, summary);
                commit = timings.time("phase: commit", () -> new GitPublisher(request.outputDirectory())
                        .commit(paths, plan.removed(), message));
            }
        }
        finished(progress, rendered, unchanged, start);
        timings.add("phase: total", System.nanoTime() - start);
        return new GenerateResult(inputs.selected(), report, plan, commit, timings.millis(), summary, unchanged,
                decisions);
    }

    /**
     * Removes one environment's files and spec and regenerates the fleet files without it; unconfirmed, only lists
     * them. Never part of {@link #generate}: a generation only ever removes stale files inside the selected
     * environments' own folders.
     */
    public RemoveResult remove(RemoveRequest request) {
        return Decommission.run(request, fleetRenderers);
    }

    private static void finished(ProgressListener progress, Rendered rendered, List<String> unchanged, long start) {
        progress.finished(new RunSummary(rendered.generated(), unchanged.size(), rendered.failed(),
                (System.nanoTime() - start) / 1_000_000));
    }

    /**
     * The specs of the rendered environments, as they are on disk, when specs live in the output repository: their
     * files were made from them, so the commit carries them too, or HEAD's {@code inputs.sha256} would describe a
     * spec that is not in HEAD (a hand edit not yet committed). A spec already in HEAD changes nothing in the commit.
     */
    private static List<String> renderedSpecs(GenerateRequest request, List<String> rendered, List<String> paths) {
        if (!request.outputDirectory().equals(request.workspace())) {
            return List.of();
        }
        Set<String> already = new HashSet<>(paths);
        return rendered.stream().map(Layout::spec)
                .filter(spec -> !already.contains(spec) && Files.isRegularFile(request.workspace().resolve(spec)))
                .toList();
    }

    /** A warning per skipped spec, naming its first problem, and one for the fleet files left as they are. */
    private Report skippedWarnings(Inputs inputs) {
        List<Finding> out = new ArrayList<>();
        inputs.skipped().forEach((name, problems) -> out.add(Finding.warning(Layout.spec(name), "",
                "environment " + name + " skipped: its spec is invalid (" + problems.get(0).render()
                        + "); fix it: -Denv=all fails until then")));
        if (!inputs.skipped().isEmpty() && !fleetRenderers.isEmpty()) {
            out.add(Finding.warning(String.join(", ", Fleet.owned(fleetRenderers)), "", "fleet files not"
                    + " regenerated while a spec is skipped (they would leave that environment out)"));
        }
        return new Report(out);
    }

    /**
     * Before anything is read from or written to the output tree: no folder the run reads or writes may be, or lie
     * under, a symbolic link (see {@link WorkspacePaths}); the files in them are checked as they are walked and read.
     */
    private void requireNoLinks(GenerateRequest request, List<String> selected) {
        WorkspacePaths links = new WorkspacePaths(request.outputDirectory());
        links.requireNoLinks(Fleet.owned(fleetRenderers));
        links.requireNoLinks(SpecReader.DIRECTORY + "/");
        links.requireNoLinks(ShippedModules.owned(request));
        selected.forEach(env -> {
            links.requireNoLinks(Layout.owned(env));
            links.requireNoLinks(Fingerprint.path(env));
            links.requireNoLinks(Layout.spec(env));
        });
    }

    /** Lets the renderers load what they need while inputs are read; a failure shows again when rendering. */
    private void warmUp() {
        Thread thread = new Thread(() -> renderers.forEach(r -> {
            try {
                r.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // the same call fails again, with its message, in render
            }
        }), "envforge-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * True when the recorded inputs digest is {@code inputs} and the files on disk still match their digest: by their
     * stamps if they were verified before and have not been touched since, else by reading them.
     */
    private static boolean unchanged(TreeWriter writer, OutputStamps stamps, Path workspace, String name,
            String inputs) {
        Optional<String> recorded = writer.read(Fingerprint.path(name))
                .flatMap(text -> Fingerprint.recordedOutputs(text, inputs));
        if (recorded.isEmpty()) {
            return false;
        }
        long verified = System.currentTimeMillis();
        SortedMap<String, OutputStamps.Stamp> now = OutputStamps.current(workspace, Layout.owned(name));
        if (stamps.matches(name, recorded.get(), now)) {
            return true;
        }
        String outputs = Fingerprint.outputs(writer.contents(now.keySet()));
        if (!outputs.equals(recorded.get())) {
            return false;
        }
        stamps.record(name, outputs, now, verified);
        return true;
    }

    /**
     * Every environment's block, the selected ones as after this run; sorted (the resolver skips itself). Only a
     * selected environment's block can be malformed here (see {@link Inputs}): it is reported with its resolution.
     */
    private static SortedMap<String, Cidr> blocks(Inputs inputs) {
        SortedMap<String, Cidr> out = new TreeMap<>();
        for (EnvironmentSpec spec : inputs.allSpecs().values()) {
            try {
                out.put(spec.name(), spec.block());
            } catch (EnvforgeException e) {
                // reported with the selected environment's own resolution
            }
        }
        return out;
    }

    /** The merged tree, the merged report, and the problems of environments that could not be rendered. */
    private record Rendered(OutputTree tree, Report report, List<Problem> problems, int generated, int failed) {
    }

    private Rendered renderAll(Inputs inputs, ModelResolver resolver, SortedMap<String, Cidr> blocks,
            List<String> names, Map<String, String> prints, Validator validator, Timings timings,
            ProgressListener progress) {
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        Map<String, OutputTree> trees = new ConcurrentHashMap<>();
        Map<String, Report> reports = new ConcurrentHashMap<>();
        names.parallelStream().forEach(name -> {
            try {
                OutputTree tree = renderOne(inputs, resolver, blocks, name, prints.get(name), timings);
                Report report = timings.time("validate", () -> validator.validate(tree, name));
                trees.put(name, tree);
                reports.put(name, report);
                progress.environment(name, report.hasErrors() ? ProgressListener.Outcome.FAILED
                        : ProgressListener.Outcome.GENERATED);
            } catch (EnvforgeException e) {
                problems.addAll(e.problems());
                progress.environment(name, ProgressListener.Outcome.FAILED);
            }
        });
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::render));
        OutputTree.Builder all = OutputTree.builder();
        Set<Finding> findings = new LinkedHashSet<>();
        int failed = names.size() - trees.size();
        for (String name : names) {
            if (trees.containsKey(name)) {
                all.putAll(trees.get(name));
                findings.addAll(reports.get(name).findings());
                failed += reports.get(name).hasErrors() ? 1 : 0;
            }
        }
        return new Rendered(all.build(), new Report(new ArrayList<>(findings)), sorted, names.size() - failed,
                failed);
    }

    private OutputTree renderOne(Inputs inputs, ModelResolver resolver, SortedMap<String, Cidr> blocks,
            String name, String print, Timings timings) {
        EnvironmentSpec spec = inputs.allSpecs().get(name);
        Environment env = timings.time("resolve", () -> resolver.resolve(spec, blocks));
        OutputTree.Builder out = OutputTree.builder();
        if (inputs.changedSpecs().contains(name)) {
            out.put(spec.file(), new String(spec.content(), StandardCharsets.UTF_8));
        }
        Optional.ofNullable(inputs.ledgerWrites().get(name)).ifPresent(t -> out.put(Ledger.fileOf(name), t));
        for (Renderer renderer : renderers) {
            timings.time(renderer.name(), () -> {
                renderer.render(env, out);
                return null;
            });
        }
        OutputTree built = out.build();
        Map<String, byte[]> owned = new TreeMap<>();
        Layout.owned(name).forEach(folder -> built.under(folder)
                .forEach((path, text) -> owned.put(path, text.getBytes(StandardCharsets.UTF_8))));
        out.put(Fingerprint.path(name), Fingerprint.file(name, print, Fingerprint.outputs(owned)));
        return out.build();
    }
}
