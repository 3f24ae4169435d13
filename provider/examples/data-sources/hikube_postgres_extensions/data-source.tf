# The extensions a database may enable (public API).
data "hikube_postgres_extensions" "all" {}

output "has_pgcrypto" {
  value = contains(data.hikube_postgres_extensions.all.names, "pgcrypto")
}
