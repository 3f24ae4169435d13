// Quick start: one production-like cluster in a CDKTF app. examples/cdktf-languages holds the same
// app in Python, Java, C# and Go; a test checks that they set the same values as this one.
import { App, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import { postgresCluster, provider } from '@hikube/cdktf-provider-hikube';

const app = new App();
const stack = new TerraformStack(app, 'production');
// The connection comes from HIKUBE_* variables or KUBECONFIG, as with kubectl.
new provider.HikubeProvider(stack, 'hikube', {});
const orders = new postgresCluster.PostgresCluster(stack, 'orders', {
  name: 'orders',
  replicas: 3, // one instance in each datacenter
  syncMode: 'quorum', // a commit waits for one synchronous standby
  minSyncReplicas: 1,
  maxSyncReplicas: 1,
  zones: ['gland', 'lucerne', 'geneva'],
  users: { app: {}, reporting: {} },
  databases: { orders: { admin: ['app'], readonly: ['reporting'] } },
});
new TerraformOutput(stack, 'rw_host', { value: orders.endpoints.rw.host });
new TerraformOutput(stack, 'app_uri_rw', { value: Fn.lookupNested(orders.connectionUris, ['app', 'rw']), sensitive: true });
app.synth();
