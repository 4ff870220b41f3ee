output "hostname" {
  description = "The stable private name of the database (db.<env>.<internalDomain>)."
  value       = aws_route53_record.db.fqdn
}

output "endpoint" {
  description = "The instance's own endpoint address, which the hostname points at."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "The engine's port."
  value       = aws_db_instance.this.port
}

output "admin_secret_name" {
  description = "Secrets Manager name of the admin credentials."
  value       = aws_secretsmanager_secret.admin.name
}

output "admin_password_secret_arn" {
  description = "RDS's own secret holding the managed admin password (JSON username, password)."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "secret_names" {
  description = "Per layer, the secret names the ExternalSecrets read."
  value = {
    for k, l in var.layers : k => {
      db         = aws_secretsmanager_secret.layer_db[k].name
      internal   = aws_secretsmanager_secret.layer_internal[k].name
      keystore   = aws_secretsmanager_secret.layer_keystore[k].name
      encryption = aws_secretsmanager_secret.layer_encryption[k].name
    }
  }
}

output "security_group_id" {
  description = "The database clients' security group."
  value       = aws_security_group.db.id
}
