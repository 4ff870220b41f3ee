# Metrics: Azure Managed Prometheus. An Azure Monitor workspace, and the data collection endpoint, rule and
# association the metrics add-on (monitor_metrics on the cluster) sends to ("Enable Prometheus metrics collection",
# Azure Monitor docs, Terraform tab: a Linux endpoint and rule with a prometheus_forwarder source and the stream
# Microsoft-PrometheusMetrics to a monitor_account destination). Out of the box the add-on collects the cluster's
# default targets (cAdvisor, kubelet, kube-state-metrics): CPU, memory, restarts of both layers' pods.

resource "azurerm_monitor_workspace" "this" {
  name                = var.metrics_workspace_name
  resource_group_name = var.resource_group_name
  location            = var.location

  tags = var.tags
}

resource "azurerm_monitor_data_collection_endpoint" "prometheus" {
  name                = substr("MSProm-${var.location}-${var.cluster_name}", 0, 44)
  resource_group_name = var.resource_group_name
  location            = var.location
  kind                = "Linux"

  tags = var.tags
}

resource "azurerm_monitor_data_collection_rule" "prometheus" {
  name                        = substr("MSProm-${var.location}-${var.cluster_name}", 0, 64)
  resource_group_name         = var.resource_group_name
  location                    = var.location
  data_collection_endpoint_id = azurerm_monitor_data_collection_endpoint.prometheus.id
  kind                        = "Linux"
  description                 = "Managed Prometheus of ${var.cluster_name}"

  destinations {
    monitor_account {
      name               = "workspace"
      monitor_account_id = azurerm_monitor_workspace.this.id
    }
  }

  data_flow {
    streams      = ["Microsoft-PrometheusMetrics"]
    destinations = ["workspace"]
  }

  data_sources {
    prometheus_forwarder {
      name    = "PrometheusDataSource"
      streams = ["Microsoft-PrometheusMetrics"]
    }
  }

  tags = var.tags
}

resource "azurerm_monitor_data_collection_rule_association" "prometheus" {
  name                    = substr("MSProm-${var.location}-${var.cluster_name}", 0, 64)
  target_resource_id      = var.cluster_id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.prometheus.id
}
