// Quick start: one production-like cluster, a database and an application user in a CDK Terrain app,
// on Hikube's public API, in Java.
import io.cdktn.cdktn.App;
import io.cdktn.cdktn.TerraformOutput;
import io.cdktn.cdktn.TerraformStack;
import io.hikube.cdktn.providers.hikube.postgres_cluster.PostgresCluster;
import io.hikube.cdktn.providers.hikube.postgres_database.PostgresDatabase;
import io.hikube.cdktn.providers.hikube.postgres_user.PostgresUser;
import io.hikube.cdktn.providers.hikube.provider.HikubeProvider;
import java.util.List;
import java.util.Map;

public class Main {
    public static void main(String[] args) {
        App app = new App();
        TerraformStack stack = new TerraformStack(app, "production");
        // The project and its key come from HIKUBE_PROJECT_ID and HIKUBE_API_KEY.
        HikubeProvider.Builder.create(stack, "hikube").build();
        PostgresCluster orders = PostgresCluster.Builder.create(stack, "orders")
                .name("orders")
                .version("v17")
                .replicas(3)
                .storageSize("10Gi")
                .syncMode("quorum") // a commit waits for one synchronous standby
                .minSyncReplicas(1)
                .maxSyncReplicas(1)
                .external(true) // reachable from outside on its own host, port 5432, with TLS
                .build();
        PostgresDatabase shop = PostgresDatabase.Builder.create(stack, "shop")
                .cluster(orders.getName())
                .name("shop")
                .extensions(List.of("pgcrypto"))
                .build();
        // The platform generates the password.
        PostgresUser appUser = PostgresUser.Builder.create(stack, "app")
                .cluster(orders.getName())
                .name("app")
                .databases(Map.of("shop", "admin"))
                .dependsOn(List.of(shop))
                .build();
        TerraformOutput.Builder.create(stack, "host")
                .value(orders.getHost())
                .build();
        TerraformOutput.Builder.create(stack, "app_password")
                .value(appUser.getPassword())
                .sensitive(true)
                .build();
        app.synth();
    }
}
