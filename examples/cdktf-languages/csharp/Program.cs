// Quick start: one production-like cluster, a database and an application user in a CDK Terrain app,
// on Hikube's public API, in C#.
using System.Collections.Generic;
using Io.Cdktn;
using Hikube.Cdktn.Providers.Hikube.PostgresCluster;
using Hikube.Cdktn.Providers.Hikube.PostgresDatabase;
using Hikube.Cdktn.Providers.Hikube.PostgresUser;
using Hikube.Cdktn.Providers.Hikube.Provider;

namespace Orders
{
    public static class Program
    {
        public static void Main()
        {
            var app = new App();
            var stack = new TerraformStack(app, "production");
            // The project and its key come from HIKUBE_PROJECT_ID and HIKUBE_API_KEY.
            new HikubeProvider(stack, "hikube", new HikubeProviderConfig());
            var orders = new PostgresCluster(stack, "orders", new PostgresClusterConfig
            {
                Name = "orders",
                Version = "v17",
                Replicas = 3,
                StorageSize = "10Gi",
                SyncMode = "quorum", // a commit waits for one synchronous standby
                MinSyncReplicas = 1,
                MaxSyncReplicas = 1,
                External = true, // reachable from outside on its own host, port 5432, with TLS
            });
            var shop = new PostgresDatabase(stack, "shop", new PostgresDatabaseConfig
            {
                Cluster = orders.Name,
                Name = "shop",
                Extensions = new[] { "pgcrypto" },
            });
            // The platform generates the password.
            var appUser = new PostgresUser(stack, "app", new PostgresUserConfig
            {
                Cluster = orders.Name,
                Name = "app",
                Databases = new Dictionary<string, string> { ["shop"] = "admin" },
                DependsOn = new[] { shop },
            });
            new TerraformOutput(stack, "host", new TerraformOutputConfig { Value = orders.Host });
            new TerraformOutput(stack, "app_password", new TerraformOutputConfig
            {
                Value = appUser.Password,
                Sensitive = true,
            });
            app.Synth();
        }
    }
}
