package io.envforge.pipeline;

import io.envforge.emit.TreeWriter;
import io.envforge.emit.WriteResult;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.git.GitPublisher;
import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.FleetRenderer;
import io.envforge.render.Renderer;
import io.envforge.render.ansible.AnsibleRenderer;
import io.envforge.render.argocd.ArgoCdFleetRenderer;
import io.envforge.render.argocd.ArgoCdRenderer;
import io.envforge.render.docs.EnvironmentDocRenderer;
import io.envforge.render.flux.FluxRenderer;
import io.envforge.render.helm.ChartRenderer;
import io.envforge.render.helm.HelmValuesRenderer;
import io.envforge.render.kustomize.OverlayRenderer;
import io.envforge.render.terraform.TerraformRenderer;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import io.envforge.summary.ChangeSummary;
import io.envforge.validate.Report;
import io.envforge.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The one place that fixes the order of the steps: load → resolve → render (each {@link Renderer}, in list order) →
 * validate → write → commit. Everything before "write" is pure and runs for many environments in parallel; nothing is
 * written unless every environment rendered and validated without error.
 */
public final class Envforge {

    private final List<Renderer> renderers;
    private final List<FleetRenderer> fleetRenderers;
    private final Map<String, LongAdder> timings = new ConcurrentHashMap<>();

    public Envforge(List<Renderer> renderers) {
        this(renderers, List.of());
    }

    /** {@code fleetRenderers} run once per run, after the per-environment renderers, over every environment. */
    public Envforge(List<Renderer> renderers, List<FleetRenderer> fleetRenderers) {
        this.renderers = List.copyOf(renderers);
        this.fleetRenderers = List.copyOf(fleetRenderers);
    }

    /** The standard steps for a workspace whose charts live in {@code charts/}. */
    public static Envforge standard(Path workspace) {
        return new Envforge(List.of(
                new HelmValuesRenderer(),
                new ChartRenderer(workspace.resolve("charts")),
                new OverlayRenderer(),
                new FluxRenderer(),
                new ArgoCdRenderer(),
                new TerraformRenderer(),
                new AnsibleRenderer(),
                new EnvironmentDocRenderer()), List.of(new ArgoCdFleetRenderer()));
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
        Inputs inputs = time("load", () -> Inputs.load(request));
        ModelResolver resolver = new ModelResolver(inputs.platform());
        Map<String, Cidr> blocks = time("load", () -> blocks(inputs, resolver));
        OutputTree rendered = renderAll(inputs, resolver, blocks);
        OutputTree tree = time("fleet", () -> Fleet.render(fleetRenderers, resolver, inputs.allSpecs(), blocks,
                rendered));
        Report report = time("validate", () -> new Validator(request.schemas()).validate(tree));
        if (report.hasErrors()) {
            throw new ValidationFailedException(report);
        }
        List<String> owned = new ArrayList<>(Fleet.owned(fleetRenderers));
        inputs.selected().forEach(e -> owned.addAll(Layout.owned(e)));
        TreeWriter writer = new TreeWriter(request.outputDirectory());
        WriteResult plan = writer.plan(tree, owned);
        ChangeSummary summary = Changes.of(writer, tree, plan);
        if (request.dryRun()) {
            return result(inputs, report, plan, Optional.empty(), summary);
        }
        WriteResult written = time("write", () -> writer.write(tree, owned));
        Optional<String> commit = Optional.empty();
        if (request.commit()) {
            List<String> paths = new ArrayList<>(written.added());
            paths.addAll(written.changed());
            commit = time("commit", () -> new GitPublisher(request.outputDirectory())
                    .commit(paths, written.removed(), CommitMessage.of(inputs.selected(), written, summary)));
        }
        return result(inputs, report, written, commit, summary);
    }

    /**
     * Removes one environment's files and spec and regenerates the fleet files without it; unconfirmed, only lists
     * them. Never part of {@link #generate}: a generation only ever removes stale files inside the selected
     * environments' own folders.
     */
    public RemoveResult remove(RemoveRequest request) {
        return Decommission.run(request, fleetRenderers);
    }

    private GenerateResult result(Inputs inputs, Report report, WriteResult write, Optional<String> commit,
            ChangeSummary summary) {
        Map<String, Long> millis = new TreeMap<>();
        timings.forEach((k, v) -> millis.put(k, v.sum() / 1_000_000));
        return new GenerateResult(inputs.selected(), report, write, commit, millis, summary);
    }

