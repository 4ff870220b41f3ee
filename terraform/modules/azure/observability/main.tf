# Logs: a Log Analytics workspace with the environment's retention, and the data collection rule of Container
# Insights: AKS's monitoring add-on (oms_agent, with its managed identity) ships every container's stdout/stderr to
# the workspace's ContainerLogV2 table, pod inventory and Kubernetes events beside it ("Enable monitoring for AKS
# clusters", Azure Monitor docs, Terraform tab: a rule with the ContainerInsights extension and the stream
# Microsoft-ContainerInsights-Group-Default, associated with the cluster). Both layers write their logs to stdout
# (the charts route API Manager's gateway access log and analytics events there).

resource "azurerm_log_analytics_workspace" "this" {
  name                = var.workspace_name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  # The agents authenticate with Entra ID (msi_auth_for_monitoring_enabled); the workspace's shared keys, which the
  # provider keeps in the state, can neither ingest nor query.
  local_authentication_enabled = false

  tags = var.tags
}

resource "azurerm_monitor_data_collection_rule" "container_insights" {
  name                = "MSCI-${var.location}-${var.cluster_name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  description         = "Container Insights of ${var.cluster_name}: container logs (ContainerLogV2), pod inventory, events"

  destinations {
    log_analytics {
      name                  = "workspace"
      workspace_resource_id = azurerm_log_analytics_workspace.this.id
    }
  }

  data_flow {
    streams      = ["Microsoft-ContainerInsights-Group-Default"]
    destinations = ["workspace"]
  }

  data_sources {
    extension {
      name           = "ContainerInsightsExtension"
      extension_name = "ContainerInsights"
      streams        = ["Microsoft-ContainerInsights-Group-Default"]
      extension_json = jsonencode({
        dataCollectionSettings = {
          interval               = "1m"
          namespaceFilteringMode = "Off"
          enableContainerLogV2   = true
        }
      })
    }
  }

  tags = var.tags
}

resource "azurerm_monitor_data_collection_rule_association" "container_insights" {
  name                    = "ContainerInsightsExtension"
  target_resource_id      = var.cluster_id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.container_insights.id
}
