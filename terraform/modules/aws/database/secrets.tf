# Secrets Manager entries under the names the model gives: where to find the admin credentials and, per layer, the
# database credentials and the product's internal secrets that the manifests' ExternalSecrets read. Passwords are
# ephemeral and written with write-only arguments, so they are in Secrets Manager and nowhere else.

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
  secret_string_wo_version = var.password_version
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
  description = "envforge ${each.key}: admin, keystore and encryption secrets"

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "layer_internal" {
  for_each = var.layers

  secret_id = aws_secretsmanager_secret.layer_internal[each.key].id
  secret_string_wo = jsonencode({
    "admin-username"    = "admin"
    "admin-password"    = ephemeral.random_password.layer_admin[each.key].result
    "keystore-password" = ephemeral.random_password.layer_keystore[each.key].result
    "encryption-key"    = ephemeral.random_password.layer_encryption[each.key].result
  })
  secret_string_wo_version = var.password_version
}
