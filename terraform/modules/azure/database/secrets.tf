# Key Vault secrets under the names the model gives: the admin credentials and, per layer, the database credentials
# and the product's internal secrets that the manifests' ExternalSecrets read (JSON; ESO extracts the keys).
# Values are ephemeral and written with write-only arguments, so they are in Key Vault and nowhere else.

resource "azurerm_key_vault_secret" "admin" {
  name         = var.admin_secret_name
  key_vault_id = var.key_vault_id
  content_type = "application/json"
  value_wo = jsonencode({
    username = local.admin_user
    password = ephemeral.random_password.admin.result
    host     = var.hostname
    port     = 5432
    engine   = "postgres"
  })
  value_wo_version = var.password_version
}

ephemeral "random_password" "layer_db" {
  for_each = var.layers

  length           = 32
  override_special = "!#%^*-_=+"
}

resource "azurerm_key_vault_secret" "layer_db" {
  for_each = var.layers

  name         = each.value.db_secret
  key_vault_id = var.key_vault_id
  content_type = "application/json"
  value_wo = jsonencode({
    username = each.value.db_user
    password = ephemeral.random_password.layer_db[each.key].result
  })
  value_wo_version = var.password_version
}

ephemeral "random_password" "layer_admin" {
  for_each = var.layers

  length  = 24
  special = false
}

ephemeral "random_password" "layer_keystore" {
  for_each = var.layers

  length  = 24
  special = false
}

ephemeral "random_password" "layer_encryption" {
  for_each = var.layers

  length  = 32
  special = false
}

resource "azurerm_key_vault_secret" "layer_internal" {
  for_each = var.layers

  name         = each.value.internal_secret
  key_vault_id = var.key_vault_id
  content_type = "application/json"
  value_wo = jsonencode({
    "admin-username"    = "admin"
    "admin-password"    = ephemeral.random_password.layer_admin[each.key].result
    "keystore-password" = ephemeral.random_password.layer_keystore[each.key].result
    "encryption-key"    = ephemeral.random_password.layer_encryption[each.key].result
  })
  value_wo_version = var.password_version
}
