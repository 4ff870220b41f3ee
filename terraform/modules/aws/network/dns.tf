# The environment's private DNS zone, resolvable inside the VPC only (db.<zone>, nfs.<zone>).

resource "aws_route53_zone" "internal" {
  name    = var.internal_zone
  comment = "envforge ${var.name}: private names of the environment's database and NFS share"

  vpc {
    vpc_id = aws_vpc.this.id
  }

  tags = var.tags
}
