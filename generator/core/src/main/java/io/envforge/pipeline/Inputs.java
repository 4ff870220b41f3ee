package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parsed inputs of a run: the platform file, every spec as it will be after the run (new environments created,
 * with a block from a pool when no subnet was given), the selection, which specs this run changes, and the specs
 * left out because they are broken (never a selected one).
 */
record Inputs(PlatformSpec platform, List<String> selected, Map<String, EnvironmentSpec> allSpecs,
        List<String> changedSpecs, List<String> created, Map<String, List<Problem>> skipped) {

    static Inputs load(GenerateRequest request) {
        Path ws = request.workspace();
        PlatformSpec platform = SpecReader.readPlatform(ws);
        List<String> existing = SpecReader.listEnvironments(ws);
        List<String> selected = Selection.resolve(request.environments(), existing);
        if (request.subnet().isPresent() && selected.size() != 1) {
            throw new EnvforgeException(new Problem("-Dsubnet", "", request.subnet().get(),
                    "a subnet goes with exactly one environment, not " + selected.size(),
                    "run once per new environment, or leave -Dsubnet out to take blocks from the pools"));
        }
        Map<String, Read> read = new TreeMap<>(existing.parallelStream()
                .collect(Collectors.toConcurrentMap(n -> n, n -> Read.of(ws, n))));
        Map<String, EnvironmentSpec> specs = new TreeMap<>();
        Map<String, List<Problem>> skipped = new TreeMap<>();
        read.forEach((name, result) -> result.spec().ifPresentOrElse(spec -> specs.put(name, spec),
                () -> skipped.put(name, result.problems())));
        List<String> created = selected.stream().filter(n -> !specs.containsKey(n) && !skipped.containsKey(n))
                .toList();
        refuseBroken(skipped, selected, !created.isEmpty() || request.subnet().isPresent());
        Map<String, Cidr> allocated = request.subnet().isPresent() ? Map.of()
                : Allocation.allocate(platform, specs.values(), created);
        List<String> changed = new ArrayList<>();
        for (String name : selected) {
            EnvironmentSpec current = specs.get(name);
            EnvironmentSpec wanted = wanted(request, platform, name, current, allocated.get(name));
            if (current == null || !Arrays.equals(current.content(), wanted.content())) {
                changed.add(name);
            }
            specs.put(name, wanted);
        }
        return new Inputs(platform, selected, specs, changed, created, skipped);
    }

    /** A spec, or the problems that make it unreadable (its block included: every run needs every block). */
    private record Read(Optional<EnvironmentSpec> spec, List<Problem> problems) {

        static Read of(Path ws, String name) {
            try {
                EnvironmentSpec spec = SpecReader.readEnvironment(ws, name);
                spec.block();
                return new Read(Optional.of(spec), List.of());
            } catch (EnvforgeException e) {
                return new Read(Optional.empty(), e.problems());
            }
        }
    }

    /**
     * A broken spec stops the run when it is selected ({@code all} selects it), and when the run hands out or checks a
     * new block: the broken spec's own block is unknown, so it could be given twice. Otherwise it is skipped.
     */
    private static void refuseBroken(Map<String, List<Problem>> broken, List<String> selected, boolean newBlock) {
        List<Problem> stopping = new ArrayList<>();
        broken.forEach((name, problems) -> {
            if (selected.contains(name) || newBlock) {
                stopping.addAll(problems);
            }
        });
        if (!stopping.isEmpty()) {
            throw new EnvforgeException(stopping);
        }
    }

    private static EnvironmentSpec wanted(GenerateRequest request, PlatformSpec platform, String name,
            EnvironmentSpec current, Cidr allocated) {
        Optional<String> subnet = request.subnet();
        if (current == null) {
            @SuppressWarnings("unchecked")
            String defaultCloud = String.valueOf(((Map<String, Object>) platform.spec().get("defaults"))
                    .get("cloud"));
            String cloud = request.cloud().orElse(defaultCloud);
            if (!cloud.equals("aws") && !cloud.equals("azure")) {
                throw new EnvforgeException(new Problem("-Dcloud", "", cloud, "unknown cloud", "use aws or azure"));
            }
            return SpecFiles.create(name, cloud, subnet.map(s -> SpecFiles.subnet(name, s)).orElse(allocated));
        }
        request.cloud().ifPresent(cloud -> {
            @SuppressWarnings("unchecked")
            Object has = current.spec().getOrDefault("cloud",
                    ((Map<String, Object>) platform.spec().get("defaults")).get("cloud"));
            if (!cloud.equals(has)) {
                throw new EnvforgeException(new Problem("-Dcloud", "", cloud, "environment " + name
                        + " already exists on " + has + " (" + current.file() + "); -Dcloud only chooses the cloud of"
                        + " a new environment", "drop -Dcloud; to move " + name + " to " + cloud
                        + ", remove it first (mvn envforge:remove -Denv=" + name + " -Dconfirm=" + name
                        + ") and create it again"));
            }
        });
        return subnet.map(s -> SpecFiles.readdress(current, s, request.force())).orElse(current);
    }
}
