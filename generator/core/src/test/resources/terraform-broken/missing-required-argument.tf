# Broken on purpose: aws_db_instance needs instance_class.
resource "aws_db_instance" "broken" {
  identifier        = "broken"
  engine            = "postgres"
  allocated_storage = 20
  multi_az          = true
}
