package io.envforge.render.kustomize;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Cloud;
import io.envforge.model.Database;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.model.Preparation;
import io.envforge.network.Cidr;
import io.envforge.render.Yaml;
import io.envforge.render.ansible.AnsibleRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code overlays/<env>/prepare/}: the namespace {@code <env>-prepare} (PodSecurity {@code baseline}), its own
 * ServiceAccount and SecretStore, the ExternalSecrets of the database admin and the layers' users, a second
 * PersistentVolume and claim on the same NFS export as the layers', a NetworkPolicy, and the Job that runs
 * {@code ansible/playbooks/prepare.yml} with every secret from the environment (ansible/README.md).
 *
 * <p>Why a namespace of its own: the layers' namespace enforces {@code restricted}, which requires
 * {@code runAsNonRoot} and allows adding no capability but NET_BIND_SERVICE; the NFS part must chown folders to the
 * layers' uids (10001, 802) below a root-owned share. {@code baseline} allows running as uid 0 and adding CHOWN,
 * FOWNER and DAC_OVERRIDE (kubernetes.io/docs/concepts/security/pod-security-standards, Baseline "Capabilities":
 * allowed AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP,
 * SETUID, SYS_CHROOT; "Running as Non-root" is a Restricted control only).
 */
final class PreparationManifests {

    static final String JOB_PREFIX = "prepare-";
    static final String INVENTORY = "prepare-inventory";
    static final String ADMIN_SECRET = "database-admin";
    /** Where the runner image holds this repository's {@code ansible/} folder (README: what the image must contain). */
    static final String ANSIBLE_HOME = Preparation.ANSIBLE_HOME;

    static final String SHARE_MOUNT = "/mnt/share";
    /** PostgreSQL on RDS and Azure Flexible Server; NFS 4.1 on EFS and Azure Files: one TCP port, 2049. */
    static final int NFS_PORT = 2049;

    private PreparationManifests() {}

