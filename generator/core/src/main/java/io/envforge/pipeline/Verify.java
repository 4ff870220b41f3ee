package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.RunOptions;
import io.envforge.api.ValidationFailedException;
import io.envforge.emit.WriteResult;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.Ledger;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.Reservation;
import io.envforge.spec.SpecReader;
import io.envforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code envforge verify}, the pull-request check: the platform file, every spec and every reservation valid against
 * their schemas; no two blocks overlapping (specs, ledger, on-prem networks, reserved blocks), no reservation that
 * disagrees with its spec; and the committed generated files exactly what {@code generate} would write for every
 * environment (a dry run of {@code generate -Denv=all} through the same change detection, so a spec edited without
 * generating, a hand-edited or deleted generated file, or a stray one all show). Reads only; one problem per finding.
 */
public final class Verify {

    private Verify() {}

    /**
     * What {@code verify} found.
     *
     * @param problems one per problem; the check fails when any
     * @param warnings what does not fail the check (such as a spec skipped by the generated-files check)
     * @param environments how many environment specs were read
     * @param reservations how many reservations the ledger holds
     */
    public record Result(List<Problem> problems, List<String> warnings, int environments, int reservations) {

        public Result {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The problems, one rendered line each, without a level (for a logger that prints it). */
        public List<String> problemLines() {
            return problems.stream().map(Problem::render).toList();
        }

        /** The problems, one {@code [ERROR] ...} line each (what a terminal shows). */
        public List<String> errorLines() {
            return problemLines().stream().map(p -> "[ERROR] " + p).toList();
        }

        /** {@code envforge: verify: 12 environments, 3 reservations, 0 problems}. */
        public String line() {
            return "envforge: verify: " + environments + " environment(s), " + reservations + " reservation(s), "
                    + problems.size() + " problem(s)";
        }
    }

    /** Checks {@code workspace}; {@code schemas} as for generate; {@code full} re-renders every environment. */
    public static Result run(Path workspace, Optional<Path> schemas, boolean full) {
        PlatformSpec platform;
        try {
            platform = SpecReader.readPlatform(workspace);
        } catch (EnvforgeException e) {
            return new Result(
                    e.problems(), List.of("nothing else was checked: every check needs the platform file"), 0, 0);
        }
        List<Problem> problems = new ArrayList<>();
        SortedMap<String, EnvironmentSpec> specs = new TreeMap<>();
        List<String> names = SpecReader.listEnvironments(workspace);
        for (String name : names) {
            try {
                EnvironmentSpec spec = SpecReader.readEnvironment(workspace, name);
                spec.block();
                specs.put(name, spec);
            } catch (EnvforgeException e) {
                problems.addAll(e.problems());
            }
        }
        SortedMap<String, Reservation> ledger = new TreeMap<>();
        try {
            ledger.putAll(Ledger.read(workspace));
        } catch (EnvforgeException e) {
            problems.addAll(e.problems());
        }
        Overlaps.Found overlaps = Overlaps.find(entries(platform, specs, ledger));
        problems.addAll(overlaps.problems());
        problems.addAll(orphans(workspace, names));
        List<String> clean = new ArrayList<>(specs.keySet());
        clean.removeAll(overlaps.involved());
        List<String> warnings = new ArrayList<>();
        if (clean.size() < names.size()) {
            warnings.add("generated files of " + (names.size() - clean.size()) + " environment(s) not compared:"
                    + " their spec has a problem above, or their block overlaps another");
        }
        if (!clean.isEmpty()) {
            problems.addAll(stale(workspace, schemas, full, clean, warnings));
        } else {
            Capacity.warnings(platform, specs.values()).forEach(f -> warnings.add(unprefixed(f)));
        }
        return new Result(List.copyOf(new LinkedHashSet<>(problems)), warnings, names.size(), ledger.size());
    }

