package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.model.Cloud;
import io.envforge.network.Cidr;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.Ledger;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.Reservation;
import io.envforge.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parsed inputs of a run: the platform file, every spec as it will be after the run (new environments created,
 * with a block from a pool or the address ledger when no subnet was given), the selection, which specs this run
 * changes, the specs left out because they are broken (never a selected one), and the reservations this run moves
 * (an environment re-addressed with {@code -Dforce=true} takes its reservation along).
 */
record Inputs(
        PlatformSpec platform,
        List<String> selected,
        Map<String, EnvironmentSpec> allSpecs,
        List<String> changedSpecs,
        List<String> created,
        Map<String, List<Problem>> skipped,
        Map<String, String> ledgerWrites) {

    static Inputs load(GenerateRequest request) {
        Path ws = request.workspace();
        PlatformSpec platform = SpecReader.readPlatform(ws);
        List<String> existing = SpecReader.listEnvironments(ws);
        List<String> selected = Selection.resolve(request.environments(), existing, request.shard());
        if (request.subnet().isPresent() && selected.size() != 1) {
            throw new EnvforgeException(new Problem(
                    "-Dsubnet",
                    "",
                    request.subnet().get(),
                    "a subnet goes with exactly one environment, not " + selected.size(),
                    "run once per new environment, or leave -Dsubnet out to take blocks from the pools"));
        }
        Map<String, Read> read = new TreeMap<>(
                existing.parallelStream().collect(Collectors.toConcurrentMap(n -> n, n -> Read.of(ws, n))));
        Map<String, EnvironmentSpec> specs = new TreeMap<>();
        Map<String, List<Problem>> skipped = new TreeMap<>();
        read.forEach((name, result) -> result.spec()
                .ifPresentOrElse(spec -> specs.put(name, spec), () -> skipped.put(name, result.problems())));
        List<String> created = selected.stream()
                .filter(n -> !specs.containsKey(n) && !skipped.containsKey(n))
                .toList();
        refuseBroken(skipped, selected, !created.isEmpty() || request.subnet().isPresent());
        // only a run that hands out or checks a block needs the ledger (a thousand small files)
        SortedMap<String, Reservation> ledger =
                created.isEmpty() && request.subnet().isEmpty()
                        ? new TreeMap<>()
                        : Ledger.read(request.outputDirectory());
        Map<String, String> ledgerWrites = new TreeMap<>();
        request.subnet().flatMap(Inputs::parsed).ifPresent(block -> {
            String name = selected.get(0);
            Allocation.checkSubnet(name, block, ledger, request.force());
            if (ledger.containsKey(name) && !ledger.get(name).block().equals(block)) {
                Reservation own = ledger.get(name);
                ledgerWrites.put(
                        name,
                        new String(Ledger.format(name, block, own.account(), own.region()), StandardCharsets.UTF_8));
            }
        });
        Map<String, Cidr> allocated = request.subnet().isPresent()
                ? Map.of()
                : Allocation.allocate(platform, specs.values(), ledger, created);
        Map<String, Placement.Place> placed =
                Placement.place(platform, specs.values(), ledger, clouds(request, platform, created));
        List<String> changed = new ArrayList<>();
        for (String name : selected) {
            EnvironmentSpec current = specs.get(name);
            EnvironmentSpec wanted = wanted(request, platform, name, current, allocated.get(name), placed.get(name));
            if (current == null || !Arrays.equals(current.content(), wanted.content())) {
                changed.add(name);
            }
            specs.put(name, wanted);
        }
        return new Inputs(platform, selected, specs, changed, created, skipped, ledgerWrites);
    }

    /** A well-formed {@code -Dsubnet}; a malformed one is reported later, with the spec it was meant for. */
    private static Optional<Cidr> parsed(String subnet) {
        try {
            return Optional.of(Cidr.parse(subnet));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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

    /** The cloud of each new environment: {@code -Dcloud}, else the platform default; an unknown one is refused. */
    @SuppressWarnings("unchecked")
    static Map<String, Cloud> clouds(GenerateRequest request, PlatformSpec platform, List<String> created) {
        if (created.isEmpty()) {
            return Map.of();
        }
        String cloud = request.cloud()
                .orElse(String.valueOf(((Map<String, Object>) platform.spec().get("defaults")).get("cloud")));
        if (!cloud.equals("aws") && !cloud.equals("azure")) {
            throw new EnvforgeException(new Problem("-Dcloud", "", cloud, "unknown cloud", "use aws or azure"));
        }
        Map<String, Cloud> out = new java.util.LinkedHashMap<>();
        created.forEach(n -> out.put(n, Cloud.of(cloud)));
        return out;
    }

    private static EnvironmentSpec wanted(
            GenerateRequest request,
            PlatformSpec platform,
            String name,
            EnvironmentSpec current,
            Cidr allocated,
            Placement.Place place) {
        Optional<String> subnet = request.subnet();
        if (current == null) {
            @SuppressWarnings("unchecked")
            String defaultCloud =
                    String.valueOf(((Map<String, Object>) platform.spec().get("defaults")).get("cloud"));
            String cloud = request.cloud().orElse(defaultCloud);
            if (!cloud.equals("aws") && !cloud.equals("azure")) {
                throw new EnvforgeException(new Problem("-Dcloud", "", cloud, "unknown cloud", "use aws or azure"));
            }
            return SpecFiles.create(
                    name, cloud, subnet.map(s -> SpecFiles.subnet(name, s)).orElse(allocated), place);
        }
        request.cloud().ifPresent(cloud -> {
            @SuppressWarnings("unchecked")
            Object has = current.spec()
                    .getOrDefault(
                            "cloud", ((Map<String, Object>) platform.spec().get("defaults")).get("cloud"));
            if (!cloud.equals(has)) {
                throw new EnvforgeException(new Problem(
                        "-Dcloud",
                        "",
                        cloud,
                        "environment " + name
                                + " already exists on " + has + " (" + current.file()
                                + "); -Dcloud only chooses the cloud of"
                                + " a new environment",
                        "drop -Dcloud; to move " + name + " to " + cloud
                                + ", remove it first (mvn envforge:remove -Denv=" + name + " -Dconfirm=" + name
                                + ") and create it again"));
            }
        });
        return subnet.map(s -> SpecFiles.readdress(current, s, request.force())).orElse(current);
    }
}
