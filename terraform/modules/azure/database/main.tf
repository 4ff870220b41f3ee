# Azure Database for PostgreSQL Flexible Server, zone-redundant (a synchronous standby in the second zone),
# encrypted at rest (always on), no public network access, backups, and a delete lock. The admin password never
# enters the state: it is ephemeral and written only to Key Vault and then to the server (write-only arguments).

locals {
  skus = {
    small  = "GP_Standard_D2ds_v5"
    medium = "GP_Standard_D4ds_v5"
    large  = "GP_Standard_D8ds_v5"
  }
  storage_sizes_mb = [32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408]
  storage_mb       = min([for s in local.storage_sizes_mb : s if s >= var.storage_gb * 1024]...)
  admin_user       = "envforge_admin"
}

ephemeral "random_password" "admin" {
  length           = 32
  override_special = "!#%^*-_=+"
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                          = var.server_name
  resource_group_name           = var.resource_group_name
  location                      = var.location
  version                       = var.engine_version
  sku_name                      = local.skus[var.size]
  storage_mb                    = local.storage_mb
  auto_grow_enabled             = true
  zone                          = var.zones[0]
  public_network_access_enabled = false

  administrator_login               = local.admin_user
  administrator_password_wo         = ephemeral.random_password.admin.result
  administrator_password_wo_version = var.admin_password_version
  backup_retention_days             = var.backup_retention_days
  geo_redundant_backup_enabled      = false

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = var.zones[1]
  }

  authentication {
    password_auth_enabled = true
  }

  tags = var.tags

  # The password's secret is written first (after the vault's role assignment has propagated, see secrets-access):
  # if that write fails, the server has not taken the password yet and the next run sends one fresh value to both.
  depends_on = [azurerm_key_vault_secret.admin]

  lifecycle {
    # After a failover the standby's zone becomes the primary's; that is not drift.
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }
}

# count: only the pipeline's decommission lifts the lock (root variable decommission), right before the destroy.
resource "azurerm_management_lock" "no_delete" {
  count      = var.delete_lock ? 1 : 0
  name       = "no-delete"
  scope      = azurerm_postgresql_flexible_server.this.id
  lock_level = "CanNotDelete"
  notes      = "envforge: the environment's database; remove this lock deliberately before deleting it"
}

# The lock had no count before decommission existed: its state moves to index 0 instead of being replaced.
moved {
  from = azurerm_management_lock.no_delete
  to   = azurerm_management_lock.no_delete[0]
}
