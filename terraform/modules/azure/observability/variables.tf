variable "cluster_name" {
  description = "The AKS cluster: the data collection rules' names carry it."
  type        = string
}

variable "cluster_id" {
  description = "The AKS cluster's resource id: both data collection rules are associated with it."
  type        = string
}

variable "resource_group_name" {
  description = "The environment's resource group."
  type        = string
}

variable "location" {
  description = "The environment's Azure region."
  type        = string
}

variable "workspace_name" {
  description = "The Log Analytics workspace's name, log-envforge-<env>."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$", var.workspace_name))
    error_message = "workspace_name must be 4..63 letters, digits and dashes, starting and ending with a letter or digit, for example \"log-envforge-dev1\"."
  }
}

variable "metrics_workspace_name" {
  description = "The Azure Monitor workspace's name (managed Prometheus), prom-envforge-<env>."
  type        = string
}

variable "log_retention_days" {
  description = "Days the Log Analytics workspace keeps the logs (spec.observability.logRetentionDays)."
  type        = number
  default     = 30

  validation {
    condition     = var.log_retention_days >= 30 && var.log_retention_days <= 730
    error_message = "log_retention_days must be 30..730 (a PerGB2018 workspace), for example 30."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
