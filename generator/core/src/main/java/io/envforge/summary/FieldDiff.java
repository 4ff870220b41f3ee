package io.envforge.summary;

import io.envforge.summary.ResourceChange.FieldChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Flattens parsed YAML/JSON to dotted paths and compares two of them, redacting secret values. */
final class FieldDiff {

    static final String NONE = "(none)";
    static final String REDACTED = "(redacted)";
    private static final int MAX = 100;
    /** Last path segments whose values are secrets: password, token, secret, key and names ending in them. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|token|secret|key)(\\[\\d+])?");

    private FieldDiff() {}

    /** The fields that differ, sorted by path. {@code secretData}: the object is a Secret (data is redacted). */
    static List<FieldChange> diff(Object before, Object after, boolean secretData) {
        Map<String, Object> old = flatten(before);
        Map<String, Object> now = flatten(after);
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<FieldChange> out = new ArrayList<>();
        for (String path : paths) {
            Object a = old.get(path);
            Object b = now.get(path);
            if (java.util.Objects.equals(a, b)) {
                continue;
            }
            if (isSecret(path, secretData)) {
                out.add(new FieldChange(path, a == null ? NONE : REDACTED, b == null ? NONE : REDACTED));
            } else if (path.substring(path.lastIndexOf('.') + 1).startsWith("checksum/")) {
                // Differs per environment and says only that its source changed, which the summary shows.
                out.add(new FieldChange(path, a == null ? NONE : "(checksum)", b == null ? NONE : "(new checksum)"));
            } else {
                out.addAll(show(path, a, b));
            }
        }
        return out;
    }

    static boolean isSecret(String path, boolean secretData) {
        if (secretData && (path.startsWith("data.") || path.startsWith("stringData."))) {
            return true;
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        return SECRET_KEY.matcher(last).matches();
    }

    private static List<FieldChange> show(String path, Object a, Object b) {
        if (a instanceof String s && s.contains("\n") || b instanceof String t && t.contains("\n")) {
            return List.of(textChange(path, a, b));
        }
        return List.of(new FieldChange(path, scalar(a), scalar(b)));
    }

    /** A change of a text shown by its line counts and the lines added and removed. */
    static FieldChange textChange(String path, Object a, Object b) {
        return new FieldChange(path, lines(a), lines(b) + " " + LineCount.delta(text(a), text(b)));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String lines(Object value) {
        return value == null ? NONE : "(" + text(value).split("\n", -1).length + " lines)";
    }

    static String scalar(Object value) {
        if (value == null) {
            return NONE;
        }
        String s = String.valueOf(value);
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }

    /** Leaves only: {@code a.b[0].c} → value. Empty maps and lists are leaves too. */
    static Map<String, Object> flatten(Object root) {
        Map<String, Object> out = new TreeMap<>();
        if (root != null) {
            walk("", root, out);
        }
        return out;
    }

    private static void walk(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> walk(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                walk(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, node);
        }
    }
}
