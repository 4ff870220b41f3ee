output "role_arn" {
  description = "The role's ARN: the ServiceAccount's eks.amazonaws.com/role-arn annotation."
  value       = aws_iam_role.reader.arn
}

output "role_name" {
  description = "The role's name."
  value       = aws_iam_role.reader.name
}

output "secrets_arn_pattern" {
  description = "The only secrets the role may read."
  value       = local.secrets_arn
}
