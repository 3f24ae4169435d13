# Development shape: one instance, nothing to wait for, small and cheap.
resource "hikube_postgres_cluster" "dev" {
  name             = "dev"
  version          = var.postgres_version
  replicas         = 1
  sync_mode        = "async"
  resources_preset = "nano"
  storage_size     = "1Gi"

  users = {
    dev = {}
  }

  databases = {
    shop = { admin = ["dev"] }
  }
}