    /** Every environment's block, the selected ones as they will be after this run. */
    private static Map<String, Cidr> blocks(Inputs inputs, ModelResolver resolver) {
        Map<String, Cidr> out = new LinkedHashMap<>();
        for (EnvironmentSpec spec : inputs.allSpecs().values()) {
            if (inputs.selected().contains(spec.name())) {
                continue;
            }
            try {
                out.put(spec.name(), Cidr.parse(spec.cidr()));
            } catch (IllegalArgumentException e) {
                throw new EnvforgeException(new Problem(spec.file(), "spec.network.cidr", spec.cidr(), e.getMessage(),
                        "fix that environment's block, for example 10.20.0.0/20"));
            }
        }
        for (String name : inputs.selected()) {
            EnvironmentSpec spec = inputs.allSpecs().get(name);
            try {
                out.put(name, Cidr.parse(spec.cidr()));
            } catch (IllegalArgumentException ignored) {
                // reported with the environment's own resolution
            }
        }
        return out;
    }

    private OutputTree renderAll(Inputs inputs, ModelResolver resolver, Map<String, Cidr> blocks) {
        List<Problem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, OutputTree> trees = new ConcurrentHashMap<>();
        inputs.selected().parallelStream().forEach(name -> {
            try {
                trees.put(name, renderOne(inputs, resolver, blocks, name));
            } catch (EnvforgeException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparing(Problem::render));
            throw new EnvforgeException(sorted);
        }
        OutputTree.Builder all = OutputTree.builder();
        inputs.selected().forEach(name -> all.putAll(trees.get(name)));
        return all.build();
    }

    private OutputTree renderOne(Inputs inputs, ModelResolver resolver, Map<String, Cidr> blocks, String name) {
        EnvironmentSpec spec = inputs.allSpecs().get(name);
        Map<String, Cidr> others = new LinkedHashMap<>(blocks);
        others.remove(name);
        Environment env = time("resolve", () -> resolver.resolve(spec, others));
        OutputTree.Builder out = OutputTree.builder();
        if (inputs.changedSpecs().contains(name)) {
            out.put(spec.file(), new String(spec.content(), StandardCharsets.UTF_8));
        }
        for (Renderer renderer : renderers) {
            time(renderer.name(), () -> {
                renderer.render(env, out);
                return null;
            });
        }
        return out.build();
    }

    private <T> T time(String step, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timings.computeIfAbsent(step, k -> new LongAdder()).add(System.nanoTime() - start);
        }
    }

    /** The parsed inputs of a run. */
    record Inputs(PlatformSpec platform, List<String> selected, Map<String, EnvironmentSpec> allSpecs,
            List<String> changedSpecs) {

        static Inputs load(GenerateRequest request) {
            Path ws = request.workspace();
            PlatformSpec platform = SpecReader.readPlatform(ws);
            List<String> existing = SpecReader.listEnvironments(ws);
            List<String> selected = Selection.resolve(request.environments(), existing);
            if (request.subnet().isPresent() && selected.size() != 1) {
                throw new EnvforgeException(new Problem("-Dsubnet", "", request.subnet().get(),
                        "a subnet goes with exactly one environment, not " + selected.size(),
                        "run once per new environment, or leave -Dsubnet out"));
            }
            Map<String, EnvironmentSpec> specs = new TreeMap<>();
            List<String> changed = new ArrayList<>();
            for (String name : existing) {
                specs.put(name, SpecReader.readEnvironment(ws, name));
            }
            for (String name : selected) {
                EnvironmentSpec current = specs.get(name);
                EnvironmentSpec wanted = wanted(request, platform, name, current);
                if (current == null || !Arrays.equals(current.content(), wanted.content())) {
                    changed.add(name);
                }
                specs.put(name, wanted);
            }
            return new Inputs(platform, selected, specs, changed);
        }

        private static EnvironmentSpec wanted(GenerateRequest request, PlatformSpec platform, String name,
                EnvironmentSpec current) {
            Optional<String> subnet = request.subnet();
            if (current == null) {
                if (subnet.isEmpty()) {
                    throw new EnvforgeException(new Problem(SpecReader.fileOf(name), "", null,
                            "environment " + name + " does not exist yet and no subnet was given",
                            "create it with -Denv=" + name + " -Dsubnet=10.20.0.0/20 (a free private block)"));
                }
                @SuppressWarnings("unchecked")
                String defaultCloud = String.valueOf(((Map<String, Object>) platform.spec().get("defaults"))
                        .get("cloud"));
                String cloud = request.cloud().orElse(defaultCloud);
                if (!cloud.equals("aws") && !cloud.equals("azure")) {
                    throw new EnvforgeException(new Problem("-Dcloud", "", cloud, "unknown cloud",
                            "use aws or azure"));
                }
                return SpecFiles.create(name, cloud, subnet.get());
            }
            return subnet.map(s -> SpecFiles.readdress(current, s, request.force())).orElse(current);
        }
    }
}
