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

variable "cache_rules" {
  description = "Artifact cache rules by name: an upstream repository (source_repo, e.g. quay.io/jetstack/cert-manager-controller) served as a repository of this registry (target_repo, e.g. quay/jetstack/cert-manager-controller), pulled from upstream on first use. Public upstreams only: no credential set."
  type = map(object({
    source_repo = string
    target_repo = string
  }))
  default = {}

  validation {
    condition     = alltrue([for k, r in var.cache_rules : can(regex("^[a-zA-Z0-9-]{5,50}$", k)) && can(regex("^[a-z0-9.-]+\\.[a-z]+/[a-z0-9._/-]+$", r.source_repo))])
    error_message = "cache_rules keys are 5..50 letters, digits and dashes, and source_repo an upstream repository, for example { \"quay-cert-manager-controller\" = { source_repo = \"quay.io/jetstack/cert-manager-controller\", target_repo = \"quay/jetstack/cert-manager-controller\" } }."
  }
}
