# Secrets Manager entries under the names the model gives: where to find the admin credentials and, per layer, the
# database credentials and the product's admin credentials, keystore password and encryption key that the manifests'
# ExternalSecrets read. Values are ephemeral and written with write-only arguments, so they are in Secrets Manager and
# nowhere else. A write-only value is re-sent only when its version changes, and a secret version is always written
# whole: so each value has a secret and a rotation counter of its own (spec.secrets.rotation), and raising one counter
# regenerates that value only.

resource "aws_secretsmanager_secret" "admin" {
  name        = var.admin_secret_name
  description = "envforge ${var.identifier}: database admin connection; the password is in password_secret_arn"

  tags = var.tags
}

# No password here: RDS keeps it in its own secret (JSON username, password), named rds!db-<id>; this entry, under
# the model's name, says where. Nothing secret, so a plain secret_string.
resource "aws_secretsmanager_secret_version" "admin" {
  secret_id = aws_secretsmanager_secret.admin.id
  secret_string = jsonencode({
    username            = local.admin_user
    host                = var.hostname
    port                = var.port
    engine              = var.engine
    password_secret_arn = aws_db_instance.this.master_user_secret[0].secret_arn
  })
}

ephemeral "random_password" "layer_db" {
  for_each = var.layers

  length           = 32
  override_special = "!#%^*-_=+"
}

resource "aws_secretsmanager_secret" "layer_db" {
  for_each = var.layers

  name        = each.value.db_secret
  description = "envforge ${each.key}: database user ${each.value.db_user}"

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "layer_db" {
  for_each = var.layers

  secret_id = aws_secretsmanager_secret.layer_db[each.key].id
  secret_string_wo = jsonencode({
    username = each.value.db_user
    password = ephemeral.random_password.layer_db[each.key].result
  })
  secret_string_wo_version = each.value.db_version
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

resource "aws_secretsmanager_secret" "layer_internal" {
  for_each = var.layers

  name        = each.value.internal_secret
  description = "envforge ${each.key}: product admin credentials"

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "layer_internal" {
  for_each = var.layers

  secret_id = aws_secretsmanager_secret.layer_internal[each.key].id
  secret_string_wo = jsonencode({
    "admin-username" = "admin"
    "admin-password" = ephemeral.random_password.layer_admin[each.key].result
  })
  secret_string_wo_version = each.value.admin_version
}

resource "aws_secretsmanager_secret" "layer_keystore" {
  for_each = var.layers

  name        = each.value.keystore_secret
  description = "envforge ${each.key}: keystore password"

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "layer_keystore" {
  for_each = var.layers

  secret_id = aws_secretsmanager_secret.layer_keystore[each.key].id
  secret_string_wo = jsonencode({
    "keystore-password" = ephemeral.random_password.layer_keystore[each.key].result
  })
  secret_string_wo_version = each.value.keystore_version
}

# The encryption key is not a password: the product encrypts data with it, and a new key orphans everything
# encrypted with the old one. Hence its own secret and its own counter (spec.secrets.encryptionKey.<layer>), which no
# password rotation touches.
resource "aws_secretsmanager_secret" "layer_encryption" {
  for_each = var.layers

  name        = each.value.encryption_secret
  description = "envforge ${each.key}: encryption key (a new one orphans encrypted data)"

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "layer_encryption" {
  for_each = var.layers

  secret_id = aws_secretsmanager_secret.layer_encryption[each.key].id
  secret_string_wo = jsonencode({
    "encryption-key" = ephemeral.random_password.layer_encryption[each.key].result
  })
  secret_string_wo_version = each.value.encryption_key_version
}
