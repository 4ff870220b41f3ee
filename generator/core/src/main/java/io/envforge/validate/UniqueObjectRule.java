package io.envforge.validate;

import io.envforge.render.Layout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Within one overlay, no two objects share kind, namespace and name (kustomize would refuse to build). */
public final class UniqueObjectRule implements Rule {

    private final Map<String, String> seen = new HashMap<>();

    @Override
    public String name() {
        return "unique-objects";
    }

    @Override
    public synchronized void check(
            String file, List<Map<String, Object>> docs, Map<String, String> tree, List<Finding> findings) {
        if (file.endsWith("kustomization.yaml") || !file.startsWith(Layout.OVERLAYS)) {
            return;
        }
        String overlay = file.substring(0, file.indexOf('/', Layout.OVERLAYS.length()) + 1);
        for (Map<String, Object> doc : docs) {
            String key = overlay + ObjectIds.id(doc);
            String previous = seen.putIfAbsent(key, file);
            if (previous != null) {
                findings.add(Finding.error(file, ObjectIds.id(doc), "also generated in " + previous));
            }
        }
    }
}
