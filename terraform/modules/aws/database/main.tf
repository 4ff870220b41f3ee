# A Multi-AZ DB instance: a synchronous standby in the second zone, encrypted storage, no public address, backups
# and deletion protection. The admin password is RDS's managed master password: RDS generates it, keeps it in a
# Secrets Manager secret of its own and rotates it (every 7 days by default), so Terraform never sees it and it cannot
# drift from its secret after a partial apply (one ephemeral value fed to two write-only arguments could).
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html

locals {
  instance_classes = {
    small  = "db.m6g.large"
    medium = "db.m6g.xlarge"
    large  = "db.m6g.2xlarge"
  }
  admin_user = "envforge_admin"
}

resource "aws_db_subnet_group" "this" {
  name        = var.identifier
  description = "envforge ${var.identifier}: the two private data subnets"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

resource "aws_security_group" "db" {
  name        = "${var.identifier}-clients"
  description = "envforge ${var.identifier}: workload subnets to the database port only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.identifier}-clients" })
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = toset(var.client_cidrs)

  security_group_id = aws_security_group.db.id
  description       = "workload subnet ${each.value}"
  ip_protocol       = "tcp"
  cidr_ipv4         = each.value
  from_port         = var.port
  to_port           = var.port
}

resource "aws_db_instance" "this" {
  identifier            = var.identifier
  engine                = var.engine
  engine_version        = var.engine_version
  instance_class        = local.instance_classes[var.size]
  allocated_storage     = var.storage_gb
  max_allocated_storage = var.storage_gb * 2
  storage_type          = "gp3"
  storage_encrypted     = true
  port                  = var.port

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false

  username                    = local.admin_user
  manage_master_user_password = true

  backup_retention_period    = var.backup_retention_days
  copy_tags_to_snapshot      = true
  deletion_protection        = var.deletion_protection
  skip_final_snapshot        = false
  final_snapshot_identifier  = "${var.identifier}-final"
  auto_minor_version_upgrade = true

  tags = var.tags
}
