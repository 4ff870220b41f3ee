variable "name" {
  description = "Prefix of every resource name, envforge-<env>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "connectivity" {
  description = "vpn: a site-to-site IPsec VPN for this environment; hub: attach the VPC to the shared Transit Gateway."
  type        = string
  default     = "vpn"

  validation {
    condition     = contains(["vpn", "hub"], var.connectivity)
    error_message = "connectivity must be \"vpn\" or \"hub\", for example \"vpn\"."
  }
}

variable "vpc_id" {
  description = "The environment's VPC."
  type        = string
}

variable "vpc_cidr" {
  description = "The environment's block (load balancer health checks come from it)."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be an IPv4 block, for example \"10.20.0.0/20\"."
  }
}

variable "route_table_id" {
  description = "The route table that gets a route per on-prem CIDR."
  type        = string
}

variable "attachment_subnet_ids" {
  description = "hub only: one subnet per zone for the Transit Gateway attachment."
  type        = list(string)
  default     = []
}

variable "transit_gateway_id" {
  description = "hub only: the shared Transit Gateway (platform spec.aws.transitGatewayId)."
  type        = string
  default     = null

  validation {
    condition     = var.connectivity != "hub" || can(regex("^tgw-[0-9a-f]{8,17}$", var.transit_gateway_id))
    error_message = "connectivity hub needs transit_gateway_id, for example \"tgw-0123456789abcdef0\"."
  }
}

variable "on_prem_cidrs" {
  description = "The on-premise networks; each gets a route and a VPN static route."
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

variable "on_prem_bgp_asn" {
  description = "vpn only: BGP ASN of the on-premise gateway (the connection uses static routes; AWS still records it)."
  type        = number

  validation {
    condition     = var.on_prem_bgp_asn >= 1 && var.on_prem_bgp_asn <= 4294967295
    error_message = "on_prem_bgp_asn must be 1..4294967295, for example 65000."
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

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
