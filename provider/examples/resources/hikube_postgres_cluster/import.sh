# Import an existing cluster by <namespace>/<name> (Kubernetes API),
terraform import hikube_postgres_cluster.orders tenant-demo/orders
# or by its name alone (Hikube's public API).
terraform import hikube_postgres_cluster.orders orders
