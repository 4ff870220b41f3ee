package io.envforge.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads values out of a parsed YAML tree by dotted path, and merges defaults under overrides. */
final class SpecValues {

    private final Map<String, Object> root;

    SpecValues(Map<String, Object> root) {
        this.root = root;
    }

    Object get(String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    String string(String path) {
        Object value = get(path);
        return value == null ? null : String.valueOf(value);
    }

    int integer(String path) {
        Object value = get(path);
        if (value == null) {
            throw new IllegalStateException(path + " is missing after defaults were applied");
        }
        return ((Number) value).intValue();
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String path) {
        Object value = get(path);
        return value == null ? List.of() : (List<Object>) value;
    }

    /** A copy of {@code defaults} with every key of {@code overrides} laid over it, recursively. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> out = new LinkedHashMap<>(defaults);
        overrides.forEach((key, value) -> {
            Object base = out.get(key);
            if (base instanceof Map<?, ?> baseMap && value instanceof Map<?, ?> valueMap) {
                out.put(key, merge((Map<String, Object>) baseMap, (Map<String, Object>) valueMap));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }
}
