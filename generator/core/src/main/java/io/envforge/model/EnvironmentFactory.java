package io.envforge.model;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.NetworkPlan;
import io.envforge.spec.SpecReader;
import java.util.List;
import java.util.Map;

/** Derives every name and value of an {@link Environment} once defaults are applied. */
final class EnvironmentFactory {

    private final SpecValues platform;
    private final String platformName;
    private final String name;
    private final Cloud cloud;
    private final String region;
    private final NetworkPlan plan;
    private final SpecValues eff;
    private final Account placed;

    @SuppressWarnings("unchecked")
    EnvironmentFactory(
            SpecValues platform,
            Map<String, Object> platformDoc,
            String name,
            Cloud cloud,
            String region,
            NetworkPlan plan,
            SpecValues eff,
            Account placed) {
        this.platform = platform;
        this.platformName = String.valueOf(((Map<String, Object>) platformDoc.get("metadata")).get("name"));
        this.name = name;
        this.cloud = cloud;
        this.region = region;
        this.plan = plan;
        this.eff = eff;
        this.placed = placed;
    }

    Environment build(OnPrem onPrem, List<Backend> declaredBackends) {
        String internalZone = name + "." + platform.string("internalDomain");
        CloudNames names = CloudNames.of(platformName, name);
        return new Environment(
                name,
                cloud,
                region,
                zones(),
                plan,
                onPrem,
                connectivity(),
                internalZone,
                "api." + name + "." + platform.string("apiDomain"),
                layer("api", Layer.API, 8243, List.of("apim_db", "shared_db"), "apim_user"),
                layer("integration", Layer.INTEGRATION, 8290, List.of("mi_db"), "mi_user"),
                nfs(internalZone, names),
                database(internalZone),
                secretStore(names),
                new GitOps(
                        eff.string("gitops.controller"),
                        platform.string("git.url"),
                        platform.string("git.branch"),
                        flag("gitops.prune"),
                        flag("gitops.selfHeal"),
                        flag("gitops.fluxArtifacts")),
                names,
                state(names),
                account(),
                backends(onPrem, declaredBackends),
                clusterNodes(),
                Observability.of(logRetentionDays(), names),
                egress(),
                preparation());
    }

    /**
     * The preparation Job's runner: {@code preparation.image} as given, or, when it is only a digest
     * ({@code @sha256:...}), that digest of the environment's own registry repository {@code ansible-runner}.
     */
    private Preparation preparation() {
        if (!(eff.get("preparation.image") instanceof String image)) {
            return Preparation.of(name, null);
        }
        if (!image.startsWith("@")) {
            return Preparation.of(name, image);
        }
        String host = cloud == Cloud.AWS
                ? placed.id() + ".dkr.ecr." + region + ".amazonaws.com"
                : CloudNames.of(platformName, name).registry() + ".azurecr.io";
        String prefix = cloud == Cloud.AWS ? CloudNames.of(platformName, name).prefix() + "/" : "";
        return Preparation.of(name, host + "/" + prefix + Registry.PREPARATION_IMAGE + image);
    }

    /** The on-prem networks on every port (the integrations' usual backends), then the declared ones. */
    private static List<Backend> backends(OnPrem onPrem, List<Backend> declared) {
        List<Backend> out = new java.util.ArrayList<>();
        onPrem.cidrs().forEach(c -> out.add(new Backend(c, List.of())));
        out.addAll(declared);
        return out;
    }

    /** The node pool: the spec, else the platform file's spec.defaults.cluster, else the platform defaults. */
    private ClusterNodes clusterNodes() {
        Object size = eff.get("cluster.nodeSize");
        Object min = eff.get("cluster.nodes.min");
        Object max = eff.get("cluster.nodes.max");
        int lowest = min == null ? ClusterNodes.DEFAULT_MIN : ((Number) min).intValue();
        int highest = max == null ? Math.max(lowest, ClusterNodes.DEFAULT_MAX) : ((Number) max).intValue();
        if (highest < lowest) {
            throw new EnvforgeException(new Problem(
                    SpecReader.fileOf(name),
                    "spec.cluster.nodes",
                    "min " + lowest + ", max " + highest,
                    "max is below min",
                    "set max to at least min, for example {min: " + lowest + ", max: " + Math.max(lowest, 6) + "}"));
        }
        return new ClusterNodes(size == null ? ClusterNodes.DEFAULT_SIZE : String.valueOf(size), lowest, highest);
    }

    /** {@code observability.logRetentionDays}: the spec, else the platform file's defaults, else 30 days. */
    private int logRetentionDays() {
        Object days = eff.get("observability.logRetentionDays");
        return days == null ? Observability.DEFAULT_LOG_RETENTION_DAYS : ((Number) days).intValue();
    }

