data "hikube_postgres_database" "shop" {
  cluster = "orders"
  name    = "shop"
}

output "shop_admins" {
  value = data.hikube_postgres_database.shop.admin
}
