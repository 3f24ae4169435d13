data "hikube_postgres_users" "orders" {
  cluster = "orders"
}

output "user_names" {
  value = data.hikube_postgres_users.orders.users[*].name
}
