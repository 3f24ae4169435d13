data "hikube_postgres_cluster" "orders" {
  name = "orders"
}

output "orders_primary" {
  value = data.hikube_postgres_cluster.orders.current_primary
}