    static Map<String, Object> namespace(Environment env) {
        // enforce baseline, and warn/audit at restricted so that what baseline lets through stays visible.
        return map(
                "apiVersion",
                "v1",
                "kind",
                "Namespace",
                "metadata",
                map(
                        "name",
                        env.preparation().namespace(),
                        "labels",
                        map(
                                "pod-security.kubernetes.io/enforce",
                                "baseline",
                                "pod-security.kubernetes.io/enforce-version",
                                "latest",
                                "pod-security.kubernetes.io/warn",
                                "restricted",
                                "pod-security.kubernetes.io/audit",
                                "restricted")));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> externalSecrets(Environment env) {
        String ns = env.preparation().namespace();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> source = adminSource(env);
        Object template = source.remove("template");
        Map<String, Object> admin = PlatformManifests.externalSecret(ns, ADMIN_SECRET, source);
        if (template != null) {
            // ESO renders the target Secret's keys from the fetched data (spec.target.template, engine v2).
            ((Map<String, Object>) ((Map<String, Object>) admin.get("spec")).get("target")).put("template", template);
        }
        out.add(admin);
        for (Layer layer : env.layers()) {
            out.add(PlatformManifests.externalSecret(
                    ns,
                    layer.dbSecret(),
                    map(
                            "data",
                            List.of(
                                    PlatformManifests.property("username", layer.remoteDbSecret()),
                                    PlatformManifests.property("password", layer.remoteDbSecret())))));
        }
        return out;
    }

    /**
     * The admin's user name and password. Azure: the Key Vault secret holds both. AWS: the admin entry holds the user
     * name and the ARN of RDS's managed secret, which exists only after stage 1's apply and cannot be written into
     * Git, and ESO cannot follow a reference from one secret to another. RDS tags its managed secret
     * {@code aws:rds:primaryDBInstanceArn = <instance ARN>} (RDS User Guide, "Password management with Amazon RDS and
     * AWS Secrets Manager"), and the instance ARN is known from the model, so a {@code find} by that tag (ESO's AWS
     * provider lists secrets with tag-key/tag-value filters: ListSecrets) returns it as one key, renamed to
     * {@code rds}, whose JSON the template reads.
     */
    private static Map<String, Object> adminSource(Environment env) {
        Database db = env.database();
        if (env.cloud() != Cloud.AWS) {
            return map(
                    "data",
                    List.of(
                            PlatformManifests.property("username", db.adminSecret()),
                            PlatformManifests.property("password", db.adminSecret())));
        }
        String instanceArn =
                "arn:aws:rds:" + env.region() + ":" + env.account().awsAccountId() + ":db:" + db.identifier();
        return map(
                "data",
                List.of(map(
                        "secretKey", "username", "remoteRef", map("key", db.adminSecret(), "property", "username"))),
                "dataFrom",
                List.of(map(
                        "find", map("tags", map("aws:rds:primaryDBInstanceArn", instanceArn)),
                        "rewrite", List.of(map("regexp", map("source", ".*", "target", "rds"))))),
                "template",
                map(
                        "engineVersion",
                        "v2",
                        "data",
                        map(
                                "username", "{{ .username }}",
                                "password", "{{ (.rds | mustFromJson).password }}")));
    }

    /** The same export as the layers' volume, through a PersistentVolume of its own (a claim binds one volume). */
    static List<Map<String, Object>> storage(Environment env) {
        return PlatformManifests.storage(
                env, env.nfs().volumeName() + "-prepare", env.preparation().namespace());
    }

    static Map<String, Object> inventory(Environment env) {
        return map(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                map("name", INVENTORY, "namespace", env.preparation().namespace()),
                "data",
                map(
                        AnsibleRenderer.HOSTS,
                        Yaml.dump(AnsibleRenderer.hosts(env)),
                        "all.yml",
                        Yaml.dump(AnsibleRenderer.vars(env))));
    }

    /**
     * Egress only to DNS, the database's port and NFS in the data subnets; no ingress. The Job itself calls no secret
     * store: the External Secrets controller does, from its own namespace.
     */
    static Map<String, Object> networkPolicy(Environment env) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Cidr subnet : env.network().data()) {
            data.add(map("ipBlock", map("cidr", subnet.toString())));
        }
        return map(
                "apiVersion",
                "networking.k8s.io/v1",
                "kind",
                "NetworkPolicy",
                "metadata",
                map("name", "prepare", "namespace", env.preparation().namespace()),
                "spec",
                map(
                        "podSelector",
                        map(),
                        "policyTypes",
                        List.of("Ingress", "Egress"),
                        "egress",
                        List.of(
                                map(
                                        "to",
                                        List.of(map(
                                                "namespaceSelector",
                                                map("matchLabels", map("kubernetes.io/metadata.name", "kube-system")))),
                                        "ports",
                                        List.of(
                                                map("protocol", "UDP", "port", 53),
                                                map("protocol", "TCP", "port", 53))),
                                map(
                                        "to",
                                        data,
                                        "ports",
                                        List.of(
                                                map(
                                                        "protocol",
                                                        "TCP",
                                                        "port",
                                                        env.database().port()),
                                                map("protocol", "TCP", "port", NFS_PORT))))));
    }

    /**
     * The Job's name carries a digest of what it runs (runner and product images, inventory): a Job's pod template is immutable, so a
     * change must make a new Job, which the GitOps controller creates while pruning the old one; an unchanged input
     * keeps the completed Job and nothing re-runs.
     */
    static String jobName(Environment env) {
        StringBuilder inputs = new StringBuilder(env.preparation().image()).append('\n');
        for (Layer layer : env.layers()) {
            inputs.append(layer.image().reference()).append('\n');
        }
        inputs.append(Yaml.dump(inventory(env)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(inputs.toString().getBytes(StandardCharsets.UTF_8));
            return JOB_PREFIX + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> job(Environment env, boolean ttl) {
        Preparation prep = env.preparation();
        Map<String, Object> vars = AnsibleRenderer.vars(env);
        List<Map<String, Object>> envVars = new ArrayList<>(List.of(
                secretEnv("ENVFORGE_DB_ADMIN_USER", ADMIN_SECRET, "username"),
                secretEnv("ENVFORGE_DB_ADMIN_PASSWORD", ADMIN_SECRET, "password")));
        for (Layer layer : env.layers()) {
            envVars.add(secretEnv(
                    "ENVFORGE_DB_PASSWORD_" + layer.dbUser().toUpperCase(java.util.Locale.ROOT),
                    layer.dbSecret(),
                    "password"));
        }
        envVars.add(map("name", "ENVFORGE_NFS_ROOT", "value", SHARE_MOUNT));
        List<ProductScripts> schemas = ProductScripts.of(env, vars);
        for (ProductScripts sql : schemas) {
            envVars.add(map("name", sql.envVar(), "value", sql.dir()));
        }
        // Read-only root: Ansible writes only below HOME (~/.ansible/tmp) and its local temp, both on an emptyDir.
        envVars.add(map("name", "HOME", "value", "/tmp"));
        envVars.add(map("name", "ANSIBLE_LOCAL_TEMP", "value", "/tmp/.ansible/tmp"));
        Map<String, Object> container = map(
                "name",
                "ansible",
                "image",
                prep.image(),
                "workingDir",
                ANSIBLE_HOME,
                "command",
                List.of(
                        "ansible-playbook",
                        "-i",
                        "/inventory/" + AnsibleRenderer.HOSTS,
                        "playbooks/prepare.yml",
                        "-e",
                        "@in-cluster-vars.yml",
                        "-e",
                        "nfs_share_manage_accounts=false"),
                "env",
                envVars,
                // uid 0 without SETUID/SETGID: the playbook chowns (CHOWN), sets modes on folders it then owns by
                // someone else (FOWNER) and writes into them (DAC_OVERRIDE); it creates no account in the pod
                // (nfs_share_manage_accounts=false) and never changes its own uid.
                "securityContext",
                map(
                        "runAsUser",
                        0,
                        "runAsNonRoot",
                        false,
                        "allowPrivilegeEscalation",
                        false,
                        "readOnlyRootFilesystem",
                        true,
                        "capabilities",
                        map("drop", List.of("ALL"), "add", List.of("CHOWN", "FOWNER", "DAC_OVERRIDE"))),
                "resources",
                map("requests", map("cpu", "100m", "memory", "256Mi"), "limits", map("memory", "512Mi")),
                "volumeMounts",
                mounts(schemas));
        Map<String, Object> pod = map(
                "restartPolicy",
                "Never",
                "automountServiceAccountToken",
                false,
                "securityContext",
                map("seccompProfile", map("type", "RuntimeDefault")),
                "initContainers",
                schemas.stream().map(ProductScripts::initContainer).toList(),
                "containers",
                List.of(container),
                "volumes",
                volumes(env, schemas));
        Map<String, Object> spec = map("backoffLimit", 2, "activeDeadlineSeconds", 900);
        if (ttl) {
            spec.put("ttlSecondsAfterFinished", 86400);
        }
        spec.put(
                "template",
                map("metadata", map("labels", map("app.kubernetes.io/name", "envforge-prepare")), "spec", pod));
        return map(
                "apiVersion",
                "batch/v1",
                "kind",
                "Job",
                "metadata",
                map("name", jobName(env), "namespace", prep.namespace()),
                "spec",
                spec);
    }

    private static List<Map<String, Object>> mounts(List<ProductScripts> schemas) {
        List<Map<String, Object>> out = new ArrayList<>(List.of(
                map("name", "share", "mountPath", SHARE_MOUNT),
                map("name", "inventory", "mountPath", "/inventory", "readOnly", true),
                map("name", "tmp", "mountPath", "/tmp")));
        for (ProductScripts sql : schemas) {
            out.add(map("name", sql.volume(), "mountPath", sql.dir(), "readOnly", true));
        }
        return out;
    }

    private static List<Map<String, Object>> volumes(Environment env, List<ProductScripts> schemas) {
        List<Map<String, Object>> out = new ArrayList<>(List.of(
                map(
                        "name",
                        "share",
                        "persistentVolumeClaim",
                        map("claimName", env.nfs().claimName())),
                map(
                        "name",
                        "inventory",
                        "configMap",
                        map(
                                "name",
                                INVENTORY,
                                "items",
                                List.of(
                                        map("key", AnsibleRenderer.HOSTS, "path", AnsibleRenderer.HOSTS),
                                        map("key", "all.yml", "path", AnsibleRenderer.VARS)))),
                map("name", "tmp", "emptyDir", map())));
        for (ProductScripts sql : schemas) {
            out.add(map("name", sql.volume(), "emptyDir", map()));
        }
        return out;
    }

    private static Map<String, Object> secretEnv(String name, String secret, String key) {
        return map("name", name, "valueFrom", map("secretKeyRef", map("name", secret, "key", key)));
    }
}
