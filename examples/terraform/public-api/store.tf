# Three instances, commits confirmed by one synchronous standby (quorum), reachable from outside on
# its own address at port 5432 with TLS.
resource "hikube_postgres_cluster" "store" {
  name                = "store"
  version             = var.postgres_version
  replicas            = 3
  sync_mode           = "quorum"
  min_sync_replicas   = 1
  max_sync_replicas   = 1
  resources_preset    = "small"
  storage_size        = "10Gi"
  max_connections     = 200
  external            = true
  deletion_protection = var.deletion_protection
}

resource "hikube_postgres_database" "shop" {
  cluster    = hikube_postgres_cluster.store.name
  name       = "shop"
  extensions = ["pgcrypto"]
}

# The platform generates the password; change password_version to rotate it.
resource "hikube_postgres_user" "app" {
  cluster          = hikube_postgres_cluster.store.name
  name             = "app"
  databases        = { (hikube_postgres_database.shop.name) = "admin" }
  password_version = 1
}
