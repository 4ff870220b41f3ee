package io.envforge.pipeline;

import io.envforge.api.Decisions;
import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.api.RunOptions;
import io.envforge.emit.TreeWriter;
import io.envforge.emit.WriteResult;
import io.envforge.error.EnvforgeException;
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
import io.envforge.render.helm.HelmRenderer;
import io.envforge.render.kustomize.OverlayRenderer;
import io.envforge.render.onprem.OnPremRenderer;
import io.envforge.render.terraform.TerraformRenderer;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.summary.ChangeSummary;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import io.envforge.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The one place that fixes the order of the phases ({@link Phase}): load → preconditions → unchanged check → resolve
 * → render (each {@link Renderer}, in list order) → fleet → validate → plan → summary → write → commit. Everything
 * before "write" is pure and runs for many environments in parallel; nothing is written unless every environment
 * rendered and validated without error.
 */
public final class Envforge {

    private final List<Renderer> renderers;
    private final List<FleetRenderer> fleetRenderers;
    /** The wall clock in milliseconds, against which a written file's stamp is judged too recent to keep. */
    private final LongSupplier millis;

    /** {@code fleetRenderers} run once per run, after the per-environment renderers, over every environment. */
    public Envforge(List<Renderer> renderers, List<FleetRenderer> fleetRenderers) {
        this(renderers, fleetRenderers, System::currentTimeMillis);
    }

    private Envforge(List<Renderer> renderers, List<FleetRenderer> fleetRenderers, LongSupplier millis) {
        this.renderers = List.copyOf(renderers);
        this.fleetRenderers = List.copyOf(fleetRenderers);
        this.millis = millis;
    }

    /** The same steps with another clock (tests: a run that ends later than it did, past the racy window). */
    Envforge withClock(LongSupplier millis) {
        return new Envforge(renderers, fleetRenderers, millis);
    }

    /** The standard steps for a workspace whose charts live in {@code charts/}. */
    public static Envforge standard(Path workspace) {
        return new Envforge(
                List.of(
                        new HelmRenderer(workspace.resolve("charts"), Caches.helm(workspace)),
                        new OverlayRenderer(),
                        new FluxRenderer(),
                        new ArgoCdRenderer(),
                        new TerraformRenderer(),
                        new OnPremRenderer(),
                        new AnsibleRenderer(),
                        new EnvironmentDocRenderer()),
                List.of(new ArgoCdFleetRenderer()));
    }

    List<Renderer> renderers() {
        return renderers;
    }

    List<FleetRenderer> fleetRenderers() {
        return fleetRenderers;
    }

    /** The names of the phases of a run, in order (see {@link Phase}). */
    public List<String> steps() {
        return Phase.labels();
    }

    /**
     * The render steps, in order, as the inputs digest hashes them (fingerprint schema v1, which the digests committed
     * in every environment's {@code inputs.sha256} were made with): {@code load, resolve}, each renderer's
     * {@link Renderer#fingerprintNames} (the Helm step gives {@code helm-values, helm-template}, the two steps it
     * replaced), the fleet renderers, {@code validate, write, commit}. A renderer added to the list adds its name, so
     * every environment renders once more and gets its files.
     */
    public List<String> renderSteps() {
        List<String> names = new ArrayList<>(List.of("load", "resolve"));
        renderers.forEach(r -> names.addAll(r.fingerprintNames()));
        fleetRenderers.forEach(r -> names.add(r.name()));
        names.addAll(List.of("validate", "write", "commit"));
        return names;
    }

    public GenerateResult generate(GenerateRequest request) {
        return generate(request, RunOptions.DEFAULT);
    }

