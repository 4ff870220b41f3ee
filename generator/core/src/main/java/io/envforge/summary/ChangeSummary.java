package io.envforge.summary;

import io.envforge.summary.FileObjects.Parsed;
import io.envforge.summary.ResourceChange.FieldChange;
import io.envforge.summary.ResourceChange.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run changes, per environment (and {@value #FLEET} for fleet-level files): computed from the texts of the
 * generated files before the run (from disk) and after it (the new tree). Only files that differ need be given.
 *
 * @param changes per environment name, sorted; each list sorted by file, then resource
 */
public record ChangeSummary(SortedMap<String, List<ResourceChange>> changes) {

    /** The pseudo-environment of files generated for the whole fleet. */
    public static final String FLEET = "(fleet)";

    private static final Pattern OWNER = Pattern.compile(
            "(?:overlays/([^/]+)/|clusters/([^/]+)/envforge/|clusters/([^/]+)/flux-system/kustomization\\.yaml$"
                    + "|terraform/environments/([^/]+)/"
                    + "|ansible/inventories/([^/]+)/|environments/([^/]+)\\.yaml$).*");

    public ChangeSummary {
        SortedMap<String, List<ResourceChange>> copy = new TreeMap<>();
        changes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        changes = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** {@code before}: old texts of files changed or removed; {@code after}: new texts of files added or changed. */
    public static ChangeSummary of(Map<String, String> before, Map<String, String> after) {
        return of(before, after, path -> null);
    }

    /**
     * As {@link #of(Map, Map)}; {@code parsedAfter} gives a new file's YAML documents when they are already parsed
     * (what parsing its text would give), or null.
     */
    public static ChangeSummary of(
            Map<String, String> before,
            Map<String, String> after,
            Function<String, List<Map<String, Object>>> parsedAfter) {
        TreeSet<String> files = new TreeSet<>(before.keySet());
        files.addAll(after.keySet());
        SortedMap<String, List<ResourceChange>> out = new TreeMap<>();
        // Parsing every file is most of the work (21,000 files in a 1,000-environment run): done in parallel, then
        // gathered in file order.
        List<String> ordered = List.copyOf(files);
        List<List<ResourceChange>> compared = ordered.parallelStream()
                .map(file -> compare(file, before.get(file), after.get(file), parsedAfter.apply(file)))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            String file = ordered.get(i);
            List<ResourceChange> changes = compared.get(i);
            if (!changes.isEmpty()) {
                out.computeIfAbsent(owner(file), k -> new ArrayList<>()).addAll(changes);
            }
        }
        return new ChangeSummary(out);
    }

    /** The environment a generated file belongs to, or {@link #FLEET}. */
    public static String owner(String file) {
        Matcher m = OWNER.matcher(file);
        if (m.matches()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null && !(g == m.groupCount() && m.group(g).equals("platform"))) {
                    return m.group(g);
                }
            }
        }
        return FLEET;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static List<ResourceChange> compare(
            String file, String oldText, String newText, List<Map<String, Object>> newDocs) {
        if (oldText != null && oldText.equals(newText)) {
            return List.of();
        }
        Map<String, Parsed> old = FileObjects.of(file, oldText, null);
        Map<String, Parsed> now = FileObjects.of(file, newText, newDocs);
        TreeSet<String> ids = new TreeSet<>(old.keySet());
        ids.addAll(now.keySet());
        List<ResourceChange> out = new ArrayList<>();
        for (String id : ids) {
            Parsed a = old.get(id);
            Parsed b = now.get(id);
            if (a == null) {
                out.add(new ResourceChange(Type.ADDED, id, file, List.of()));
            } else if (b == null) {
                out.add(new ResourceChange(Type.REMOVED, id, file, List.of()));
            } else {
                List<FieldChange> fields = a.content() instanceof String s && b.content() instanceof String t
                        ? List.of(FieldDiff.textChange("", s, t))
                        : FieldDiff.diff(a.content(), b.content(), a.secret() || b.secret());
                if (!fields.isEmpty()) {
                    out.add(new ResourceChange(Type.CHANGED, id, file, fields));
                }
            }
        }
        return out;
    }
}
