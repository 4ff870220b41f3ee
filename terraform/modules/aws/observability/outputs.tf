output "log_groups" {
  description = "The Container Insights log groups by kind: application (every container's stdout/stderr, both layers), dataplane, host, performance."
  value       = { for k, g in aws_cloudwatch_log_group.container_insights : k => g.name }
}

output "log_retention_days" {
  description = "Days CloudWatch Logs keeps them."
  value       = var.log_retention_days
}

output "prometheus_workspace_id" {
  description = "The Amazon Managed Service for Prometheus workspace (query it with awscurl or Amazon Managed Grafana)."
  value       = aws_prometheus_workspace.this.id
}

output "prometheus_endpoint" {
  description = "The workspace's Prometheus-compatible endpoint (append api/v1/query)."
  value       = aws_prometheus_workspace.this.prometheus_endpoint
}
