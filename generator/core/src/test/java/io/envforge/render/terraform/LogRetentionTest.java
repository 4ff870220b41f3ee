package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The log service keeps the environment's logs as long as {@code spec.observability.logRetentionDays} says (30 days
 * when neither the spec nor the platform file sets it), in the groups / workspace the node agent writes to.
 */
class LogRetentionTest {

    @ParameterizedTest(name = "{0}: {1} days")
    @CsvSource({Roots.AWS + ",30", Roots.AWS_OTHER_REGION + ",365"})
    void cloudWatchLogGroupsOfTheAddOnKeepLogsForTheSpecsRetention(String env, int days) {
        Config root = Parsed.dir(Roots.root(env));
        JsonNode call = root.module("observability");
        assertEquals(days, call.path("log_retention_days").asInt());
        assertEquals("${module.cluster.cluster_name}", call.path("cluster_name").asText());
        assertEquals(days, root.module("cluster").path("log_retention_days").asInt());
        Config cluster = ManifestWiringTest.module(env, "cluster");
        JsonNode controlPlane = cluster.resource("aws_cloudwatch_log_group", "control_plane");
        assertEquals("/aws/eks/${var.name}/cluster", controlPlane.path("name").asText());
        assertEquals(
                "${var.log_retention_days}",
                controlPlane.path("retention_in_days").asText());
        assertTrue(cluster.resource("aws_eks_cluster", "this")
                .path("depends_on")
                .toString()
                .contains("aws_cloudwatch_log_group.control_plane"));
        Config module = ManifestWiringTest.module(env, "observability");
        JsonNode groups = module.resource("aws_cloudwatch_log_group", "container_insights");
        assertEquals(
                "${var.log_retention_days}", groups.path("retention_in_days").asText());
        // The names Fluent Bit and the agent of amazon-cloudwatch-observability write to (Container Insights docs).
        assertEquals(
                "/aws/containerinsights/${var.cluster_name}/${each.key}",
                groups.path("name").asText());
        assertTrue(
                groups.path("for_each").asText().contains("\"application\""),
                groups.path("for_each").asText());
        JsonNode addon = module.resource("aws_eks_addon", "cloudwatch_observability");
        assertEquals("amazon-cloudwatch-observability", addon.path("addon_name").asText());
        // Created before the add-on, or the agent creates them first without a retention.
        assertTrue(addon.path("depends_on").toString().contains("aws_cloudwatch_log_group.container_insights"));
        assertEquals(
                "${aws_iam_role.cloudwatch_agent.arn}",
                addon.path("service_account_role_arn").asText());
        String trust = module.resource("aws_iam_role", "cloudwatch_agent")
                .path("assume_role_policy")
                .asText();
        assertTrue(trust.contains("system:serviceaccount:amazon-cloudwatch:cloudwatch-agent"), trust);
    }

    @ParameterizedTest(name = "{0}: {1} days")
    @CsvSource({Roots.AZURE + ",90"})
    void logAnalyticsWorkspaceOfContainerInsightsKeepsLogsForTheSpecsRetention(String env, int days) {
        Config root = Parsed.dir(Roots.root(env));
        assertEquals(
                days, root.module("observability").path("log_retention_days").asInt());
        assertEquals(
                "${module.observability.log_analytics_workspace_id}",
                root.module("cluster").path("log_analytics_workspace_id").asText());
        Config module = ManifestWiringTest.module(env, "observability");
        JsonNode workspace = module.resource("azurerm_log_analytics_workspace", "this");
        assertEquals(
                "${var.log_retention_days}", workspace.path("retention_in_days").asText());
        assertEquals("${azurerm_log_analytics_workspace.this.id}", module.output("log_analytics_workspace_id"));
        Config cluster = ManifestWiringTest.module(env, "cluster");
        JsonNode oms = cluster.resource("azurerm_kubernetes_cluster", "this")
                .path("dynamic")
                .path("oms_agent")
                .get(0);
        assertEquals(
                "${oms_agent.value}",
                oms.path("content").get(0).path("log_analytics_workspace_id").asText());
        JsonNode rule = module.resource("azurerm_monitor_data_collection_rule", "container_insights");
        assertEquals(
                "${var.cluster_id}",
                module.resource("azurerm_monitor_data_collection_rule_association", "container_insights")
                        .path("target_resource_id")
                        .asText());
        assertTrue(rule.toString().contains("enableContainerLogV2"), rule.toString());
    }

    /** ENVIRONMENT.md sends the reader to the log group / workspace Terraform creates, with the retention it sets. */
    @ParameterizedTest(name = "{0}: {1} days")
    @CsvSource({Roots.AWS + ",30", Roots.AWS_OTHER_REGION + ",365", Roots.AZURE + ",90"})
    void environmentDocumentNamesWhereTheLogsAreAndForHowLong(String env, int days) throws IOException {
        String doc = Files.readString(Roots.overlay(env).resolve("ENVIRONMENT.md"));
        Config root = Parsed.dir(Roots.root(env));
        assertTrue(doc.contains("logs are kept " + days + " days"), doc);
        if (env.equals(Roots.AZURE)) {
            String workspace =
                    root.module("observability").path("workspace_name").asText();
            assertTrue(doc.contains("Log Analytics workspace\n`" + workspace + "`"), doc);
            assertTrue(doc.contains("ContainerLogV2\n| where PodNamespace == \"" + env + "\""), doc);
        } else {
            // the cluster's name is the add-on's cluster_name, which the log group names carry
            String cluster = root.module("cluster").path("name").asText();
            assertTrue(doc.contains("log group `/aws/containerinsights/" + cluster + "/application`"), doc);
            assertTrue(doc.contains("`/aws/eks/" + cluster + "/cluster`"), doc);
            assertTrue(
                    doc.contains("workspace `"
                            + root.module("observability")
                                    .path("metrics_workspace")
                                    .asText() + "`"),
                    doc);
        }
    }
}
