output "vpc_id" {
  description = "The VPC's id."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "The VPC's block."
  value       = aws_vpc.this.cidr_block
}

output "route_table_id" {
  description = "The private route table every subnet uses; on-prem routes go here."
  value       = aws_route_table.private.id
}

output "subnet_ids" {
  description = "Subnet ids by plan key (workload-a, data-b, ...)."
  value       = { for k, s in aws_subnet.this : k => s.id }
}

output "subnet_names" {
  description = "Subnet Name tags by plan key; the manifests select ingress subnets by these."
  value       = { for k, s in var.subnets : k => s.name }
}

output "workload_subnet_ids" {
  description = "Workload subnets, zone A first."
  value       = [for k in sort(keys(var.subnets)) : aws_subnet.this[k].id if var.subnets[k].role == "workload"]
}

output "data_subnet_ids" {
  description = "Private data subnets, zone A first."
  value       = [for k in sort(keys(var.subnets)) : aws_subnet.this[k].id if var.subnets[k].role == "data"]
}

output "ingress_subnet_ids" {
  description = "Ingress subnets holding the API layer's fixed addresses, zone A first."
  value       = [for k in sort(keys(var.subnets)) : aws_subnet.this[k].id if var.subnets[k].role == "ingress"]
}

output "zone_id" {
  description = "The private hosted zone's id."
  value       = aws_route53_zone.internal.zone_id
}

output "zone_name" {
  description = "The private hosted zone's name."
  value       = aws_route53_zone.internal.name
}

output "api_address_reservations" {
  description = "The subnet CIDR reservations holding the API entry point's fixed addresses, by subnet key."
  value       = { for k, r in aws_ec2_subnet_cidr_reservation.api : k => r.cidr_block }
}

output "egress" {
  description = "endpoints or nat: how the private subnets reach the cloud's APIs."
  value       = var.egress
}

output "interface_endpoint_ids" {
  description = "The interface VPC endpoints by service (ecr.api, ...); empty with egress = nat."
  value       = { for s, e in aws_vpc_endpoint.interface : s => e.id }
}

output "s3_endpoint_id" {
  description = "The S3 gateway endpoint on the private route table."
  value       = aws_vpc_endpoint.s3.id
}

output "nat_gateway_id" {
  description = "egress = nat: the NAT gateway; null with endpoints."
  value       = local.nat ? aws_nat_gateway.this[0].id : null
}