    /** The environment's own account or subscription ({@code spec.account}), the platform's for the other cloud. */
    private CloudAccount account() {
        return new CloudAccount(
                cloud == Cloud.AWS ? placed.id() : platform.string("aws.accountId"),
                platform.string("aws.transitGatewayId"),
                cloud == Cloud.AZURE ? placed.id() : platform.string("azure.subscriptionId"),
                platform.string("azure.hubVnetId"));
    }

    private boolean flag(String path) {
        return !Boolean.FALSE.equals(eff.get(path));
    }

    private List<String> zones() {
        return cloud == Cloud.AWS ? List.of(region + "a", region + "b") : List.of("1", "2");
    }

    private String connectivity() {
        String value = platform.string("connectivity");
        return value == null ? "vpn" : value;
    }

    /** The platform's {@code spec.egress}; private endpoints when not set. */
    private String egress() {
        String value = platform.string("egress");
        return value == null ? Environment.EGRESS_ENDPOINTS : value;
    }

    private Layer layer(String key, String layerName, int port, List<String> databases, String dbUser) {
        String p = "layers." + key + ".";
        Resources resources = new Resources(
                eff.string(p + "resources.requests.cpu"),
                eff.string(p + "resources.requests.memory"),
                eff.string(p + "resources.limits.cpu"),
                eff.string(p + "resources.limits.memory"));
        String r = "secrets.rotation." + key + ".";
        LayerSecrets secrets = new LayerSecrets(
                remoteKey(layerName + "/keystore"),
                remoteKey(layerName + "/encryption"),
                counter(r + "database"),
                counter(r + "admin"),
                counter(r + "keystore"),
                counter("secrets.encryptionKey." + key));
        return new Layer(
                layerName,
                eff.integer(p + "replicas"),
                new Image(
                        eff.string(p + "image.repository"),
                        eff.string(p + "image.tag"),
                        eff.string(p + "image.digest")),
                resources,
                port,
                databases,
                dbUser,
                layerName + "-db",
                layerName + "-internal",
                remoteKey(layerName + "/db"),
                remoteKey(layerName + "/internal"),
                secrets);
    }

    /** A rotation counter of the spec; 1 when not set. */
    private int counter(String path) {
        Object value = eff.get(path);
        return value == null ? 1 : ((Number) value).intValue();
    }

    /** Secret store key: a path in AWS Secrets Manager, a dash-separated name in the environment's Key Vault. */
    private String remoteKey(String suffix) {
        return cloud == Cloud.AWS
                ? CloudNames.of(platformName, name).secretPrefix() + suffix
                : suffix.replace('/', '-');
    }

    private Nfs nfs(String internalZone, CloudNames names) {
        String size = eff.string("nfs.size");
        int sizeGi = Integer.parseInt(size.substring(0, size.length() - "Gi".length()));
        String path = cloud == Cloud.AWS ? "/" : "/" + names.storageAccount() + "/" + names.share();
        return new Nfs(sizeGi, "nfs." + internalZone, path, name + "-shared-nfs", "shared-nfs");
    }

    private Database database(String internalZone) {
        String engine = eff.string("database.engine");
        return new Database(
                engine,
                eff.string("database.version"),
                eff.string("database.size"),
                eff.integer("database.storageGb"),
                "db." + internalZone,
                Database.POSTGRES_PORT,
                "envforge-" + name + "-db",
                remoteKey("database/admin"),
                counter("secrets.rotation.databaseAdmin"));
    }

    private SecretStore secretStore(CloudNames names) {
        String account = "envforge-secrets-reader";
        if (cloud == Cloud.AWS) {
            String accountId = placed.id();
            String arn = accountId == null ? null : "arn:aws:iam::" + accountId + ":role/" + names.secretsReader();
            return new SecretStore(account, region, arn, null, null, null);
        }
        return new SecretStore(
                account,
                null,
                null,
                "https://" + names.keyVault() + ".vault.azure.net/",
                eff.string("secrets.azureClientId"),
                platform.string("azure.tenantId"));
    }

    private TerraformState state(CloudNames names) {
        if (cloud == Cloud.AWS) {
            String bucket = platform.string("aws.stateBucket");
            // One bucket lives in one region: an S3 backend pointed at another region cannot reach it, so the
            // backend's region is the bucket's (defaults to the platform's default AWS region), not the environment's.
            String bucketRegion = platform.string("aws.stateRegion");
            return new TerraformState(
                    bucket == null ? "envforge-terraform-state" : bucket,
                    "envforge/" + name + "/terraform.tfstate",
                    null,
                    null,
                    bucketRegion == null ? platform.string("defaults.region.aws") : bucketRegion);
        }
        String account = platform.string("azure.stateStorageAccount");
        String group = platform.string("azure.stateResourceGroup");
        return new TerraformState(
                "tfstate",
                "envforge/" + name + ".tfstate",
                account == null ? "envforgetfstate" : account,
                group == null ? "rg-envforge-tfstate" : group,
                null);
    }
}