    private static List<Overlaps.Entry> entries(
            PlatformSpec platform, Map<String, EnvironmentSpec> specs, Map<String, Reservation> ledger) {
        List<Overlaps.Entry> out = new ArrayList<>();
        ModelResolver resolver = new ModelResolver(platform);
        List<Cidr> onPrem = resolver.onPremCidrs();
        for (int i = 0; i < onPrem.size(); i++) {
            out.add(new Overlaps.Entry("", platform.file(), "spec.onPrem.cidrs[" + i + "]", onPrem.get(i)));
        }
        List<Cidr> reserved = resolver.reserved();
        for (int i = 0; i < reserved.size(); i++) {
            out.add(new Overlaps.Entry("", platform.file(), "spec.reserved[" + i + "]", reserved.get(i)));
        }
        specs.forEach(
                (name, spec) -> out.add(new Overlaps.Entry(name, spec.file(), "spec.network.cidr", spec.block())));
        ledger.forEach((name, r) -> out.add(new Overlaps.Entry(name, r.file(), "spec.cidr", r.block())));
        return out;
    }

    /** Generated folders of an environment that has no spec (removed by hand, or a spec deleted alone). */
    private static List<Problem> orphans(Path workspace, List<String> names) {
        List<Problem> out = new ArrayList<>();
        for (String folder : List.of("overlays", "clusters", "terraform/environments", "ansible/inventories")) {
            for (String env : folders(workspace.resolve(folder))) {
                if (!names.contains(env) && !(folder.equals("clusters") && env.equals("argocd"))) {
                    out.add(new Problem(
                            folder + "/" + env + "/",
                            "",
                            null,
                            "generated files of environment " + env + ", which has no spec (" + SpecReader.fileOf(env)
                                    + ")",
                            "restore the spec, or delete" + " the folder in this pull request"));
                }
            }
        }
        return out;
    }

    /** A dry run of generate over {@code names}: every file it would add, change or delete is a problem. */
    private static List<Problem> stale(
            Path workspace, Optional<Path> schemas, boolean full, List<String> names, List<String> warnings) {
        GenerateRequest request = GenerateRequest.builder(workspace)
                .environments(names)
                .schemas(schemas.orElse(null))
                .mode(GenerateRequest.Mode.DRY_RUN)
                .build();
        GenerateResult result;
        try {
            result =
                    Envforge.standard(workspace).generate(request, new RunOptions(full, RunOptions.DEFAULT.progress()));
        } catch (ValidationFailedException e) {
            return e.report().errors().stream()
                    .map(f -> new Problem(
                            f.file(),
                            f.path(),
                            null,
                            f.message(),
                            "fix the input it was generated from, then run mvn generate"))
                    .toList();
        } catch (EnvforgeException e) {
            return e.problems();
        }
        result.report().findings().stream()
                .filter(f -> f.severity() == Finding.Severity.WARNING)
                .map(Verify::unprefixed)
                .forEach(warnings::add);
        List<Problem> out = new ArrayList<>();
        WriteResult plan = result.write();
        plan.added().forEach(p -> out.add(stale(p, "missing: generate would create it")));
        plan.changed().forEach(p -> out.add(stale(p, "differs from what generate writes")));
        plan.removed().forEach(p -> out.add(stale(p, "stale: generate would delete it")));
        return out;
    }

    /** The environment a generated path belongs to; {@code all} for the fleet files. */
    static String environmentOf(String path) {
        for (String prefix : List.of("overlays/", "terraform/environments/", "ansible/inventories/", "clusters/")) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                String env = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                return prefix.equals("clusters/") && env.equals("argocd") ? "all" : env;
            }
        }
        return "all";
    }

    private static List<String> folders(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            dir.toString(),
                            "",
                            null,
                            "cannot list: " + e.getMessage(),
                            "check the folder's permissions"),
                    e);
        }
    }

    /** A warning without its {@code [WARNING]} tag, which the front-ends add. */
    private static String unprefixed(Finding finding) {
        return finding.render().replaceFirst("^\\[WARNING\\] ", "");
    }

    private static Problem stale(String path, String message) {
        String env = environmentOf(path);
        return new Problem(
                path,
                "",
                null,
                message,
                "run mvn generate -Denv=" + env + " (envforge generate --env " + env
                        + ") and commit the result with this change");
    }
}
