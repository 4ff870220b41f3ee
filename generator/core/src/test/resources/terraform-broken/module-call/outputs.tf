# Broken on purpose: the module has no output "nme", and var.missing is not declared.
output "name" {
  description = "The module's name."
  value       = module.broken.nme
}

output "other" {
  description = "An undeclared variable."
  value       = var.missing
}
