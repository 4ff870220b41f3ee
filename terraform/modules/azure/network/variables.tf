variable "name" {
  description = "Prefix of every resource name, envforge-<env>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "resource_group_name" {
  description = "The environment's resource group (CloudNames.resourceGroup); this module creates it."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._()-]{1,90}$", var.resource_group_name))
    error_message = "resource_group_name must be a valid resource group name, for example \"rg-envforge-dev1\"."
  }
}

variable "location" {
  description = "Azure region."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]+$", var.location))
    error_message = "location must be an Azure region name, for example \"westeurope\"."
  }
}

variable "cidr" {
  description = "The environment's block; the VNet's address space."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr, 0)) && tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 23
    error_message = "cidr must be an IPv4 block from /16 to /23, for example \"10.20.0.0/20\"."
  }
}

variable "subnets" {
  description = "Subnets of the network plan, keyed workload-a, data-b, ...: CIDR, role (workload, data, ingress, gateway) and the subnet name the manifests refer to (GatewaySubnet for the gateway)."
  type = map(object({
    cidr = string
    role = string
    name = string
  }))

  validation {
    condition     = alltrue([for s in values(var.subnets) : contains(["workload", "data", "ingress", "gateway"], s.role)])
    error_message = "every subnet's role must be workload, data, ingress or gateway, for example { cidr = \"10.20.8.0/23\", role = \"data\", name = \"snet-data-a\" }."
  }

  validation {
    condition     = alltrue([for s in values(var.subnets) : s.role != "gateway" || s.name == "GatewaySubnet"])
    error_message = "the gateway subnet must be named GatewaySubnet, for example { cidr = \"10.20.12.0/27\", role = \"gateway\", name = \"GatewaySubnet\" }."
  }

  validation {
    condition     = length([for s in values(var.subnets) : s if s.role == "data"]) == 2 && length([for s in values(var.subnets) : s if s.role == "ingress"]) == 2
    error_message = "the plan needs two data and two ingress subnets, for example data-a and data-b."
  }
}

variable "data_ports" {
  description = "TCP ports the workload subnets may reach in the data subnets (NFS 2049, the database's port)."
  type        = list(number)
  default     = [2049, 5432]

  validation {
    condition     = alltrue([for p in var.data_ports : p >= 1 && p <= 65535])
    error_message = "data_ports must list TCP ports, for example [2049, 5432]."
  }
}

variable "internal_zone" {
  description = "The environment's private DNS zone, <env>.<internalDomain>."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9-]+(\\.[a-z0-9-]+)+$", var.internal_zone))
    error_message = "internal_zone must be a DNS name, for example \"dev1.envforge.internal\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
