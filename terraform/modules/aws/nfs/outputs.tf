output "hostname" {
  description = "The NFS server name the PersistentVolume mounts (nfs.<env>.<internalDomain>)."
  value       = aws_route53_record.nfs.fqdn
}

output "path" {
  description = "The exported path (EFS exports its root)."
  value       = "/"
}

output "file_system_id" {
  description = "The EFS file system."
  value       = aws_efs_file_system.this.id
}

output "dns_name" {
  description = "EFS's own DNS name, which the hostname points at."
  value       = aws_efs_file_system.this.dns_name
}

output "mount_target_zones" {
  description = "Availability zones that have a mount target."
  value       = aws_efs_mount_target.this[*].availability_zone_name
}
