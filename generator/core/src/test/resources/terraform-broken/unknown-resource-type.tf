# Broken on purpose: there is no aws_rds_multi_az_instance resource.
resource "aws_rds_multi_az_instance" "broken" {
  identifier = "broken"
}
