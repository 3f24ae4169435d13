output "orders_endpoints" {
  description = "Where to connect: rw (the primary), ro (standbys only), r (any instance)."
  value       = hikube_postgres_cluster.orders.endpoints
}

output "orders_instances" {
  description = "Instances with their datacenter and role."
  value       = hikube_postgres_cluster.orders.instances
}

output "orders_app_uri" {
  description = "postgresql:// URI of the app user through rw."
  value       = hikube_postgres_cluster.orders.connection_uris["app"].rw
  sensitive   = true
}

output "orders_reporting_uri" {
  description = "postgresql:// URI of the reporting user through ro (standbys)."
  value       = hikube_postgres_cluster.orders.connection_uris["reporting"].ro
  sensitive   = true
}

output "dev_endpoints" {
  value = hikube_postgres_cluster.dev.endpoints
}

output "dev_uri" {
  value     = hikube_postgres_cluster.dev.connection_uris["dev"].rw
  sensitive = true
}
