// A CommonJS consumer of both installed binding packages: one stack per CDK core, synthesized
// into the directory given as the first argument.
import { App as CdktfApp, TerraformStack as CdktfStack } from 'cdktf';
import { App as CdktnApp, TerraformStack as CdktnStack } from 'cdktn';
import * as cdktfBindings from '@hikube/cdktf-provider-hikube';
import * as cdktnBindings from '@hikube/cdktn-provider-hikube';

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: bindings-consumer <outdir>');

const cdktfApp = new CdktfApp({ outdir: `${outdir}/cdktf` });
const cdktfStack = new CdktfStack(cdktfApp, 'consumer');
new cdktfBindings.provider.HikubeProvider(cdktfStack, 'hikube', {});
new cdktfBindings.postgresCluster.PostgresCluster(cdktfStack, 'orders', {
  name: 'orders',
  replicas: 3,
  syncMode: 'quorum',
  minSyncReplicas: 1,
  maxSyncReplicas: 1,
});
cdktfApp.synth();

const cdktnApp = new CdktnApp({ outdir: `${outdir}/cdktn` });
const cdktnStack = new CdktnStack(cdktnApp, 'consumer');
new cdktnBindings.provider.HikubeProvider(cdktnStack, 'hikube', {});
new cdktnBindings.postgresCluster.PostgresCluster(cdktnStack, 'orders', {
  name: 'orders',
  replicas: 3,
  syncMode: 'quorum',
  minSyncReplicas: 1,
  maxSyncReplicas: 1,
});
cdktnApp.synth();
