package io.envforge.render.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values Helm validates and renders with: the chart's {@code values.yaml} with the given values deep-merged over
 * it, by Helm's own rules for a chart without dependencies (Helm v3.21.0 {@code pkg/chartutil/coalesce.go}:
 * {@code CoalesceValues} → {@code coalesceValues} at the top, {@code coalesceTablesFullKey} below it, with merge off).
 * Given values win; maps merge; lists and scalars replace; a map never replaces a scalar default nor a scalar a map
 * default (Helm keeps the given value and logs a warning). A given {@code null} removes the key: at the top whenever
 * the chart has the key, below it only when the chart's value is not null itself; a {@code null} for a key the chart
 * does not have stays {@code null}. Neither input is changed.
 */
final class CoalescedValues {

    private CoalescedValues() {}

    static Map<String, Object> of(Map<String, Object> given, Map<String, Object> defaults) {
        Map<String, Object> out = copy(given);
        for (Map.Entry<String, Object> d : defaults.entrySet()) {
            String key = d.getKey();
            if (!out.containsKey(key)) {
                out.put(key, copyValue(d.getValue()));
            } else if (out.get(key) == null) {
                out.remove(key);
            } else if (out.get(key) instanceof Map<?, ?> dst && d.getValue() instanceof Map<?, ?> src) {
                tables(cast(dst), cast(src));
            }
        }
        return out;
    }

    /** {@code coalesceTablesFullKey(dst, src, merge=false)}: {@code dst} (a copy of given values) wins. */
    private static void tables(Map<String, Object> dst, Map<String, Object> src) {
        for (Map.Entry<String, Object> s : src.entrySet()) {
            String key = s.getKey();
            if (!dst.containsKey(key)) {
                dst.put(key, copyValue(s.getValue()));
            } else if (dst.get(key) == null) {
                if (s.getValue() != null) {
                    dst.remove(key);
                }
            } else if (dst.get(key) instanceof Map<?, ?> d && s.getValue() instanceof Map<?, ?> m) {
                tables(cast(d), cast(m));
            }
        }
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy(cast(map));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copyValue(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
