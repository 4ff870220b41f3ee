# Example: an Azure environment "demo" attached to a shared hub VNet (connectivity = "hub") instead of its own VPN.
# The generated roots under terraform/environments/<env>/ do the same with the values of the environment's spec.

terraform {
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.51"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}

provider "azurerm" {
  subscription_id = "00000000-0000-0000-0000-000000000000"

  features {}
}

variable "oidc_issuer_url" {
  description = "The cluster's OIDC issuer URL."
  type        = string
  default     = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/"
}

module "network" {
  source = "../../modules/azure/network"

  name                = "envforge-demo"
  resource_group_name = "rg-envforge-demo"
  location            = "westeurope"
  cidr                = "10.31.0.0/21"
  internal_zone       = "demo.envforge.internal"
  subnets = {
    "data-a"     = { cidr = "10.31.4.0/24", role = "data", name = "snet-data-a" }
    "data-b"     = { cidr = "10.31.5.0/24", role = "data", name = "snet-data-b" }
    "gateway"    = { cidr = "10.31.6.0/27", role = "gateway", name = "GatewaySubnet" }
    "ingress-a"  = { cidr = "10.31.7.0/25", role = "ingress", name = "snet-ingress-a" }
    "ingress-b"  = { cidr = "10.31.7.128/25", role = "ingress", name = "snet-ingress-b" }
    "workload-a" = { cidr = "10.31.0.0/23", role = "workload", name = "snet-workload-a" }
    "workload-b" = { cidr = "10.31.2.0/23", role = "workload", name = "snet-workload-b" }
  }
}

module "vpn" {
  source = "../../modules/azure/vpn"

  name                = "envforge-demo"
  connectivity        = "hub"
  resource_group_name = module.network.resource_group_name
  location            = module.network.location
  vnet_name           = module.network.vnet_name
  gateway_subnet_id   = module.network.gateway_subnet_id
  hub_vnet_id         = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub"
  on_prem_cidrs       = ["10.0.0.0/16"]
  on_prem_gateway_ip  = "203.0.113.10"
  nsg_names           = module.network.nsg_names
}

module "secrets_access" {
  source = "../../modules/azure/secrets-access"

  identity_name              = "envforge-demo-secrets-reader"
  key_vault_name             = "kvdemo0a1b2c"
  resource_group_name        = module.network.resource_group_name
  location                   = module.network.location
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  oidc_issuer_url            = var.oidc_issuer_url
  namespace                  = "demo"
  allowed_subnet_ids         = module.network.workload_subnet_ids
  vnet_id                    = module.network.vnet_id
  private_endpoint_subnet_id = module.network.data_subnet_ids[0]
}

module "database" {
  source = "../../modules/azure/database"

  server_name                = "envforge-demo-db"
  resource_group_name        = module.network.resource_group_name
  location                   = module.network.location
  engine_version             = "16"
  storage_gb                 = 128
  private_endpoint_subnet_id = module.network.data_subnet_ids[0]
  vnet_id                    = module.network.vnet_id
  hostname                   = "db.demo.envforge.internal"
  zone_name                  = module.network.zone_name
  key_vault_id               = module.secrets_access.key_vault_id
  admin_secret_name          = "database-admin"
  layers = {
    "integration" = {
      db_user           = "mi_user"
      db_secret         = "integration-db"
      internal_secret   = "integration-internal"
      keystore_secret   = "integration-keystore"
      encryption_secret = "integration-encryption"
    }
  }
}

module "nfs" {
  source = "../../modules/azure/nfs"

  storage_account_name       = "efdemo0a1b2c"
  share_name                 = "shared"
  quota_gb                   = 100
  resource_group_name        = module.network.resource_group_name
  location                   = module.network.location
  private_endpoint_subnet_id = module.network.data_subnet_ids[1]
  vnet_id                    = module.network.vnet_id
  hostname                   = "nfs.demo.envforge.internal"
  zone_name                  = module.network.zone_name
}

output "nfs_path" {
  description = "The PersistentVolume's spec.nfs.path."
  value       = module.nfs.path
}
