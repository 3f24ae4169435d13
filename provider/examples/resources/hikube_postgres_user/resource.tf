resource "hikube_postgres_user" "app" {
  cluster          = hikube_postgres_cluster.orders.name
  name             = "app"
  databases        = { (hikube_postgres_database.shop.name) = "admin" }
  password_version = 1 # change it to rotate the password
}

output "app_connection" {
  value     = "postgresql://app:${hikube_postgres_user.app.password}@${hikube_postgres_cluster.orders.host}:${hikube_postgres_cluster.orders.port}/shop?sslmode=require"
  sensitive = true
}
