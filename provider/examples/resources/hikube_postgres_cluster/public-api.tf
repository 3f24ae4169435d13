# On Hikube's public API (provider api_key and project_id): three instances, commits wait for one
# standby (quorum), reachable from outside on host:5432.
resource "hikube_postgres_cluster" "orders" {
  name              = "orders"
  version           = "v17"
  replicas          = 3
  storage_size      = "10Gi"
  resources_preset  = "small"
  sync_mode         = "quorum"
  max_sync_replicas = 1
  max_connections   = 200
  external          = true
}
