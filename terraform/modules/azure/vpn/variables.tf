variable "name" {
  description = "Prefix of every resource name, envforge-<env>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "connectivity" {
  description = "vpn: a site-to-site IPsec VPN for this environment; hub: peer the VNet with the shared hub VNet and use its gateway."
  type        = string
  default     = "vpn"

  validation {
    condition     = contains(["vpn", "hub"], var.connectivity)
    error_message = "connectivity must be \"vpn\" or \"hub\", for example \"vpn\"."
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

variable "vnet_name" {
  description = "The environment's VNet."
  type        = string
}

variable "gateway_subnet_id" {
  description = "vpn only: the VNet's GatewaySubnet."
  type        = string
}

variable "hub_vnet_id" {
  description = "hub only: the shared hub VNet (platform spec.azure.hubVnetId); it must allow gateway transit."
  type        = string
  default     = null

  validation {
    condition     = var.connectivity != "hub" || can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+$", var.hub_vnet_id))
    error_message = "connectivity hub needs hub_vnet_id, for example \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub\"."
  }
}

variable "on_prem_cidrs" {
  description = "The on-premise networks: the local network gateway's address space, so each is routed through the tunnel."
  type        = list(string)

  validation {
    condition     = length(var.on_prem_cidrs) > 0 && alltrue([for c in var.on_prem_cidrs : can(cidrhost(c, 0))])
    error_message = "on_prem_cidrs must list IPv4 blocks, for example [\"10.0.0.0/16\", \"172.16.0.0/16\"]."
  }
}

variable "on_prem_gateway_ip" {
  description = "vpn only: public IPv4 address of the on-premise VPN gateway."
  type        = string

  validation {
    condition     = can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}$", var.on_prem_gateway_ip))
    error_message = "on_prem_gateway_ip must be an IPv4 address, for example \"203.0.113.10\"."
  }
}

variable "api_ports" {
  description = "The API entry point's load balancer listener ports that on-prem clients may reach (the chart's internal load balancer Service: gateway 443, secure WebSocket 8099, portals 9443)."
  type        = list(number)
  default     = [443, 8099, 9443]

  validation {
    condition     = length(var.api_ports) > 0 && alltrue([for p in var.api_ports : p >= 1 && p <= 65535])
    error_message = "api_ports must list TCP ports, for example [443, 8099, 9443]."
  }
}

variable "nsg_names" {
  description = "Network security groups by role from the network module; needs ingress and workload."
  type        = map(string)

  validation {
    condition     = contains(keys(var.nsg_names), "ingress") && contains(keys(var.nsg_names), "workload")
    error_message = "nsg_names must name the ingress and workload groups, for example module.network.nsg_names."
  }
}

variable "vnet_cidr" {
  description = "vpn only: the environment's block, which the on-prem side routes into the tunnels (the peer file's routing.to_cloud)."
  type        = string
  default     = null

  validation {
    condition     = var.vnet_cidr == null || can(cidrhost(var.vnet_cidr, 0))
    error_message = "vnet_cidr must be an IPv4 block, for example \"10.20.0.0/20\"."
  }
}

variable "key_vault_id" {
  description = "vpn only: the environment's Key Vault, which keeps the IPsec pre-shared key (secret vpn-shared-key) for the on-prem side to read; the peer file refers to it."
  type        = string
  default     = null

  validation {
    condition     = var.connectivity != "vpn" || var.key_vault_id != null
    error_message = "connectivity vpn needs key_vault_id, for example module.secrets_access.key_vault_id."
  }
}

variable "gateway_sku" {
  description = "vpn only: zone-redundant VPN gateway SKU."
  type        = string
  default     = "VpnGw1AZ"

  validation {
    condition     = can(regex("^VpnGw[1-5]AZ$", var.gateway_sku))
    error_message = "gateway_sku must be a zone-redundant VPN SKU, for example \"VpnGw1AZ\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
