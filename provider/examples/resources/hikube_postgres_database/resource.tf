resource "hikube_postgres_database" "shop" {
  cluster    = hikube_postgres_cluster.orders.name
  name       = "shop"
  extensions = ["pgcrypto", "pg_trgm"]
}
