# The password of user "app" of a cluster another workspace manages, read for this run only.
ephemeral "hikube_postgres_credentials" "billing_app" {
  cluster = "billing"
  user    = "app"
}

# A write-only argument takes it: the new cluster's "app" gets the same password, and neither
# value reaches this workspace's plan or state.
resource "hikube_postgres_cluster" "billing_copy" {
  name     = "billing-copy"
  replicas = 1

  users = {
    app = {
      password_wo         = ephemeral.hikube_postgres_credentials.billing_app.password
      password_wo_version = 1 # increase to send the password again
    }
  }

  deletion_protection = false
}

# A provider block can take it too, e.g. a PostgreSQL provider managing roles and grants:
#
# provider "postgresql" {
#   host     = ephemeral.hikube_postgres_credentials.billing_app.host
#   port     = ephemeral.hikube_postgres_credentials.billing_app.port
#   username = "app"
#   password = ephemeral.hikube_postgres_credentials.billing_app.password
# }
