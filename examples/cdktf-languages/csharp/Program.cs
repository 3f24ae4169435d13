// Quick start: one production-like cluster in a CDKTF app, in C#.
using System.Collections.Generic;
using HashiCorp.Cdktf;
using Hikube.Cdktf.Providers.Hikube.PostgresCluster;
using Hikube.Cdktf.Providers.Hikube.Provider;

namespace Orders
{
    public static class Program
    {
        public static void Main()
        {
            var app = new App();
            var stack = new TerraformStack(app, "production");
            // The connection comes from HIKUBE_* variables or KUBECONFIG, as with kubectl.
            new HikubeProvider(stack, "hikube", new HikubeProviderConfig());
            var orders = new PostgresCluster(stack, "orders", new PostgresClusterConfig
            {
                Name = "orders",
                Replicas = 3, // one instance in each datacenter
                SyncMode = "quorum", // a commit waits for one synchronous standby
                MinSyncReplicas = 1,
                MaxSyncReplicas = 1,
                Zones = new[] { "gland", "lucerne", "geneva" },
                Users = new Dictionary<string, PostgresClusterUsers>
                {
                    ["app"] = new PostgresClusterUsers(),
                    ["reporting"] = new PostgresClusterUsers(),
                },
                Databases = new Dictionary<string, PostgresClusterDatabases>
                {
                    ["orders"] = new PostgresClusterDatabases { Admin = new[] { "app" }, Readonly = new[] { "reporting" } },
                },
            });
            new TerraformOutput(stack, "rw_host", new TerraformOutputConfig { Value = orders.Endpoints.Rw.Host });
            new TerraformOutput(stack, "app_uri_rw", new TerraformOutputConfig
            {
                Value = Fn.LookupNested(orders.ConnectionUris, new[] { "app", "rw" }),
                Sensitive = true,
            });
            app.Synth();
        }
    }
}
