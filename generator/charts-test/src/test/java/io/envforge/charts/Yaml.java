package io.envforge.charts;

import java.util.List;
import java.util.Map;

/** Dotted-path access into parsed YAML (maps and lists of plain Java objects). */
final class Yaml {

    private Yaml() {}

    static Object get(Object root, String path) {
        return at(root, path.split("\\."));
    }

    /** Access by explicit keys, for keys that contain dots (labels, annotations). */
    static Object at(Object root, String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        Object v = get(root, path);
        if (!(v instanceof Map)) {
            throw new AssertionError("not a map at " + path + ": " + v);
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object root, String path) {
        Object v = get(root, path);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    static String str(Object root, String path) {
        Object v = get(root, path);
        return v == null ? null : v.toString();
    }
}
