resource "hikube_postgres_user" "app" {
  cluster          = hikube_postgres_cluster.orders.name
  name             = "app"
  databases        = { (hikube_postgres_database.shop.name) = "admin" }
  password_version = 1 # change it to rotate the password
}

output "app_password" {
  value     = hikube_postgres_user.app.password
  sensitive = true
}

# Null until the platform assigns the external address; connect with sslmode=require.
output "orders_address" {
  value = hikube_postgres_cluster.orders.host == null ? null : "${hikube_postgres_cluster.orders.host}:${hikube_postgres_cluster.orders.port}"
}
