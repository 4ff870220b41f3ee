# Example: an AWS environment "demo" with its own site-to-site VPN. The generated roots under
# terraform/environments/<env>/ do the same with the values of the environment's spec.

terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.19"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider."
  type        = string
  default     = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

module "network" {
  source = "../../modules/aws/network"

  name          = "envforge-demo"
  cidr          = "10.30.0.0/20"
  internal_zone = "demo.envforge.internal"
  subnets = {
    "data-a"     = { cidr = "10.30.8.0/23", zone = "eu-west-1a", role = "data", name = "envforge-demo-data-a" }
    "data-b"     = { cidr = "10.30.10.0/23", zone = "eu-west-1b", role = "data", name = "envforge-demo-data-b" }
    "ingress-a"  = { cidr = "10.30.14.0/24", zone = "eu-west-1a", role = "ingress", name = "envforge-demo-ingress-a" }
    "ingress-b"  = { cidr = "10.30.15.0/24", zone = "eu-west-1b", role = "ingress", name = "envforge-demo-ingress-b" }
    "workload-a" = { cidr = "10.30.0.0/22", zone = "eu-west-1a", role = "workload", name = "envforge-demo-workload-a" }
    "workload-b" = { cidr = "10.30.4.0/22", zone = "eu-west-1b", role = "workload", name = "envforge-demo-workload-b" }
  }
}

module "vpn" {
  source = "../../modules/aws/vpn"

  name               = "envforge-demo"
  connectivity       = "vpn"
  vpc_id             = module.network.vpc_id
  vpc_cidr           = module.network.vpc_cidr
  route_table_id     = module.network.route_table_id
  on_prem_cidrs      = ["10.0.0.0/16"]
  on_prem_gateway_ip = "203.0.113.10"
  on_prem_bgp_asn    = 65000
}

module "database" {
  source = "../../modules/aws/database"

  identifier        = "envforge-demo-db"
  engine_version    = "16"
  storage_gb        = 50
  vpc_id            = module.network.vpc_id
  subnet_ids        = module.network.data_subnet_ids
  client_cidrs      = ["10.30.0.0/22", "10.30.4.0/22"]
  hostname          = "db.demo.envforge.internal"
  zone_id           = module.network.zone_id
  admin_secret_name = "envforge/demo/database/admin"
  layers = {
    "integration" = {
      db_user           = "mi_user"
      db_secret         = "envforge/demo/integration/db"
      internal_secret   = "envforge/demo/integration/internal"
      keystore_secret   = "envforge/demo/integration/keystore"
      encryption_secret = "envforge/demo/integration/encryption"
      admin_version     = 2 # rotated once: only the admin password was regenerated
    }
  }
}

module "nfs" {
  source = "../../modules/aws/nfs"

  name         = "envforge-demo"
  vpc_id       = module.network.vpc_id
  subnet_ids   = module.network.data_subnet_ids
  client_cidrs = ["10.30.0.0/22", "10.30.4.0/22"]
  hostname     = "nfs.demo.envforge.internal"
  zone_id      = module.network.zone_id
}

module "secrets_access" {
  source = "../../modules/aws/secrets-access"

  role_name         = "envforge-demo-secrets-reader"
  namespace         = "demo"
  oidc_provider_arn = var.oidc_provider_arn
  secret_prefix     = "envforge/demo/"
}

output "nfs_server" {
  description = "The PersistentVolume's spec.nfs.server."
  value       = module.nfs.hostname
}

output "database_host" {
  description = "The charts' database.host."
  value       = module.database.hostname
}
