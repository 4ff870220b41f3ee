package io.envforge.render.kustomize;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Yaml;
import io.envforge.render.helm.HelmValuesRenderer;
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

    @Override
    public String name() {
        return "kustomize-overlay";
    }

    @Override
    public void render(Environment env, OutputTree.Builder out) {
        String root = Layout.overlay(env.name());
        String platform = Layout.platform(env.name());
        String layers = Layout.layers(env.name());
        String header = Layout.header(env.name(), Layout.spec(env.name()));
        out.putDocument(root + "kustomization.yaml", header, kustomization(env, null, List.of("platform", "layers")));

        out.putDocument(platform + "namespace.yaml", header,
                SyncWaves.at(SyncWaves.NAMESPACE, List.of(PlatformManifests.namespace(env))).get(0));
        out.putDocuments(platform + "storage.yaml", header,
                SyncWaves.at(SyncWaves.PLATFORM, PlatformManifests.storage(env)));
        out.putDocuments(platform + "secret-store.yaml", header,
                SyncWaves.at(SyncWaves.PLATFORM, PlatformManifests.secretStore(env)));
        out.putDocuments(platform + "external-secrets.yaml", header,
                SyncWaves.at(SyncWaves.SECRETS, PlatformManifests.externalSecrets(env)));
        out.putDocuments(platform + "certificates.yaml", header,
                SyncWaves.at(SyncWaves.SECRETS, Certificates.all(env)));
        out.putDocument(platform + "kustomization.yaml", header, kustomization(env, null,
                List.of("namespace.yaml", "storage.yaml", "secret-store.yaml", "external-secrets.yaml",
                        "certificates.yaml")));

        List<String> rendered = new ArrayList<>();
        for (Layer layer : env.layers()) {
            String path = HelmValuesRenderer.renderedPath(env, layer);
            rendered.add(path.substring(layers.length()));
        }
        out.putDocument(layers + "kustomization.yaml", header, kustomization(env, env.namespace(), rendered));
    }

    private static Map<String, Object> kustomization(Environment env, String namespace, List<String> resources) {
        Map<String, Object> k = map("apiVersion", KUSTOMIZE_API, "kind", "Kustomization");
        if (namespace != null) {
            k.put("namespace", namespace);
        }
        k.put("labels", List.of(map("pairs", map("app.kubernetes.io/part-of", "envforge",
                "envforge.io/environment", env.name()), "includeSelectors", false)));
        k.put("resources", resources);
        return k;
    }
}
