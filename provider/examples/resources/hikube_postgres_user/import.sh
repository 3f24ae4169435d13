# Import a user by <cluster>/<name>; its password is not in state until it is rotated.
terraform import hikube_postgres_user.app orders/app
