data "hikube_postgres_user" "app" {
  cluster = "orders"
  name    = "app"
}

output "app_roles" {
  value = data.hikube_postgres_user.app.databases
}
