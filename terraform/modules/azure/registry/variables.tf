variable "registry_name" {
  description = "The registry's globally unique name (CloudNames.registry): 5..50 letters and digits."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9]{5,50}$", var.registry_name))
    error_message = "registry_name must be 5..50 letters and digits, for example \"acrdev1a1b2c3\"."
  }
}

variable "resource_group_name" {
  description = "The environment's resource group."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "vnet_id" {
  description = "The environment's VNet, linked to the privatelink.azurecr.io zone."
  type        = string
}

variable "private_endpoint_subnet_id" {
  description = "The data subnet holding the registry's private endpoint."
  type        = string
}

variable "kubelet_object_id" {
  description = "Object id of the nodes' kubelet identity, which gets AcrPull."
  type        = string
}

variable "admin_ip_ranges" {
  description = "Public ranges from which the pipeline pushes images while it runs outside the VNet; empty: the registry is private-endpoint only."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.admin_ip_ranges : can(cidrhost(c, 0))])
    error_message = "admin_ip_ranges must list IPv4 blocks, for example [\"198.51.100.0/24\"]."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
