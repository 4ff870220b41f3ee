package io.envforge.render.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo CD sync waves on the platform objects, so that one Application applies them in order before the layers (wave
 * 0, the default): the namespace, then storage and the secret store, then the ExternalSecrets that need the store,
 * then the preparation Job.
 * Flux ignores the annotation and orders with its two Kustomizations instead.
 */
final class SyncWaves {

    static final String ANNOTATION = "argocd.argoproj.io/sync-wave";
    static final String NAMESPACE = "-4";
    static final String PLATFORM = "-3";
    static final String SECRETS = "-2";
    /** The preparation Job, after every ExternalSecret is synced and before the layers. */
    static final String PREPARE = "-1";

    private SyncWaves() {}

    /**
     * The preparation Job as an Argo CD Sync hook in wave {@link #PREPARE}: Argo CD runs it during the sync, waits for
     * it to complete before the next wave (the layers), and deletes the previous one before creating it again
     * (argo-cd docs/user-guide/resource_hooks.md: {@code argocd.argoproj.io/hook: Sync}, hook deletion policy
     * {@code BeforeHookCreation}; sync-waves.md: hooks and resources are ordered by phase, then wave).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> hook(Map<String, Object> job) {
        Map<String, Object> copy = at(PREPARE, List.of(job)).get(0);
        Map<String, Object> annotations =
                (Map<String, Object>) ((Map<String, Object>) copy.get("metadata")).get("annotations");
        annotations.put("argocd.argoproj.io/hook", "Sync");
        annotations.put("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
        return copy;
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
