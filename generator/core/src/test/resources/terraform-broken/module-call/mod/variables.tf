variable "name" {
  description = "A name."
  type        = string
}