    /** Generates the selected environments; those whose inputs did not change keep their files unless full. */
    public GenerateResult generate(GenerateRequest request, RunOptions options) {
        PhaseClock clock = new PhaseClock(options.progress());
        renderers.forEach(Renderer::newRun);
        Runnable warmUp = warmUpOnce();
        Inputs inputs = clock.run(Phase.LOAD, () -> Inputs.load(request));
        Report repaired =
                clock.run(Phase.PRECONDITIONS, () -> Preconditions.check(request, inputs.selected(), fleetOwned()));
        Unchanged unchanged =
                clock.run(Phase.UNCHANGED, () -> Unchanged.check(request, options, inputs, renderSteps(), warmUp));
        Rendering run =
                new Rendering(request, inputs, unchanged, clock, new ModelResolver(inputs.platform()), blocks(inputs));
        run.started();
        Map<String, Environment> resolved = clock.run(Phase.RESOLVE, run::resolve);
        Map<String, OutputTree> trees = clock.run(Phase.RENDER, () -> run.render(resolved, renderers));
        run.failIfProblems();
        // The fleet files describe every environment: with a spec skipped they would drop it, so they stay as they are.
        List<FleetRenderer> fleet = inputs.skipped().isEmpty() ? fleetRenderers : List.of();
        OutputTree fleetFiles =
                clock.run(Phase.FLEET, () -> Fleet.render(fleet, run.resolver(), inputs.allSpecs(), run.blocks()));
        Validator validator =
                new Validator(request.schemas(), request.allowUnvalidated(), Caches.schema(request.outputDirectory()));
        Report report = clock.run(
                Phase.VALIDATE,
                () -> distinct(repaired.plus(skippedWarnings(inputs))
                        .plus(run.validate(trees, validator))
                        .plus(validator.validate(fleetFiles))
                        .plus(new Report(Capacity.warnings(
                                inputs.platform(), inputs.allSpecs().values())))));
        run.failIfInvalid(report);
        OutputTree tree = run.merged(trees).plus(fleetFiles).plus(ShippedModules.of(request));
        List<String> owned = run.owned(Fleet.owned(fleet));
        owned.addAll(ShippedModules.owned(request));
        TreeWriter writer = Writers.of(request.outputDirectory());
        WriteResult plan = clock.run(Phase.PLAN, () -> writer.plan(tree, owned));
        ChangeSummary summary = clock.run(Phase.SUMMARY, () -> Changes.of(writer, tree, plan));
        tree.releaseDocuments(); // write and commit need the texts only
        Decisions decisions = DecisionLines.of(
                request, inputs, run.resolver(), run.blocks(), unchanged.toRender(), unchanged.same(), report, plan);
        Optional<String> commit = Optional.empty();
        if (!request.dryRun()) {
            Map<String, byte[]> bytes = TreeWriter.bytes(tree, plan);
            GitPublisher git = new GitPublisher(request.outputDirectory());
            List<String> committed = request.commit() ? run.committed(tree) : List.of();
            // the commit hashes and packs the new files' blobs from memory while they are written
            try (GitPublisher.Ahead ahead =
                    request.commit() ? git.packAhead(committed.size(), bytes) : GitPublisher.Ahead.NONE) {
                clock.run(Phase.WRITE, () -> writer.write(bytes, plan, owned, List.of()));
                if (request.commit()) {
                    commit = clock.run(
                            Phase.COMMIT,
                            () -> git.commit(
                                    committed,
                                    plan.removed(),
                                    owned,
                                    CommitMessage.of(
                                            inputs, unchanged.toRender(), unchanged.same(), decisions, summary),
                                    ahead,
                                    writer::asWritten));
                    CommittedStamp.save(request.outputDirectory(), inputs.selected());
                }
            }
            clock.run(
                    Phase.STAMPS,
                    () -> unchanged.recordWritten(
                            request.outputDirectory(), tree, writer.verified(), millis.getAsLong()));
        }
        run.finished();
        return new GenerateResult(
                inputs.selected(), report, plan, commit, clock.millis(), summary, unchanged.same(), decisions);
    }

    /**
     * Removes one environment's files and spec and regenerates the fleet files without it; unconfirmed, only lists
     * them. Never part of {@link #generate}: a generation only ever removes stale files inside the selected
     * environments' own folders.
     */
    public RemoveResult remove(RemoveRequest request) {
        return Decommission.run(request, fleetRenderers);
    }

    /** A warning per skipped spec, naming its first problem, and one for the fleet files left as they are. */
    private Report skippedWarnings(Inputs inputs) {
        List<Finding> out = new ArrayList<>();
        inputs.skipped()
                .forEach((name, problems) -> out.add(Finding.warning(
                        Layout.spec(name),
                        "",
                        "environment " + name + " skipped: its spec is invalid ("
                                + problems.get(0).render() + "); fix it: -Denv=all fails until then")));
        if (!inputs.skipped().isEmpty() && !fleetRenderers.isEmpty()) {
            out.add(Finding.warning(
                    String.join(", ", Fleet.owned(fleetRenderers)),
                    "",
                    "fleet files not"
                            + " regenerated while a spec is skipped (they would leave that environment out)"));
        }
        return new Report(out);
    }

    /**
     * Lets the renderers load what they need (Helm's native library, Jinjava) on a background thread, started once the
     * unchanged check finds the first environment to render: a run that renders nothing never loads them
     * (docs/benchmark.md, "JVM start and lazy loading"). A failure shows again when rendering.
     */
    private Runnable warmUpOnce() {
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (started.compareAndSet(false, true)) {
                warmUp();
            }
        };
    }

    private void warmUp() {
        Thread thread = new Thread(
                () -> {
                    renderers.forEach(r -> {
                        try {
                            r.warmUp();
                        } catch (RuntimeException | LinkageError e) {
                            // the same call fails again, with its message, in render
                        }
                    });
                    io.envforge.cache.Digests.warmUp(); // native SHA-256 for the validation cache's keys
                },
                "envforge-warm-up");
        thread.setDaemon(true);
        thread.start();
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

    private static Report distinct(Report report) {
        return new Report(List.copyOf(new LinkedHashSet<>(report.findings())));
    }

    private List<String> fleetOwned() {
        return Fleet.owned(fleetRenderers);
    }
}
