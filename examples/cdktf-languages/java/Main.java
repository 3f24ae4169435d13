// Quick start: one production-like cluster in a CDKTF app, in Java.
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import io.hikube.cdktf.providers.hikube.postgres_cluster.PostgresCluster;
import io.hikube.cdktf.providers.hikube.postgres_cluster.PostgresClusterDatabases;
import io.hikube.cdktf.providers.hikube.postgres_cluster.PostgresClusterUsers;
import io.hikube.cdktf.providers.hikube.provider.HikubeProvider;
import java.util.List;
import java.util.Map;

public class Main {
    public static void main(String[] args) {
        App app = new App();
        TerraformStack stack = new TerraformStack(app, "production");
        // The connection comes from HIKUBE_* variables or KUBECONFIG, as with kubectl.
        HikubeProvider.Builder.create(stack, "hikube").build();
        PostgresCluster orders = PostgresCluster.Builder.create(stack, "orders")
                .name("orders")
                .replicas(3) // one instance in each datacenter
                .syncMode("quorum") // a commit waits for one synchronous standby
                .minSyncReplicas(1)
                .maxSyncReplicas(1)
                .zones(List.of("gland", "lucerne", "geneva"))
                .users(Map.of(
                        "app", PostgresClusterUsers.builder().build(),
                        "reporting", PostgresClusterUsers.builder().build()))
                .databases(Map.of(
                        "orders", PostgresClusterDatabases.builder().admin(List.of("app")).readonly(List.of("reporting")).build()))
                .build();
        TerraformOutput.Builder.create(stack, "rw_host")
                .value(orders.getEndpoints().getRw().getHost())
                .build();
        TerraformOutput.Builder.create(stack, "app_uri_rw")
                .value(Fn.lookupNested(orders.getConnectionUris(), List.of("app", "rw")))
                .sensitive(true)
                .build();
        app.synth();
    }
}
