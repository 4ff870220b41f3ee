# db.<env>.<internalDomain>: the stable name the manifests use, a CNAME to the instance's endpoint (which follows
# a Multi-AZ failover).

resource "aws_route53_record" "db" {
  zone_id = var.zone_id
  name    = var.hostname
  type    = "CNAME"
  ttl     = 60
  records = [aws_db_instance.this.address]
}
