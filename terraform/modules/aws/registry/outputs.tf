output "registry_url" {
  description = "The registry's host, <account>.dkr.ecr.<region>.amazonaws.com: the charts' image repositories are <registry_url>/<name>/<image>."
  value       = split("/", values(aws_ecr_repository.this)[0].repository_url)[0]
}

output "repository_urls" {
  description = "Repository URLs by image."
  value       = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}
