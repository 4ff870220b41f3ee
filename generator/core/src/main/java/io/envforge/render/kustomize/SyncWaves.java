package io.envforge.render.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo CD sync waves on the platform objects, so that one Application applies them in order before the layers (wave
 * 0, the default): the namespace, then storage and the secret store, then the ExternalSecrets that need the store.
 * Flux ignores the annotation and orders with its two Kustomizations instead.
 */
final class SyncWaves {

    static final String ANNOTATION = "argocd.argoproj.io/sync-wave";
    static final String NAMESPACE = "-3";
    static final String PLATFORM = "-2";
    static final String SECRETS = "-1";

    private SyncWaves() {
    }

    /** Copies of {@code docs} with the wave annotation set, after any annotation the object already has. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> at(String wave, List<Map<String, Object>> docs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            Map<String, Object> copy = new LinkedHashMap<>(doc);
            Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) doc.get("metadata"));
            Map<String, Object> annotations = new LinkedHashMap<>();
            if (metadata.get("annotations") instanceof Map<?, ?> existing) {
                annotations.putAll((Map<String, Object>) existing);
            }
            annotations.put(ANNOTATION, wave);
            metadata.put("annotations", annotations);
            copy.put("metadata", metadata);
            out.add(copy);
        }
        return out;
    }
}
