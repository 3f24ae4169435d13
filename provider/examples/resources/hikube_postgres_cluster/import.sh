# Import an existing cluster by <namespace>/<name>.
terraform import hikube_postgres_cluster.orders tenant-demo/orders
