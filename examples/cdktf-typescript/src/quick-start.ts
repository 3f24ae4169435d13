// Quick start: one production-like cluster, a database and an application user in a CDK Terrain app,
// on Hikube's public API. examples/cdktf-languages holds the same app in Python, Java, C# and Go;
// a test checks that they set the same values as this one.
import { App, TerraformOutput, TerraformStack } from 'cdktn';
import { postgresCluster, postgresDatabase, postgresUser, provider } from '@hikube/cdktn-provider-hikube';

const app = new App();
const stack = new TerraformStack(app, 'production');
// The project and its key come from HIKUBE_PROJECT_ID and HIKUBE_API_KEY.
new provider.HikubeProvider(stack, 'hikube', {});
const orders = new postgresCluster.PostgresCluster(stack, 'orders', {
  name: 'orders',
  version: 'v17',
  replicas: 3,
  storageSize: '10Gi',
  syncMode: 'quorum', // a commit waits for one synchronous standby
  minSyncReplicas: 1,
  maxSyncReplicas: 1,
  external: true, // reachable from outside on its own host, port 5432, with TLS
});
const shop = new postgresDatabase.PostgresDatabase(stack, 'shop', {
  cluster: orders.name,
  name: 'shop',
  extensions: ['pgcrypto'],
});
// The platform generates the password.
const appUser = new postgresUser.PostgresUser(stack, 'app', {
  cluster: orders.name,
  name: 'app',
  databases: { shop: 'admin' },
  dependsOn: [shop],
});
new TerraformOutput(stack, 'host', { value: orders.host });
new TerraformOutput(stack, 'app_password', { value: appUser.password, sensitive: true });
app.synth();
