package io.envforge.validate;

import io.envforge.render.Layout;
import java.util.List;
import java.util.Map;

/**
 * Every entry of a generated kustomization's {@code resources} is a generated file or a folder with one; in the Flux
 * bootstrap's folder also the files {@code flux bootstrap} writes there ({@link Layout#FLUX_BOOTSTRAP_FILES}).
 */
public final class KustomizationRule implements Rule {

    @Override
    public String name() {
        return "kustomization-resources";
    }

    @Override
    public void check(String file, List<Map<String, Object>> docs, Map<String, String> tree, List<Finding> findings) {
        if (!file.endsWith("/kustomization.yaml") || docs.isEmpty()) {
            return;
        }
        String dir = file.substring(0, file.length() - "kustomization.yaml".length());
        Object resources = docs.get(0).get("resources");
        if (!(resources instanceof List<?> list)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String entry = String.valueOf(list.get(i));
            String target = dir + entry;
            boolean bootstrapped =
                    dir.endsWith("/" + Layout.FLUX_BOOTSTRAP_FOLDER) && Layout.FLUX_BOOTSTRAP_FILES.contains(entry);
            if (!bootstrapped && !tree.containsKey(target) && !tree.containsKey(target + "/kustomization.yaml")) {
                findings.add(Finding.error(
                        file,
                        "resources[" + i + "]",
                        "\"" + entry + "\" is neither a generated file nor a folder with a kustomization.yaml"));
            }
        }
    }
}
