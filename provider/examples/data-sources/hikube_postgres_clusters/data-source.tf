data "hikube_postgres_clusters" "payments" {
  label_selector = "team=payments"
}

output "payment_clusters" {
  value = [for c in data.hikube_postgres_clusters.payments.clusters : c.name]
}
