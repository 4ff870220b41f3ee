# EFS (regional: data in several zones) with a mount target in each data subnet, encrypted at rest, backed up,
# reachable on NFS only from the workload subnets.

locals {
  name = "${var.name}-nfs"
}

resource "aws_efs_file_system" "this" {
  creation_token   = local.name
  encrypted        = true
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"

  tags = merge(var.tags, { Name = local.name })
}

resource "aws_efs_backup_policy" "this" {
  file_system_id = aws_efs_file_system.this.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_security_group" "nfs" {
  name        = "${local.name}-clients"
  description = "envforge ${local.name}: workload subnets to NFS only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${local.name}-clients" })
}

resource "aws_vpc_security_group_ingress_rule" "nfs" {
  for_each = toset(var.client_cidrs)

  security_group_id = aws_security_group.nfs.id
  description       = "NFS from workload subnet ${each.value}"
  ip_protocol       = "tcp"
  cidr_ipv4         = each.value
  from_port         = 2049
  to_port           = 2049
}

resource "aws_efs_mount_target" "this" {
  count = length(var.subnet_ids)

  file_system_id  = aws_efs_file_system.this.id
  subnet_id       = var.subnet_ids[count.index]
  security_groups = [aws_security_group.nfs.id]
}

# nfs.<env>.<internalDomain>: the stable name the PersistentVolume mounts; EFS's own name resolves to the mount
# target in the client's zone.
resource "aws_route53_record" "nfs" {
  zone_id = var.zone_id
  name    = var.hostname
  type    = "CNAME"
  ttl     = 300
  records = [aws_efs_file_system.this.dns_name]
}
