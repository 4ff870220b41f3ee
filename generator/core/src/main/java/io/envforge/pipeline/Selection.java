package io.envforge.pipeline;

import io.envforge.api.Shard;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.spec.EnvironmentName;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Turns {@code -Denv} values (names, {@code all}, globs) and {@code -Dshard} into environment names. */
final class Selection {

    /** What a glob may hold: the characters of an environment name, and the wildcards. */
    private static final Pattern GLOB = Pattern.compile("[a-z0-9*?-]+");

    private Selection() {}

    /** The names {@code selectors} pick of {@code existing} (and new ones they name), then {@code shard}'s slice. */
    static List<String> resolve(List<String> selectors, List<String> existing, Optional<Shard> shard) {
        if (selectors.isEmpty()) {
            throw new EnvforgeException(new Problem(
                    "-Denv",
                    "",
                    "",
                    "no environment given",
                    "name one (-Denv=dev1), several (-Denv=dev1,dev2), a glob (-Denv='perf-*') or all (-Denv=all)"));
        }
        List<String> all = select(selectors, existing);
        return shard.map(s -> List.copyOf(s.of(all))).orElse(all);
    }

    private static List<String> select(List<String> selectors, List<String> existing) {
        TreeSet<String> out = new TreeSet<>();
        for (String raw : selectors) {
            String selector = raw.trim();
            if (selector.equals("all")) {
                out.addAll(existing);
            } else if (selector.contains("*") || selector.contains("?")) {
                if (!GLOB.matcher(selector).matches()) {
                    throw new EnvforgeException(new Problem(
                            "-Denv",
                            "",
                            selector,
                            "a glob may hold only a-z, 0-9," + " '-', '*' and '?'",
                            "for example -Denv='perf-*' or -Denv='dev?'"));
                }
                Pattern glob =
                        Pattern.compile(selector.replace("?", "[a-z0-9-]").replace("*", "[a-z0-9-]*"));
                List<String> matched =
                        existing.stream().filter(n -> glob.matcher(n).matches()).toList();
                if (matched.isEmpty()) {
                    throw new EnvforgeException(new Problem(
                            "-Denv", "", selector, "matches no environment", "list them with ls environments/"));
                }
                out.addAll(matched);
            } else {
                EnvironmentName.check("-Denv", "", selector).ifPresent(p -> {
                    throw new EnvforgeException(p);
                });
                out.add(selector);
            }
        }
        if (out.isEmpty()) {
            throw new EnvforgeException(new Problem(
                    "-Denv",
                    "",
                    String.join(",", selectors),
                    "selects no environment",
                    "create one first: mvn generate -Denv=dev1 -Dsubnet=10.20.0.0/20"));
        }
        return List.copyOf(out);
    }
}
