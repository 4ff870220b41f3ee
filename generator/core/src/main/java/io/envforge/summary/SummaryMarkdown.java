package io.envforge.summary;

import io.envforge.summary.ResourceChange.FieldChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Markdown of a {@link ChangeSummary}, for a commit body and a pull-request comment. A change that several
 * environments share (the same object, field, old and new value once the environment's own name is set aside) is
 * printed once under a heading naming those environments; what is left is printed per environment.
 */
public final class SummaryMarkdown {

    private static final String ENV = "<env>";

    private SummaryMarkdown() {}

    public static String render(ChangeSummary summary) {
        StringBuilder md = new StringBuilder("## envforge change summary\n\n");
        if (summary.isEmpty()) {
            return md.append("No change.\n").toString();
        }
        int[] count = new int[3];
        summary.changes().values().forEach(l -> l.forEach(c -> count[c.type().ordinal()]++));
        md.append(summary.changes().size())
                .append(" environment(s): ")
                .append(String.join(", ", summary.changes().keySet()))
                .append(". Objects and files: ")
                .append(count[0])
                .append(" added, ")
                .append(count[1])
                .append(" changed, ")
                .append(count[2])
                .append(" removed.\n");
        for (Map.Entry<TreeSet<String>, List<Line>> bucket : buckets(summary).entrySet()) {
            TreeSet<String> envs = bucket.getKey();
            md.append("\n### ")
                    .append(envs.size() == 1 ? envs.first() : envs.size() + " environments: " + String.join(", ", envs))
                    .append("\n\n");
            List<String> highlights = bucket.getValue().stream()
                    .map(Line::highlight)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList();
            highlights.forEach(h -> md.append("**").append(h).append("**\n\n"));
            String lastHead = null;
            for (Line line : bucket.getValue()) {
                String head = envs.size() == 1 ? line.head() : line.sharedHead();
                if (!head.equals(lastHead)) {
                    md.append("- ").append(head).append('\n');
                    lastHead = head;
                }
                if (line.field() != null) {
                    md.append("  - ")
                            .append(envs.size() == 1 ? line.field() : line.sharedField())
                            .append('\n');
                }
            }
        }
        return md.toString();
    }

    /** One printable change: an object's head line, and at most one field under it. */
    private record Line(String head, String field, String sharedHead, String sharedField, String highlight) {

        String key() {
            return sharedHead + "\u0000" + (sharedField == null ? "" : sharedField);
        }
    }

    /** Lines grouped by the set of environments that have them; largest groups first. */
    private static Map<TreeSet<String>, List<Line>> buckets(ChangeSummary summary) {
        Map<String, List<Line>> linesOf = new LinkedHashMap<>();
        summary.changes().forEach((env, changes) -> linesOf.put(env, lines(env, changes)));
        Map<String, TreeSet<String>> envsOf = new LinkedHashMap<>();
        linesOf.forEach((env, lines) -> {
            for (Line line : lines) {
                envsOf.computeIfAbsent(line.key(), k -> new TreeSet<>()).add(env);
            }
        });
        SortedMap<TreeSet<String>, List<Line>> out = new TreeMap<>(
                Comparator.comparing((TreeSet<String> s) -> -s.size()).thenComparing(s -> String.join(",", s)));
        linesOf.forEach((env, lines) -> {
            for (Line line : lines) {
                TreeSet<String> envs = envsOf.get(line.key());
                if (envs.first().equals(env)) {
                    out.computeIfAbsent(envs, k -> new ArrayList<>()).add(line);
                }
            }
        });
        return out;
    }

    private static List<Line> lines(String env, List<ResourceChange> changes) {
        Pattern name = Pattern.compile("(?<![a-z0-9])" + Pattern.quote(env) + "(?![a-z0-9])");
        List<Line> out = new ArrayList<>();
        for (ResourceChange c : changes) {
            String head = head(c);
            String shared = name.matcher(head).replaceAll(ENV);
            if (c.fields().isEmpty()) {
                out.add(new Line(head, null, shared, null, null));
            }
            for (FieldChange f : c.fields()) {
                String field = field(f);
                out.add(new Line(head, field, shared, name.matcher(field).replaceAll(ENV), Highlights.of(c, f)));
            }
        }
        return out;
    }

    private static String head(ResourceChange c) {
        String what = FileObjects.FILE.equals(c.resource()) ? "file" : "`" + c.resource() + "` in";
        return c.type().name().toLowerCase(Locale.ROOT) + " " + what + " `" + c.file() + "`";
    }

    private static String field(FieldChange f) {
        String path = f.path().isEmpty() ? "text" : "`" + f.path() + "`";
        return path + ": " + code(f.before()) + " → " + code(f.after());
    }

    private static String code(String value) {
        if (value.startsWith("(") || value.isEmpty()) {
            return value.isEmpty() ? "`\"\"`" : value;
        }
        return "`" + value.replace("`", "'") + "`";
    }
}
