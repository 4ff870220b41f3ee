package io.envforge.pipeline;

import io.envforge.api.ValidationFailedException;
import io.envforge.git.ShardCombiner;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import io.envforge.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code envforge combine}: the last job of a sharded fleet run. Plans one commit on HEAD holding every shard's
 * changes ({@link ShardCombiner}; the shards' paths are disjoint), validates the combined tree once — every manifest
 * of each environment the shards touched, and the fleet files, read from the planned tree — and only then commits
 * it. Any error: the report is thrown and nothing moves.
 */
public final class Combine {

    private static final Pattern ENV = Pattern.compile(
            "(?:overlays|clusters|terraform/environments|ansible/inventories)/([a-z0-9-]+)/.*|environments/([a-z0-9-]+)\\.yaml");

    /** What a combination did. */
    public record Result(Optional<String> commit, Report report, List<String> environments, int files, String message) {

        /** The report's findings, one rendered line each (what a front-end prints). */
        public List<String> findingLines() {
            return report.findings().stream()
                    .map(io.envforge.validate.Finding::render)
                    .toList();
        }
    }

    private Combine() {}

    public static Result run(Path workspace, Optional<Path> schemas, List<String> shardRefs) {
        ShardCombiner combiner = new ShardCombiner(workspace);
        ShardCombiner.Plan plan = combiner.plan(shardRefs);
        SortedSet<String> envs = new TreeSet<>();
        boolean fleet = false;
        for (String path : plan.changes().keySet()) {
            Matcher m = ENV.matcher(path);
            if (path.startsWith("clusters/argocd/")) {
                fleet = true;
            } else if (m.matches()) {
                envs.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        Validator validator = new Validator(schemas, Caches.schema(workspace));
        Map<String, Report> reports = new ConcurrentHashMap<>();
        envs.parallelStream()
                .forEach(env -> reports.put(
                        env,
                        validator.validate(
                                tree(combiner.files(plan, List.of(Layout.overlay(env), "clusters/" + env + "/"))),
                                env)));
        if (fleet) {
            reports.put("", validator.validate(tree(combiner.files(plan, List.of(Layout.fleet("argocd"))))));
        }
        List<Finding> findings = new ArrayList<>();
        new TreeMap<>(reports).values().forEach(r -> findings.addAll(r.findings()));
        Report report = new Report(List.copyOf(new java.util.LinkedHashSet<>(findings)));
        if (report.hasErrors()) {
            throw new ValidationFailedException(report);
        }
        String message = message(plan, envs);
        Optional<String> commit = combiner.commit(plan, message);
        return new Result(commit, report, List.copyOf(envs), plan.changes().size(), message);
    }

    private static OutputTree tree(Map<String, String> files) {
        OutputTree.Builder out = OutputTree.builder();
        files.forEach(out::put);
        return out.build();
    }

    private static String message(ShardCombiner.Plan plan, SortedSet<String> envs) {
        long removed = plan.changes().values().stream()
                .filter(java.util.Objects::isNull)
                .count();
        StringBuilder text = new StringBuilder("envforge: " + envs.size() + " environment(s) from "
                + plan.shards().size() + " shard(s)\n\n");
        text.append(plan.changes().size() - removed)
                .append(" file(s) added or changed, ")
                .append(removed)
                .append(" removed; validated once after combining.\n\nShards:\n");
        ShardCombiner.lines(plan).forEach(l -> text.append("- ").append(l).append('\n'));
        return text.toString();
    }
}
