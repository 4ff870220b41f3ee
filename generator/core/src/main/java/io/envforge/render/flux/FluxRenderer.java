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
 * ({@code flux bootstrap ... --path=clusters/<env>}): a GitRepository that fetches only this environment's folder, an
 * ArtifactGenerator that turns that folder into an ExternalArtifact whose revision is the digest of its content, and
 * two Kustomizations on that artifact, platform then layers ({@code dependsOn}), each pruning and waiting for health.
 *
 * <p>Why the generator: a GitRepository's revision is the commit, so every commit to the repository (any of a
 * thousand environments) would make every cluster's Kustomizations reconcile, even with {@code spec.ignore}. The
 * ExternalArtifact's revision changes only when this environment's files change (Flux 2.7+, source-watcher;
 * docs/fleet.md).
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
        String artifact = source + "-overlay";
        List<Map<String, Object>> docs = List.of(
                gitRepository(env, source),
                artifactGenerator(env, source, artifact),
                kustomization(env, artifact, "platform", List.of()),
                kustomization(env, artifact, "layers", List.of(env.name() + "-platform")));
        out.put(Layout.cluster(env.name()) + "sync.yaml",
                Layout.header(env.name(), Layout.spec(env.name())) + Yaml.dumpAll(docs));
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

    /**
     * One ExternalArtifact holding {@code overlays/<env>/} at the same path. No {@code originRevision}: it would tie
     * the artifact to the commit again and make the Kustomizations reconcile on every commit.
     */
    private static Map<String, Object> artifactGenerator(Environment env, String source, String artifact) {
        String overlay = Layout.overlay(env.name());
        return map("apiVersion", "source.extensions.fluxcd.io/v1beta1", "kind", "ArtifactGenerator",
                "metadata", map("name", source, "namespace", NAMESPACE),
                "spec", map("sources", List.of(map("alias", "repo", "kind", "GitRepository", "name", source)),
                        "artifacts", List.of(map("name", artifact, "copy", List.of(
                                map("from", "@repo/" + overlay + "**", "to", "@artifact/" + overlay))))));
    }

    private static Map<String, Object> kustomization(Environment env, String source, String part,
            List<String> dependsOn) {
        Map<String, Object> spec = map("interval", "10m", "retryInterval", "1m", "timeout", "5m");
        if (!dependsOn.isEmpty()) {
            spec.put("dependsOn", dependsOn.stream().map(d -> map("name", d)).toList());
        }
        spec.put("sourceRef", map("kind", "ExternalArtifact", "name", source));
        spec.put("path", "./" + Layout.overlay(env.name()) + part);
        spec.put("prune", true);
        // wait: every applied object must become healthy (Deployments available, ExternalSecrets synced) before
        // the Kustomization is Ready and the ones that depend on it start.
        spec.put("wait", true);
        return map("apiVersion", "kustomize.toolkit.fluxcd.io/v1", "kind", "Kustomization",
                "metadata", map("name", env.name() + "-" + part, "namespace", NAMESPACE), "spec", spec);
    }
}
