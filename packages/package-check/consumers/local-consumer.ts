// Starts the installed Hikube Local and drives it with the installed SDK, through both APIs; the
// platform model (`@hikube/local/model`) knows the node the instance was placed on.
import { startHikubeLocal } from '@hikube/local';
import { LOCAL_NODES } from '@hikube/local/model';
import { createClient } from '@hikube/sdk/kubernetes';
import { createPublicClient } from '@hikube/sdk/public';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: local-consumer <data-dir>');
const local = await startHikubeLocal({ dataDir, port: 0, driver: 'deterministic' });
try {
  const kubernetes = createClient({ kubeconfig: local.kubeconfigPath });
  await kubernetes.postgres.create({ apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'consumer' }, spec: { replicas: 1 } });
  const ready = await kubernetes.postgres.waitForReady('consumer', { timeout: 60_000 });
  const publicApi = createPublicClient({
    baseUrl: local.url,
    apiKey: local.publicApi.adminKey,
    projectId: local.publicApi.project.id,
    ca: local.caCertPem,
    env: {},
  });
  const clusters = await publicApi.postgres.clusters.list();
  const instances = await kubernetes.postgres.instances('consumer');
  const modelNodes = instances.map((i) => LOCAL_NODES.find((node) => node.name === i.node)?.site === i.zone);
  process.stdout.write(
    `${JSON.stringify({ ready: ready.metadata.name, publicNames: clusters.map((c) => c.name), presets: (await publicApi.postgres.presets()).length, modelNodes })}\n`,
  );
} finally {
  await local.stop();
}
