# Broken on purpose: aws_vpc has no argument "cidr" (it is cidr_block).
resource "aws_vpc" "broken" {
  cidr_block = "10.20.0.0/20"
  cidr       = "10.20.0.0/20"
}
