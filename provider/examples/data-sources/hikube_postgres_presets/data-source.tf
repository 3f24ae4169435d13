# The sizes resources_preset may name (public API).
data "hikube_postgres_presets" "all" {}

output "preset_names" {
  value = data.hikube_postgres_presets.all.presets[*].name
}
