# Import a database by <cluster>/<name>.
terraform import hikube_postgres_database.shop orders/shop
