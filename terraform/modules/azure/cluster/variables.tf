variable "name" {
  description = "The AKS cluster's name, envforge-<env>; also its DNS prefix."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,44}$", var.name))
    error_message = "name must be 2..45 lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "resource_group_name" {
  description = "The environment's resource group."
  type        = string
}

variable "location" {
  description = "Azure region; it must offer availability zones 1 and 2."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]+$", var.location))
    error_message = "location must be an Azure region name, for example \"westeurope\"."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version; AKS applies its patch releases (automatic upgrade channel patch). The manifests are validated against 1.32."
  type        = string
  default     = "1.32"

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must be a minor version, for example \"1.32\"."
  }
}

variable "tenant_id" {
  description = "The Entra ID tenant whose identities get Kubernetes access through Azure RBAC (platform spec.azure.tenantId)."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.tenant_id))
    error_message = "tenant_id must be a GUID, for example \"00000000-0000-0000-0000-000000000000\"."
  }
}

variable "vnet_id" {
  description = "The environment's VNet: the cluster's identity joins nodes and internal load balancers to its subnets."
  type        = string
}

variable "node_subnet_id" {
  description = "The workload subnet the nodes live in (Azure subnets span all zones of the region)."
  type        = string

  validation {
    condition     = can(regex("/subnets/[^/]+$", var.node_subnet_id))
    error_message = "node_subnet_id must be a subnet id, for example \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-envforge-dev1/providers/Microsoft.Network/virtualNetworks/vnet-envforge-dev1/subnets/snet-workload-a\"."
  }
}

variable "zones" {
  description = "Availability zones the node pool spreads over."
  type        = list(string)
  default     = ["1", "2"]

  validation {
    condition     = length(var.zones) >= 2 && alltrue([for z in var.zones : contains(["1", "2", "3"], z)])
    error_message = "zones must list at least two of 1, 2 and 3, for example [\"1\", \"2\"]."
  }
}

variable "node_vm_size" {
  description = "VM size of the nodes."
  type        = string
  default     = "Standard_D4s_v5"

  validation {
    condition     = can(regex("^Standard_[A-Za-z0-9_]+$", var.node_vm_size))
    error_message = "node_vm_size must be an Azure VM size, for example \"Standard_D4s_v5\"."
  }
}

variable "node_count" {
  description = "Nodes of the autoscaled pool: min and max. AKS auto-repairs unhealthy nodes."
  type = object({
    min = number
    max = number
  })
  default = { min = 2, max = 6 }

  validation {
    condition     = var.node_count.min >= 2 && var.node_count.min <= var.node_count.max
    error_message = "node_count needs 2 <= min <= max (at least one node per zone), for example { min = 2, max = 6 }."
  }
}

variable "service_cidr" {
  description = "Cluster IP range of Kubernetes Services; must not overlap the VNet, on-prem or the pod range. AKS's default 10.0.0.0/16 would overlap typical on-prem networks."
  type        = string
  default     = "172.20.0.0/16"

  validation {
    condition     = can(cidrhost(var.service_cidr, 10))
    error_message = "service_cidr must be an IPv4 block, for example \"172.20.0.0/16\"."
  }
}

variable "pod_cidr" {
  description = "Overlay range of the pods (Azure CNI overlay: pods do not take VNet addresses); must not overlap the VNet, on-prem or service_cidr."
  type        = string
  default     = "172.21.0.0/16"

  validation {
    condition     = can(cidrhost(var.pod_cidr, 0))
    error_message = "pod_cidr must be an IPv4 block, for example \"172.21.0.0/16\"."
  }
}

variable "outbound_type" {
  description = "How nodes reach the internet (image registries, Azure APIs): loadBalancer (an AKS-managed public outbound address), or userDefinedRouting when a hub firewall routes egress."
  type        = string
  default     = "loadBalancer"

  validation {
    condition     = contains(["loadBalancer", "userDefinedRouting", "managedNATGateway", "userAssignedNATGateway"], var.outbound_type)
    error_message = "outbound_type must be loadBalancer, userDefinedRouting, managedNATGateway or userAssignedNATGateway, for example \"loadBalancer\"."
  }
}

variable "log_analytics_workspace_id" {
  description = "Log Analytics workspace of Container Insights (the oms_agent add-on); null: no container logs are collected."
  type        = string
  default     = null
}

variable "managed_prometheus" {
  description = "Turn on the managed Prometheus metrics add-on (monitor_metrics); its data collection rule is the observability module's."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
