package io.envforge.model;

import java.util.List;

/**
 * Where the environment's logs and metrics go, and for how long logs are kept. Both layers write to stdout/stderr
 * (the charts route API Manager's access log and analytics events there); the cloud's node agent ships every
 * container's output to the log service, and the managed Prometheus scrapes Micro Integrator's metrics.
 *
 * <ul>
 *   <li>AWS: the EKS add-on {@code amazon-cloudwatch-observability} (CloudWatch agent and Fluent Bit) writes
 *       container logs to {@code /aws/containerinsights/<cluster>/application} and node logs to {@code .../host}
 *       and {@code .../dataplane}, performance events to {@code .../performance} ("Send logs to CloudWatch Logs",
 *       Container Insights docs); Terraform creates these groups first, with the retention below, so the agent
 *       finds them instead of creating them without one.</li>
 *   <li>Azure: AKS's monitoring add-on (Container Insights, {@code oms_agent}) writes {@code ContainerLogV2} to the
 *       environment's Log Analytics workspace, whose retention is the one below.</li>
 * </ul>
 *
 * @param logRetentionDays how long the log service keeps the logs
 * @param cluster the cluster's name, which the AWS log group names carry
 * @param workspace Azure: the Log Analytics workspace's name
 * @param metricsWorkspace the managed Prometheus workspace: AWS its alias, Azure the Azure Monitor workspace's name
 */
public record Observability(int logRetentionDays, String cluster, String workspace, String metricsWorkspace) {

    /** The retention when neither the spec nor the platform file sets one: valid on both clouds. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;

    /**
     * The values CloudWatch Logs accepts for a log group's retention (PutRetentionPolicy, retentionInDays; the aws
     * provider's {@code internal/service/logs/group.go} validates the same list). 0, "never expire", is left out:
     * a retention is what the spec asks for.
     */
    public static final List<Integer> CLOUDWATCH_RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /**
     * A Log Analytics workspace of the pay-as-you-go SKU (PerGB2018) keeps data 30 to 730 days (azurerm
     * {@code azurerm_log_analytics_workspace} retention_in_days: "7 (Free Tier only) or range between 30 and 730").
     */
    public static final int AZURE_MIN_RETENTION_DAYS = 30;

    public static final int AZURE_MAX_RETENTION_DAYS = 730;

    public Observability {
        Checks.atLeast("observability.logRetentionDays", logRetentionDays, 1);
        Checks.notBlank("observability.cluster", cluster);
        Checks.notBlank("observability.workspace", workspace);
        Checks.notBlank("observability.metricsWorkspace", metricsWorkspace);
    }

    static Observability of(int logRetentionDays, CloudNames names) {
        return new Observability(logRetentionDays, names.prefix(), "log-" + names.prefix(), "prom-" + names.prefix());
    }

    /** AWS: the Container Insights log groups, {@code application} (both layers' containers) first. */
    public List<String> logGroups() {
        return List.of("application", "dataplane", "host", "performance").stream()
                .map(kind -> "/aws/containerinsights/" + cluster + "/" + kind)
                .toList();
    }

    /** Whether {@code days} is a retention the cloud's log service accepts. */
    public static boolean accepted(Cloud cloud, int days) {
        return cloud == Cloud.AWS
                ? CLOUDWATCH_RETENTION_DAYS.contains(days)
                : days >= AZURE_MIN_RETENTION_DAYS && days <= AZURE_MAX_RETENTION_DAYS;
    }
}
