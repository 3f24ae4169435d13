# Quick start: one production-like cluster in a CDKTF app, in Python.
from cdktf import App, Fn, TerraformOutput, TerraformStack
from hikube_cdktf_provider_hikube import postgres_cluster, provider

app = App()
stack = TerraformStack(app, "production")
# The connection comes from HIKUBE_* variables or KUBECONFIG, as with kubectl.
provider.HikubeProvider(stack, "hikube")
orders = postgres_cluster.PostgresCluster(
    stack,
    "orders",
    name="orders",
    replicas=3,  # one instance in each datacenter
    sync_mode="quorum",  # a commit waits for one synchronous standby
    min_sync_replicas=1,
    max_sync_replicas=1,
    zones=["gland", "lucerne", "geneva"],
    users={
        "app": postgres_cluster.PostgresClusterUsers(),
        "reporting": postgres_cluster.PostgresClusterUsers(),
    },
    databases={
        "orders": postgres_cluster.PostgresClusterDatabases(admin=["app"], readonly=["reporting"]),
    },
)
TerraformOutput(stack, "rw_host", value=orders.endpoints.rw.host)
TerraformOutput(stack, "app_uri_rw", value=Fn.lookup_nested(orders.connection_uris, ["app", "rw"]), sensitive=True)
app.synth()
