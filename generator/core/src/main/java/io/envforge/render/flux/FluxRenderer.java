package io.envforge.render.flux;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.model.GitOps;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Yaml;
import java.util.List;
import java.util.Map;

/**
 * Flux objects in {@code clusters/<env>/envforge/}, picked up by the cluster's bootstrap Kustomization
 * ({@code flux bootstrap ... --path=clusters/<env>}): a GitRepository that sees only this environment's folders, and
 * two Kustomizations, platform then layers ({@code dependsOn}), each pruning and waiting for health.
 */
public final class FluxRenderer implements Renderer {

    public static final String NAMESPACE = "flux-system";

    @Override
    public String name() {
        return "flux";
    }

    @Override
    public void render(Environment env, OutputTree.Builder out) {
        if (!GitOps.FLUX.equals(env.gitops().controller())) {
            return;
        }
        String source = "envforge-" + env.name();
        List<Map<String, Object>> docs = List.of(
                gitRepository(env, source),
                kustomization(env, source, "platform", List.of()),
                kustomization(env, source, "layers", List.of(env.name() + "-platform")));
        out.putDocuments(Layout.cluster(env.name()) + "sync.yaml", Layout.header(env.name(), Layout.spec(env.name())),
                docs);
    }

    private static Map<String, Object> gitRepository(Environment env, String name) {
        // Only this environment's folders make up the artifact, so commits to other environments do not change it.
        String ignore = "/*\n!/" + Layout.overlay(env.name()) + "\n";
        return map("apiVersion", "source.toolkit.fluxcd.io/v1", "kind", "GitRepository",
                "metadata", map("name", name, "namespace", NAMESPACE),
                "spec", map("interval", "1m", "url", env.gitops().repoUrl(),
                        "ref", map("branch", env.gitops().branch()),
                        "secretRef", map("name", "envforge-git"),
                        "ignore", ignore));
    }

    private static Map<String, Object> kustomization(Environment env, String source, String part,
            List<String> dependsOn) {
        Map<String, Object> spec = map("interval", "10m", "retryInterval", "1m", "timeout", "5m");
        if (!dependsOn.isEmpty()) {
            spec.put("dependsOn", dependsOn.stream().map(d -> map("name", d)).toList());
        }
        spec.put("sourceRef", map("kind", "GitRepository", "name", source));
        spec.put("path", "./" + Layout.overlay(env.name()) + part);
        spec.put("prune", true);
        // wait: every applied object must become healthy (Deployments available, ExternalSecrets synced) before
        // the Kustomization is Ready and the ones that depend on it start.
        spec.put("wait", true);
        return map("apiVersion", "kustomize.toolkit.fluxcd.io/v1", "kind", "Kustomization",
                "metadata", map("name", env.name() + "-" + part, "namespace", NAMESPACE), "spec", spec);
    }
}
