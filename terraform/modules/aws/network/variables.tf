variable "name" {
  description = "Prefix of every resource name, envforge-<env>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "cidr" {
  description = "The environment's block; the VPC's CIDR."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr, 0)) && tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 23
    error_message = "cidr must be an IPv4 block from /16 to /23, for example \"10.20.0.0/20\"."
  }
}

variable "subnets" {
  description = "Subnets of the network plan, keyed workload-a, data-b, ...: CIDR, availability zone, role (workload, data, ingress, gateway) and the Name tag the manifests refer to."
  type = map(object({
    cidr = string
    zone = string
    role = string
    name = string
  }))

  validation {
    condition     = alltrue([for s in values(var.subnets) : contains(["workload", "data", "ingress", "gateway"], s.role)])
    error_message = "every subnet's role must be workload, data, ingress or gateway, for example { cidr = \"10.20.8.0/23\", zone = \"eu-west-1a\", role = \"data\", name = \"envforge-dev1-data-a\" }."
  }

  validation {
    condition     = length([for s in values(var.subnets) : s if s.role == "data"]) == 2 && length([for s in values(var.subnets) : s if s.role == "ingress"]) == 2
    error_message = "the plan needs two data and two ingress subnets, one per zone, for example data-a and data-b in eu-west-1a and eu-west-1b."
  }

  validation {
    condition     = alltrue([for s in values(var.subnets) : can(cidrhost(s.cidr, 0))])
    error_message = "every subnet cidr must be an IPv4 block, for example \"10.20.8.0/23\"."
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

variable "api_addresses" {
  description = "The API entry point's fixed private IPs by the subnet key holding each (ingress-a, ingress-b); each is reserved so that AWS assigns it to nothing else."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, a in var.api_addresses : contains(keys(var.subnets), k) && can(cidrhost("${a}/32", 0))])
    error_message = "api_addresses must map subnet keys of subnets to IPv4 addresses, for example { ingress-a = \"10.20.14.10\", ingress-b = \"10.20.15.10\" }."
  }
}

variable "egress" {
  description = "How the private subnets reach the cloud's APIs and registries: endpoints (interface VPC endpoints with private DNS, no internet path) or nat (a NAT gateway in the gateway subnet; where the platform's policy allows it)."
  type        = string
  default     = "endpoints"

  validation {
    condition     = contains(["endpoints", "nat"], var.egress)
    error_message = "egress must be \"endpoints\" or \"nat\", for example \"endpoints\"."
  }
}

variable "interface_endpoints" {
  description = "egress = endpoints: the services reached through interface VPC endpoints, as the suffix of com.amazonaws.<region>.<service>."
  type        = list(string)
  default     = ["ecr.api", "ecr.dkr", "sts", "ec2", "elasticloadbalancing", "secretsmanager", "logs"]

  validation {
    condition     = alltrue([for s in var.interface_endpoints : can(regex("^[a-z0-9-]+(\\.[a-z0-9-]+)*$", s))])
    error_message = "interface_endpoints must list service suffixes, for example [\"ecr.api\", \"ecr.dkr\", \"sts\"]."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
