# Broken on purpose: arn is computed by AWS, not set.
resource "aws_efs_file_system" "broken" {
  encrypted = true
  arn       = "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-1"
}
