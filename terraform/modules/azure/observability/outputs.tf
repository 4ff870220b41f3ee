output "log_analytics_workspace_id" {
  description = "The Log Analytics workspace's resource id (the cluster's oms_agent)."
  value       = azurerm_log_analytics_workspace.this.id
}

output "log_analytics_workspace_guid" {
  description = "The workspace's id for queries (az monitor log-analytics query --workspace)."
  value       = azurerm_log_analytics_workspace.this.workspace_id
}

output "log_retention_days" {
  description = "Days the workspace keeps the logs."
  value       = azurerm_log_analytics_workspace.this.retention_in_days
}

output "monitor_workspace_id" {
  description = "The Azure Monitor workspace (managed Prometheus)."
  value       = azurerm_monitor_workspace.this.id
}

output "prometheus_query_endpoint" {
  description = "The Azure Monitor workspace's Prometheus query endpoint."
  value       = azurerm_monitor_workspace.this.query_endpoint
}
