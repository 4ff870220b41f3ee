package io.envforge.render.kustomize;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.model.GitOps;
import io.envforge.model.Layer;
import io.envforge.model.Preparation;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kustomize overlay {@code overlays/<env>/}: {@code platform/} (namespace, NFS volume and claim, secret store,
 * ExternalSecrets), {@code layers/} (the rendered charts) and a root that includes both, so that the stock
 * {@code kubectl kustomize overlays/<env>} prints the whole environment. The GitOps controller applies
 * {@code platform/} before {@code layers/}: Flux with two Kustomizations, Argo CD with the sync waves on the platform
 * objects ({@link SyncWaves}; Flux ignores the annotation).
 */
public final class OverlayRenderer implements Renderer {

    public static final String KUSTOMIZE_API = "kustomize.config.k8s.io/v1beta1";
    private static final String PREPARE = Preparation.PART;

    @Override
    public String name() {
        return "kustomize-overlay";
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        String root = Layout.overlay(env.name());
        String platform = Layout.platform(env.name());
        String layers = Layout.layers(env.name());
        String header = Layout.header(env.name(), Layout.spec(env.name()));
        List<String> parts =
                env.preparation().runs() ? List.of("platform", PREPARE, "layers") : List.of("platform", "layers");
        out.putDocument(root + "kustomization.yaml", header, kustomization(env, null, parts));

        out.putDocument(
                platform + "namespace.yaml",
                header,
                SyncWaves.at(SyncWaves.NAMESPACE, List.of(PlatformManifests.namespace(env)))
                        .get(0));
        out.putDocuments(
                platform + "storage.yaml", header, SyncWaves.at(SyncWaves.PLATFORM, PlatformManifests.storage(env)));
        out.putDocuments(
                platform + "secret-store.yaml",
                header,
                SyncWaves.at(SyncWaves.PLATFORM, PlatformManifests.secretStore(env)));
        out.putDocuments(
                platform + "external-secrets.yaml",
                header,
                SyncWaves.at(SyncWaves.SECRETS, PlatformManifests.externalSecrets(env)));
        out.putDocuments(
                platform + "certificates.yaml", header, SyncWaves.at(SyncWaves.SECRETS, Certificates.all(env)));
        List<String> platformFiles = new java.util.ArrayList<>(List.of(
                "namespace.yaml", "storage.yaml", "secret-store.yaml", "external-secrets.yaml", "certificates.yaml"));
        if (env.cloud() == io.envforge.model.Cloud.AZURE
                && io.envforge.model.GitOps.ARGOCD.equals(env.gitops().controller())) {
            // Not in the overlay's Application: its project may not write kube-system. A folder of its own, outside
            // every kustomization, synced by the kube-system Application of ArgoCdFleetRenderer (ConfigMaps only).
            out.putDocument(
                    root + io.envforge.render.argocd.ArgoCdFleetRenderer.KUBE_SYSTEM + MetricsSettings.FILE,
                    header,
                    MetricsSettings.configMap(env));
        } else if (env.cloud() == io.envforge.model.Cloud.AZURE) {
            out.putDocument(platform + MetricsSettings.FILE, header, MetricsSettings.configMap(env));
            platformFiles.add(MetricsSettings.FILE);
        }
        out.putDocument(platform + "kustomization.yaml", header, kustomization(env, null, platformFiles));

        if (env.preparation().runs()) {
            renderPreparation(env, root + PREPARE + "/", header, out);
        }

        List<String> rendered = new ArrayList<>();
        for (Layer layer : env.layers()) {
            String path = Layout.chartManifests(env.name(), layer.name());
            rendered.add(path.substring(layers.length()));
        }
        out.putDocument(layers + "kustomization.yaml", header, kustomization(env, env.namespace(), rendered));
        return out.build();
    }

    /**
     * {@code prepare/} ({@link PreparationManifests}), applied after the platform and before the layers: Flux with a
     * Kustomization of its own between them, Argo CD with the Job as a Sync hook in the last wave before the layers.
     */
    private static void renderPreparation(Environment env, String dir, String header, OutputTree.Builder out) {
        boolean argo = GitOps.ARGOCD.equals(env.gitops().controller());
        out.putDocument(
                dir + "namespace.yaml",
                header,
                SyncWaves.at(SyncWaves.NAMESPACE, List.of(PreparationManifests.namespace(env)))
                        .get(0));
        out.putDocuments(
                dir + "storage.yaml", header, SyncWaves.at(SyncWaves.PLATFORM, PreparationManifests.storage(env)));
        out.putDocuments(
                dir + "secret-store.yaml",
                header,
                SyncWaves.at(
                        SyncWaves.PLATFORM,
                        PlatformManifests.secretStore(env, env.preparation().namespace())));
        out.putDocument(
                dir + "network-policy.yaml",
                header,
                SyncWaves.at(SyncWaves.PLATFORM, List.of(PreparationManifests.networkPolicy(env)))
                        .get(0));
        out.putDocument(
                dir + "inventory.yaml",
                header,
                SyncWaves.at(SyncWaves.PLATFORM, List.of(PreparationManifests.inventory(env)))
                        .get(0));
        out.putDocuments(
                dir + "external-secrets.yaml",
                header,
                SyncWaves.at(SyncWaves.SECRETS, PreparationManifests.externalSecrets(env)));
        // Flux: no TTL, or kustomize-controller would re-create the deleted Job (drift) and re-run it every interval.
        Map<String, Object> job = PreparationManifests.job(env, argo);
        out.putDocument(dir + "job.yaml", header, argo ? SyncWaves.hook(job) : job);
        out.putDocument(
                dir + "kustomization.yaml",
                header,
                kustomization(
                        env,
                        null,
                        List.of(
                                "namespace.yaml",
                                "storage.yaml",
                                "secret-store.yaml",
                                "network-policy.yaml",
                                "inventory.yaml",
                                "external-secrets.yaml",
                                "job.yaml")));
    }

    private static Map<String, Object> kustomization(Environment env, String namespace, List<String> resources) {
        Map<String, Object> k = map("apiVersion", KUSTOMIZE_API, "kind", "Kustomization");
        if (namespace != null) {
            k.put("namespace", namespace);
        }
        k.put(
                "labels",
                List.of(map(
                        "pairs",
                        map("app.kubernetes.io/part-of", "envforge", "envforge.io/environment", env.name()),
                        "includeSelectors",
                        false)));
        k.put("resources", resources);
        return k;
    }
}
