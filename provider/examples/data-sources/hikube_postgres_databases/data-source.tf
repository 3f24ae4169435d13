data "hikube_postgres_databases" "orders" {
  cluster = "orders"
}

output "database_names" {
  value = data.hikube_postgres_databases.orders.databases[*].name
}
