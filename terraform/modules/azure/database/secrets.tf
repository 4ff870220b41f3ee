# Key Vault secrets under the names the model gives: the admin credentials and, per layer, the database credentials,
# the product's admin credentials, keystore password and encryption key that the manifests' ExternalSecrets read
# (JSON; ESO extracts the keys). Values are ephemeral and written with write-only arguments, so they are in Key Vault
# and nowhere else. A write-only value is re-sent only when its version changes and a secret is always written whole:
# so each value has a secret and a rotation counter of its own (spec.secrets.rotation), and raising one counter
# regenerates that value only.

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
  value_wo_version = var.admin_password_version
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
  value_wo_version = each.value.db_version
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
    "admin-username" = "admin"
    "admin-password" = ephemeral.random_password.layer_admin[each.key].result
  })
  value_wo_version = each.value.admin_version
}

resource "azurerm_key_vault_secret" "layer_keystore" {
  for_each = var.layers

  name         = each.value.keystore_secret
  key_vault_id = var.key_vault_id
  content_type = "application/json"
  value_wo = jsonencode({
    "keystore-password" = ephemeral.random_password.layer_keystore[each.key].result
  })
  value_wo_version = each.value.keystore_version
}

# The encryption key is not a password: the product encrypts data with it, and a new key orphans everything
# encrypted with the old one. Hence its own secret and its own counter (spec.secrets.encryptionKey.<layer>), which no
# password rotation touches.
resource "azurerm_key_vault_secret" "layer_encryption" {
  for_each = var.layers

  name         = each.value.encryption_secret
  key_vault_id = var.key_vault_id
  content_type = "application/json"
  value_wo = jsonencode({
    "encryption-key" = ephemeral.random_password.layer_encryption[each.key].result
  })
  value_wo_version = each.value.encryption_key_version
}
