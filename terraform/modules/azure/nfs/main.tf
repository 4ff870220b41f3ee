# An NFS 4.1 share on a premium FileStorage account, zone-redundant (ZRS: copies in three zones), encrypted at rest
# (always on, plus infrastructure encryption), with public network access off. The network security group of the
# data subnets (network module) admits only the workload subnets, on 2049.

resource "azurerm_storage_account" "this" {
  name                              = var.storage_account_name
  resource_group_name               = var.resource_group_name
  location                          = var.location
  account_kind                      = "FileStorage"
  account_tier                      = "Premium"
  account_replication_type          = "ZRS"
  infrastructure_encryption_enabled = true
  min_tls_version                   = "TLS1_2"
  public_network_access_enabled     = false
  allow_nested_items_to_be_public   = false
  # NFS does not speak TLS; Azure requires secure transfer off for NFS shares. Traffic stays on the private endpoint.
  https_traffic_only_enabled = false

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  tags = var.tags
}

resource "azurerm_storage_share" "this" {
  name               = var.share_name
  storage_account_id = azurerm_storage_account.this.id
  quota              = var.quota_gb
  enabled_protocol   = "NFS"
}
