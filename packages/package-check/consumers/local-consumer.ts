// Starts the installed Hikube Local and drives it with the installed SDK, through both APIs.
import { startHikubeLocal } from '@hikube/local';
import { createClient } from '@hikube/sdk/kubernetes';
import { createPublicClient } from '@hikube/sdk/public';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: local-consumer <data-dir>');
const local = await startHikubeLocal({ dataDir, port: 0, driver: 'deterministic' });
try {
  const kubernetes = createClient({ kubeconfig: local.kubeconfigPath });
  await kubernetes.postgres.create({ apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'consumer' }, spec: { replicas: 1 } });
  const ready = await kubernetes.postgres.waitForReady('consumer', { timeout: 60_000 });
  const publicApi = createPublicClient({ baseUrl: local.url, apiKey: local.publicApi.adminKey, projectId: local.publicApi.project.id, ca: local.caCertPem, env: {} });
  const clusters = await publicApi.postgres.clusters.list();
  process.stdout.write(`${JSON.stringify({ ready: ready.metadata.name, publicNames: clusters.map((c) => c.name), presets: (await publicApi.postgres.presets()).length })}\n`);
} finally {
  await local.stop();
}
