package io.envforge.render.flux;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.model.GitOps;
import io.envforge.model.Preparation;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flux objects in {@code clusters/<env>/envforge/}, picked up by the cluster's bootstrap Kustomization
 * ({@code flux bootstrap ... --path=clusters/<env>}): a GitRepository that sees only this environment's folders, an
 * ArtifactGenerator (source-watcher, Flux 2.7.2+) that turns the overlay into an ExternalArtifact revised only when
 * the overlay's content changes (unless {@code gitops.fluxArtifacts: false}), and two Kustomizations on it, platform
 * then layers ({@code dependsOn}), each pruning and waiting for health (with CEL health checks for External Secrets'
 * kinds, and a timeout that covers the layers' rollouts). With artifacts it also writes the bootstrap's
 * {@code flux-system/kustomization.yaml} that turns on kustomize-controller's ExternalArtifact gate (FluxBootstrap).
 * docs/fleet.md explains why.
 */
public final class FluxRenderer implements Renderer {

    public static final String NAMESPACE = "flux-system";

    /** The platform part holds no workload: ExternalSecrets sync within seconds once the store is valid. */
    private static final String PLATFORM_TIMEOUT = "5m";

    /** The Job's activeDeadlineSeconds (15 minutes) with room for the image pull and the ExternalSecrets' sync. */
    private static final String PREPARE_TIMEOUT = "20m";

    @Override
    public String name() {
        return "flux";
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        if (!GitOps.FLUX.equals(env.gitops().controller())) {
            return OutputTree.empty();
        }
        String source = env.names().prefix();
        List<Map<String, Object>> docs = new ArrayList<>();
        docs.add(gitRepository(env, source));
        Map<String, Object> sourceRef = map("kind", "GitRepository", "name", source);
        if (env.gitops().fluxArtifacts()) {
            String artifact = source + "-overlay";
            docs.add(artifactGenerator(env, source, artifact));
            sourceRef = map("kind", "ExternalArtifact", "name", artifact);
        }
        docs.add(kustomization(env, sourceRef, "platform", List.of(), PLATFORM_TIMEOUT));
        String layersAfter = env.name() + "-platform";
        if (env.preparation().runs()) {
            // The preparation Job between platform and layers. wait: true makes kustomize-controller wait for the
            // Job like any object, by kstatus: Current once its Complete condition is True, Failed on the Failed
            // condition (sigs.k8s.io/cli-utils pkg/kstatus/status/core.go, jobConditions); so the layers start only
            // after a successful run. A Job's pod template is immutable: instead of force: true (which deletes and
            // re-creates any object whose update the API server refuses, docs/spec/v1/kustomizations.md "Force"),
            // the Job's name carries the digest of its inputs, so a changed image or inventory makes a new Job and
            // prune removes the old one, while an unchanged one stays Complete and does not re-run.
            docs.add(kustomization(env, sourceRef, Preparation.PART, List.of(layersAfter), PREPARE_TIMEOUT));
            layersAfter = env.name() + "-" + Preparation.PART;
        }
        docs.add(kustomization(env, sourceRef, "layers", List.of(layersAfter), StartupAllowance.layersTimeout(env)));
        out.putDocuments(
                Layout.cluster(env.name()) + "sync.yaml", Layout.header(env.name(), Layout.spec(env.name())), docs);
        if (env.gitops().fluxArtifacts()) {
            out.putDocument(FluxBootstrap.path(env.name()), FluxBootstrap.header(env), FluxBootstrap.kustomization());
        }
        return out.build();
    }

    private static Map<String, Object> gitRepository(Environment env, String name) {
        // Only this environment's folders make up the artifact, so commits to other environments do not change it.
        String ignore = "/*\n!/" + Layout.overlay(env.name()) + "\n";
        return map(
                "apiVersion",
                "source.toolkit.fluxcd.io/v1",
                "kind",
                "GitRepository",
                "metadata",
                map("name", name, "namespace", NAMESPACE),
                "spec",
                map(
                        "interval",
                        "1m",
                        "url",
                        env.gitops().repoUrl(),
                        "ref",
                        map("branch", env.gitops().branch()),
                        "secretRef",
                        map("name", "envforge-git"),
                        "ignore",
                        ignore));
    }

    /**
     * Copies the environment's overlay out of the Git artifact into an ExternalArtifact whose revision is the digest
     * of its content (no {@code revision} or {@code originRevision}: either would tie it to the Git commit again), so
     * a commit that does not change this overlay does not trigger the Kustomizations below.
     */
    private static Map<String, Object> artifactGenerator(Environment env, String source, String artifact) {
        String overlay = Layout.overlay(env.name());
        return map(
                "apiVersion",
                "source.extensions.fluxcd.io/v1beta1",
                "kind",
                "ArtifactGenerator",
                "metadata",
                map("name", source, "namespace", NAMESPACE),
                "spec",
                map(
                        "sources",
                        List.of(map("alias", "repo", "kind", "GitRepository", "name", source)),
                        "artifacts",
                        List.of(map(
                                "name",
                                artifact,
                                "copy",
                                List.of(map("from", "@repo/" + overlay + "**", "to", "@artifact/" + overlay))))));
    }

    private static Map<String, Object> kustomization(
            Environment env, Map<String, Object> sourceRef, String part, List<String> dependsOn, String timeout) {
        Map<String, Object> spec = map("interval", "10m", "retryInterval", "1m", "timeout", timeout);
        if (!dependsOn.isEmpty()) {
            spec.put("dependsOn", dependsOn.stream().map(d -> map("name", d)).toList());
        }
        spec.put("sourceRef", sourceRef);
        spec.put("path", "./" + Layout.overlay(env.name()) + part);
        spec.put("prune", true);
        // wait: every applied object must become healthy (Deployments available, ExternalSecrets synced) before
        // the Kustomization is Ready and the ones that depend on it start. kstatus cannot judge External Secrets'
        // kinds; healthCheckExprs make the controller read their Ready condition (HealthChecks).
        spec.put("wait", true);
        spec.put("healthCheckExprs", HealthChecks.all());
        return map(
                "apiVersion",
                "kustomize.toolkit.fluxcd.io/v1",
                "kind",
                "Kustomization",
                "metadata",
                map("name", env.name() + "-" + part, "namespace", NAMESPACE),
                "spec",
                spec);
    }
}
