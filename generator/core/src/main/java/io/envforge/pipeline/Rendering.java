package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.api.ProgressListener;
import io.envforge.api.ValidationFailedException;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.Ledger;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import io.envforge.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The per-environment phases of one run (resolve, render, validate), each over the environments to render in
 * parallel. An environment that cannot be resolved or rendered is a problem, collected so that every environment's
 * problems are reported together; the run then stops before the fleet phase.
 */
final class Rendering {

    private final GenerateRequest request;
    private final Inputs inputs;
    private final Unchanged unchanged;
    private final PhaseClock clock;
    private final ModelResolver resolver;
    private final SortedMap<String, Cidr> blocks;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    Rendering(
            GenerateRequest request,
            Inputs inputs,
            Unchanged unchanged,
            PhaseClock clock,
            ModelResolver resolver,
            SortedMap<String, Cidr> blocks) {
        this.request = request;
        this.inputs = inputs;
        this.unchanged = unchanged;
        this.clock = clock;
        this.resolver = resolver;
        this.blocks = blocks;
    }

    ModelResolver resolver() {
        return resolver;
    }

    SortedMap<String, Cidr> blocks() {
        return blocks;
    }

    /** Tells the listener how many environments run, and which are unchanged. */
    void started() {
        clock.progress().started(inputs.selected().size(), unchanged.toRender().size());
        unchanged.same().forEach(n -> clock.progress().environment(n, ProgressListener.Outcome.UNCHANGED));
    }

    /** Each environment to render, resolved into the model. */
    Map<String, Environment> resolve() {
        return each(
                unchanged.toRender(),
                name -> clock.timings()
                        .time(
                                "resolve",
                                () -> resolver.resolve(inputs.allSpecs().get(name), blocks)));
    }

    /** Each resolved environment through the renderers, their files merged, with its fingerprint file. */
    Map<String, OutputTree> render(Map<String, Environment> resolved, List<Renderer> renderers) {
        return each(List.copyOf(resolved.keySet()), name -> renderOne(resolved.get(name), renderers));
    }

    /**
     * Stops the run when an environment could not be resolved or rendered: every such problem once (a problem of the
     * tool itself, such as a Helm engine library that cannot load, is the same for every environment), sorted.
     */
    void failIfProblems() {
        if (!problems.isEmpty()) {
            finished();
            List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
            sorted.sort(Comparator.comparing(Problem::render));
            throw new EnvforgeException(sorted);
        }
    }

    /** Each environment's tree validated; the findings merged in selection order, without repeats. */
    Report validate(Map<String, OutputTree> trees, Validator validator) {
        Map<String, Report> reports = new ConcurrentHashMap<>();
        trees.keySet().parallelStream().forEach(name -> {
            Report report = clock.timings().time("validate", () -> validator.validate(trees.get(name), name));
            reports.put(name, report);
            if (report.hasErrors()) {
                failed.add(name);
            }
            clock.progress()
                    .environment(
                            name,
                            report.hasErrors() ? ProgressListener.Outcome.FAILED : ProgressListener.Outcome.GENERATED);
        });
        Set<Finding> findings = new LinkedHashSet<>();
        unchanged.toRender().stream()
                .filter(reports::containsKey)
                .forEach(n -> findings.addAll(reports.get(n).findings()));
        return new Report(new ArrayList<>(findings));
    }

    /** Stops the run when the report holds an error. */
    void failIfInvalid(Report report) {
        if (report.hasErrors()) {
            finished();
            throw new ValidationFailedException(report);
        }
    }

    /** The environments' trees as one, in selection order. */
    OutputTree merged(Map<String, OutputTree> trees) {
        OutputTree.Builder all = OutputTree.builder();
        unchanged.toRender().stream().filter(trees::containsKey).forEach(n -> all.putAll(trees.get(n)));
        return all.build();
    }

    /** The folders this run owns: the fleet's, then each rendered environment's. */
    List<String> owned(List<String> fleetOwned) {
        List<String> owned = new ArrayList<>(fleetOwned);
        unchanged.toRender().forEach(e -> owned.addAll(Layout.owned(e)));
        return owned;
    }

    /**
     * What the commit holds: every generated file (compared with HEAD, not only those this run changed on disk), and
     * the specs of the rendered environments as they are on disk when specs live in the output repository: their
     * files were made from them, so the commit carries them too, or HEAD's {@code inputs.sha256} would describe a
     * spec that is not in HEAD (a hand edit not yet committed). A spec already in HEAD changes nothing in the commit.
     */
    List<String> committed(OutputTree tree) {
        List<String> paths = new ArrayList<>(tree.files().keySet());
        if (request.outputDirectory().equals(request.workspace())) {
            Set<String> already = new HashSet<>(paths);
            unchanged.toRender().stream()
                    .map(Layout::spec)
                    .filter(spec -> !already.contains(spec)
                            && Files.isRegularFile(request.workspace().resolve(spec)))
                    .forEach(paths::add);
        }
        return paths;
    }

    /** Tells the listener the run ended. */
    void finished() {
        clock.finished(
                unchanged.toRender().size() - failed.size(), unchanged.same().size(), failed.size());
    }

    /** {@code work} for each of {@code names} in parallel; a problem is collected and the environment left out. */
    private <T> Map<String, T> each(List<String> names, Function<String, T> work) {
        Map<String, T> out = new ConcurrentHashMap<>();
        names.parallelStream().forEach(name -> {
            try {
                out.put(name, work.apply(name));
            } catch (EnvforgeException e) {
                problems.addAll(e.problems());
                failed.add(name);
                clock.progress().environment(name, ProgressListener.Outcome.FAILED);
            }
        });
        return new TreeMap<>(out);
    }

    private OutputTree renderOne(Environment env, List<Renderer> renderers) {
        String name = env.name();
        EnvironmentSpec spec = inputs.allSpecs().get(name);
        OutputTree.Builder out = OutputTree.builder();
        if (inputs.changedSpecs().contains(name)) {
            out.put(spec.file(), new String(spec.content(), StandardCharsets.UTF_8));
        }
        Optional.ofNullable(inputs.ledgerWrites().get(name)).ifPresent(t -> out.put(Ledger.fileOf(name), t));
        Map<String, String> writer = new HashMap<>();
        for (Renderer renderer : renderers) {
            OutputTree files = clock.timings().time(renderer.name(), () -> renderer.render(env));
            for (String path : files.files().keySet()) {
                String earlier = writer.putIfAbsent(path, renderer.name());
                if (earlier != null) {
                    throw new IllegalStateException("two renderers wrote " + path + ": " + earlier + " and "
                            + renderer.name() + " (environment " + name + ")");
                }
            }
            out.putAll(files);
        }
        OutputTree built = out.build();
        Map<String, byte[]> owned = new TreeMap<>();
        Layout.owned(name)
                .forEach(folder -> built.under(folder)
                        .forEach((path, text) -> owned.put(path, text.getBytes(StandardCharsets.UTF_8))));
        out.put(
                Fingerprint.path(name),
                Fingerprint.file(name, unchanged.prints().get(name), Fingerprint.outputs(owned)));
        return out.build();
    }
}
