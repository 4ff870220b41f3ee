package io.envforge.render.kustomize;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Cloud;
import io.envforge.model.Environment;
import io.envforge.model.GitOps;
import io.envforge.model.Layer;
import io.envforge.model.Nfs;
import io.envforge.model.SecretStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects the layers rely on, applied before them: the namespace, the NFS volume and claim, and the secret store
 * with one ExternalSecret per Secret the charts read. No secret value is ever written: only references.
 */
final class PlatformManifests {

    static final String ESO_API = "external-secrets.io/v1";

    private PlatformManifests() {}

    static Map<String, Object> namespace(Environment env) {
        Map<String, Object> labels = map(
                "pod-security.kubernetes.io/enforce", "restricted",
                "pod-security.kubernetes.io/enforce-version", "latest",
                "pod-security.kubernetes.io/warn", "restricted");
        if (env.cloud() == Cloud.AWS) {
            // The AWS Load Balancer Controller's webhook adds a readiness gate to pods created in namespaces so
            // labelled (config/webhook/pod_mutator_patch.yaml; docs/deploy/pod_readiness_gate.md, IP targets only):
            // a rolling update waits until the NLB sees the new pod healthy before it takes the next old one away.
            labels.put("elbv2.k8s.aws/pod-readiness-gate-inject", "enabled");
        }
        Map<String, Object> metadata = map("name", env.namespace(), "labels", labels);
        if (GitOps.FLUX.equals(env.gitops().controller())) {
            // Deleting or renaming a Kustomization, or a path change, must not garbage-collect the namespace and with
            // it every workload and PVC in it. kustomize-controller skips objects annotated so when it prunes
            // (internal/controller/kustomization_controller.go: Exclusions "<group>/prune": DisabledValue;
            // docs/spec/v1/kustomizations.md "Prune").
            metadata.put("annotations", map("kustomize.toolkit.fluxcd.io/prune", "disabled"));
        }
        return map("apiVersion", "v1", "kind", "Namespace", "metadata", metadata);
    }

    static List<Map<String, Object>> storage(Environment env) {
        return storage(env, env.nfs().volumeName(), env.namespace());
    }

    /** A volume {@code volumeName} on the environment's NFS export, pre-bound to the claim in {@code namespace}. */
    static List<Map<String, Object>> storage(Environment env, String volumeName, String namespace) {
        Nfs nfs = env.nfs();
        String size = nfs.sizeGi() + "Gi";
        Map<String, Object> pv = map(
                "apiVersion",
                "v1",
                "kind",
                "PersistentVolume",
                "metadata",
                map("name", volumeName),
                "spec",
                map(
                        "capacity", map("storage", size),
                        "accessModes", List.of("ReadWriteMany"),
                        "persistentVolumeReclaimPolicy", "Retain",
                        "storageClassName", "",
                        "mountOptions", mountOptions(env.cloud()),
                        "nfs", map("server", nfs.host(), "path", nfs.path()),
                        "claimRef", map("namespace", namespace, "name", nfs.claimName())));
        Map<String, Object> pvc = map(
                "apiVersion",
                "v1",
                "kind",
                "PersistentVolumeClaim",
                "metadata",
                map("name", nfs.claimName(), "namespace", namespace),
                "spec",
                map(
                        "accessModes",
                        List.of("ReadWriteMany"),
                        "storageClassName",
                        "",
                        "volumeName",
                        volumeName,
                        "resources",
                        map("requests", map("storage", size))));
        return List.of(pv, pvc);
    }

    /** EFS and Azure Files NFS both speak NFS 4.1; these are the options each cloud documents. */
    private static List<String> mountOptions(Cloud cloud) {
        return cloud == Cloud.AWS
                ? List.of(
                        "nfsvers=4.1", "rsize=1048576", "wsize=1048576", "hard", "timeo=600", "retrans=2", "noresvport")
                : List.of("vers=4", "minorversion=1", "sec=sys", "nconnect=4");
    }

    static List<Map<String, Object>> secretStore(Environment env) {
        return secretStore(env, env.namespace());
    }

    /** The ServiceAccount ESO authenticates as and the SecretStore, in {@code namespace}. */
    static List<Map<String, Object>> secretStore(Environment env, String namespace) {
        SecretStore store = env.secretStore();
        Map<String, Object> annotations = env.cloud() == Cloud.AWS
                ? map("eks.amazonaws.com/role-arn", store.awsRoleArn())
                : map(
                        "azure.workload.identity/client-id",
                        store.azureClientId(),
                        "azure.workload.identity/tenant-id",
                        store.azureTenantId());
        Map<String, Object> metadata = map("name", store.serviceAccount(), "namespace", namespace);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        if (env.cloud() == Cloud.AZURE) {
            metadata.put("labels", map("azure.workload.identity/use", "true"));
        }
        Map<String, Object> account = map(
                "apiVersion",
                "v1",
                "kind",
                "ServiceAccount",
                "metadata",
                metadata,
                "automountServiceAccountToken",
                false);
        Map<String, Object> provider = env.cloud() == Cloud.AWS
                ? map(
                        "aws",
                        map(
                                "service",
                                "SecretsManager",
                                "region",
                                store.awsRegion(),
                                "auth",
                                map("jwt", map("serviceAccountRef", map("name", store.serviceAccount())))))
                : map(
                        "azurekv",
                        map(
                                "authType",
                                "WorkloadIdentity",
                                "vaultUrl",
                                store.azureVaultUrl(),
                                "serviceAccountRef",
                                map("name", store.serviceAccount())));
        Map<String, Object> secretStore = map(
                "apiVersion",
                ESO_API,
                "kind",
                "SecretStore",
                "metadata",
                map("name", SecretStore.NAME, "namespace", namespace),
                "spec",
                map("provider", provider));
        return List.of(account, secretStore);
    }

    static List<Map<String, Object>> externalSecrets(Environment env) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Layer layer : env.layers()) {
            out.add(externalSecret(
                    env.namespace(),
                    layer.dbSecret(),
                    map(
                            "data",
                            List.of(
                                    property("username", layer.remoteDbSecret()),
                                    property("password", layer.remoteDbSecret())))));
            // One Kubernetes Secret from three secret store entries (admin credentials, keystore password,
            // encryption key), each rotated on its own (model.LayerSecrets). ESO merges the dataFrom entries in order,
            // a later key overwriting an earlier one (external-secrets, pkg/controllers/externalsecret,
            // getProviderSecretData: utils.MergeByteMap per entry).
            out.add(externalSecret(
                    env.namespace(),
                    layer.internalSecret(),
                    map(
                            "dataFrom",
                            List.of(
                                    map("extract", map("key", layer.remoteInternalSecret())),
                                    map("extract", map("key", layer.secrets().remoteKeystoreSecret())),
                                    map("extract", map("key", layer.secrets().remoteEncryptionSecret()))))));
        }
        return out;
    }

    static Map<String, Object> property(String key, String remote) {
        return map("secretKey", key, "remoteRef", map("key", remote, "property", key));
    }

    static Map<String, Object> externalSecret(String namespace, String name, Map<String, Object> source) {
        Map<String, Object> spec = map(
                "refreshInterval", "1h",
                "secretStoreRef", map("kind", "SecretStore", "name", SecretStore.NAME),
                "target", map("name", name, "creationPolicy", "Owner"));
        spec.putAll(source);
        return map(
                "apiVersion",
                ESO_API,
                "kind",
                "ExternalSecret",
                "metadata",
                map("name", name, "namespace", namespace),
                "spec",
                spec);
    }
}
