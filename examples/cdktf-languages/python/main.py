# Quick start: one production-like cluster, a database and an application user in a CDK Terrain app,
# on Hikube's public API, in Python.
from cdktn import App, TerraformOutput, TerraformStack
from hikube_cdktn_provider_hikube import postgres_cluster, postgres_database, postgres_user, provider

app = App()
stack = TerraformStack(app, "production")
# The project and its key come from HIKUBE_PROJECT_ID and HIKUBE_API_KEY.
provider.HikubeProvider(stack, "hikube")
orders = postgres_cluster.PostgresCluster(
    stack,
    "orders",
    name="orders",
    version="v17",
    replicas=3,
    storage_size="10Gi",
    sync_mode="quorum",  # a commit waits for one synchronous standby
    min_sync_replicas=1,
    max_sync_replicas=1,
    external=True,  # reachable from outside on its own host, port 5432, with TLS
)
shop = postgres_database.PostgresDatabase(
    stack,
    "shop",
    cluster=orders.name,
    name="shop",
    extensions=["pgcrypto"],
)
# The platform generates the password.
app_user = postgres_user.PostgresUser(
    stack,
    "app",
    cluster=orders.name,
    name="app",
    databases={"shop": "admin"},
    depends_on=[shop],
)
TerraformOutput(stack, "host", value=orders.host)
TerraformOutput(stack, "app_password", value=app_user.password, sensitive=True)
app.synth()
