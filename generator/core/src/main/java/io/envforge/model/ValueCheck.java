package io.envforge.model;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.spec.EnvironmentSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses values the cluster or the cloud would refuse only at apply time, naming the file that set them (the spec,
 * or the platform file's defaults): an NFS size no share can have, the other cloud's region, a request above its
 * limit, an image repository that carries a tag or a scheme.
 */
final class ValueCheck {

    /**
     * The largest NFS size, in GiB: an Azure file share holds at most 100 TiB (Azure Files scalability and performance
     * targets, "Maximum size of a file share"). An EFS file system grows by itself; its volume's capacity is nominal.
     */
    static final long MAX_NFS_GI = 102_400;
    /**
     * AWS region codes are {@code <area>-<direction>-<n>} ({@code eu-west-1}, {@code us-gov-west-1}); Azure region
     * names have no dashes ({@code westeurope}, {@code eastus2}).
     */
    static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    static final Pattern AZURE_REGION = Pattern.compile("[a-z][a-z0-9]{2,30}");

    private static final List<String> LAYERS = List.of("api", "integration");
    private static final List<String> RESOURCES = List.of("cpu", "memory");

    private final EnvironmentSpec spec;
    private final String platformFile;
    private final SpecValues eff;

    ValueCheck(EnvironmentSpec spec, String platformFile, SpecValues eff) {
        this.spec = spec;
        this.platformFile = platformFile;
        this.eff = eff;
    }

    /** Throws the first problem found; {@code region} is the one in effect for {@code cloud}. */
    void check(Cloud cloud, String region) {
        nfsSize(eff.string("nfs.size"));
        region(cloud, region);
        layers();
        logRetention(cloud);
    }

    /** {@code observability.logRetentionDays}: a value the cloud's log service accepts ({@link Observability}). */
    private void logRetention(Cloud cloud) {
        Object days = eff.get("observability.logRetentionDays");
        if (days == null || Observability.accepted(cloud, ((Number) days).intValue())) {
            return;
        }
        int value = ((Number) days).intValue();
        if (cloud == Cloud.AWS) {
            int next = Observability.CLOUDWATCH_RETENTION_DAYS.stream()
                    .filter(d -> d >= value)
                    .findFirst()
                    .orElse(3653);
            throw fail(
                    "observability.logRetentionDays",
                    String.valueOf(value),
                    "is not a retention CloudWatch Logs accepts ("
                            + Observability.CLOUDWATCH_RETENTION_DAYS.toString().replaceAll("[\\[\\]]", "") + ")",
                    "use one of those, for example " + next);
        }
        throw fail(
                "observability.logRetentionDays",
                String.valueOf(value),
                "is outside 30..730, what a Log Analytics workspace (PerGB2018) keeps",
                "for example "
                        + Math.max(
                                Observability.AZURE_MIN_RETENTION_DAYS,
                                Math.min(value, Observability.AZURE_MAX_RETENTION_DAYS)));
    }

    /** {@code nfs.size} ({@code <n>Gi} by the schema) within 1..{@link #MAX_NFS_GI}. */
    private void nfsSize(String size) {
        String digits = size.substring(0, size.length() - "Gi".length());
        if (digits.length() > 6 || Long.parseLong(digits) > MAX_NFS_GI) {
            throw fail(
                    "nfs.size",
                    size,
                    "is larger than " + MAX_NFS_GI + "Gi, the largest Azure file share (100 TiB)",
                    "for example 50Gi");
        }
    }

    /** The other cloud's region name is refused here rather than by the provider at apply time. */
    private void region(Cloud cloud, String region) {
        boolean aws = cloud == Cloud.AWS;
        if (!(aws ? AWS_REGION : AZURE_REGION).matcher(region).matches()) {
            String path = spec.spec().containsKey("region") ? "region" : "region." + cloud.id();
            throw fail(
                    path,
                    region,
                    "is not " + (aws ? "an AWS region code" : "an Azure region name") + " (the environment is on "
                            + cloud.id() + ")",
                    aws ? "for example eu-west-1" : "for example westeurope");
        }
    }

    /**
     * {@code preparation.image}: on AWS the Job needs the account, both for the image's default repository (the
     * account's registry) and for the RDS instance ARN by which the admin's ExternalSecret finds RDS's managed secret.
     */
    void preparation(Cloud cloud, boolean awsAccountKnown) {
        Object image = eff.get("preparation.image");
        if (image != null && cloud == Cloud.AWS && !awsAccountKnown) {
            throw fail(
                    "preparation.image",
                    image.toString(),
                    "needs the AWS account: the runner's registry and the "
                            + "RDS instance whose managed admin secret the Job reads are the account's",
                    "set spec.aws.accountId in " + platformFile + ", or remove preparation.image");
        }
    }

    private void layers() {
        for (String layer : LAYERS) {
            String p = "layers." + layer + ".";
            for (String resource : RESOURCES) {
                String request = eff.string(p + "resources.requests." + resource);
                String limit = eff.string(p + "resources.limits." + resource);
                if (quantity(request).compareTo(quantity(limit)) > 0) {
                    String path = p + "resources.requests." + resource;
                    throw fail(
                            path,
                            request,
                            "is above its limit " + limit + " (" + where(p + "resources.limits." + resource)
                                    + "); Kubernetes refuses a request above the limit",
                            "lower the request or raise the limit");
                }
            }
            String repository = eff.string(p + "image.repository");
            int lastSlash = repository.lastIndexOf('/');
            if (repository.contains("://")) {
                throw fail(
                        p + "image.repository",
                        repository,
                        "has a scheme; an image reference has none",
                        "write it as registry/path, e.g. docker.io/wso2/wso2am");
            }
            if (repository.indexOf(':', lastSlash + 1) >= 0) {
                throw fail(
                        p + "image.repository",
                        repository,
                        "has a tag; the tag goes in image.tag",
                        "write the repository without :tag and set " + where(p + "image.tag"));
            }
        }
    }

    /**
     * A Kubernetes quantity as a number: decimal suffixes m, k, M, G, T and binary Ki, Mi, Gi, Ti (k8s.io/apimachinery
     * pkg/api/resource/quantity.go); the schemas allow only these forms.
     */
    static BigDecimal quantity(String text) {
        String[][] suffixes = {
            {"Ki", "1024"},
            {"Mi", "1048576"},
            {"Gi", "1073741824"},
            {"Ti", "1099511627776"},
            {"m", "0.001"},
            {"k", "1000"},
            {"M", "1000000"},
            {"G", "1000000000"},
            {"T", "1000000000000"}
        };
        for (String[] s : suffixes) {
            if (text.endsWith(s[0])) {
                return new BigDecimal(text.substring(0, text.length() - s[0].length())).multiply(new BigDecimal(s[1]));
            }
        }
        return new BigDecimal(text);
    }

    /** The file and path that set {@code path} (relative to spec / spec.defaults). */
    private String where(String path) {
        return isSetInSpec(path) ? spec.file() + " spec." + path : platformFile + " spec.defaults." + path;
    }

    private EnvforgeException fail(String path, String value, String message, String fix) {
        boolean own = isSetInSpec(path);
        return new EnvforgeException(new Problem(
                own ? spec.file() : platformFile, (own ? "spec." : "spec.defaults.") + path, value, message, fix));
    }

    private boolean isSetInSpec(String path) {
        return new SpecValues(spec.spec()).get(path) != null;
    }
}
