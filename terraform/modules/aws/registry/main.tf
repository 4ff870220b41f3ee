# The environment's own image registry: one private ECR repository per image the cluster pulls, under the
# environment's prefix (<name>/<image>). The pipeline copies each pinned image into it by digest before stage 2 and
# the charts reference <registry_url>/<name>/<image>@sha256:...; the nodes pull through the ECR interface endpoints
# and the S3 gateway endpoint (network module), so nothing is pulled from the internet.

resource "aws_ecr_repository" "this" {
  for_each = toset(var.repositories)

  name = "${var.name}/${each.key}"
  # Tags cannot be moved: an image is the digest it was copied as (the charts pin digests anyway).
  image_tag_mutability = "IMMUTABLE"
  # Decommissioning destroys the environment with its images; they are copies of images kept elsewhere.
  force_delete = true

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }

  tags = var.tags
}

# Pull-through cache rules are registry-wide (one per ECR repository prefix in the account and region, and the
# account has a quota of them), so a root sets them only where the platform has no shared rule. An upstream that
# needs credentials (Docker Hub, GitHub Container Registry) takes a Secrets Manager secret named
# ecr-pullthroughcache/...: https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
resource "aws_ecr_pull_through_cache_rule" "this" {
  for_each = var.pull_through_cache_rules

  ecr_repository_prefix = each.key
  upstream_registry_url = each.value.upstream_registry_url
  credential_arn        = each.value.credential_arn
}
