# Broken on purpose: null_resource belongs to a provider that is not on the allow-list.
resource "null_resource" "broken" {
}
