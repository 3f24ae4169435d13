// Reads what the report shows through the SDK, as any Hikube user's code would.
import { NotFoundError, type HikubeClient } from '@hikube/sdk/kubernetes';
import { clusterViewFrom, type ClusterView } from './cluster-report.js';

/** The cluster names examples/terraform creates (production.tf, development.tf). */
export const PRODUCTION_CLUSTER = 'orders';
export const DEVELOPMENT_CLUSTER = 'dev';

export async function readClusterView(client: HikubeClient, name: string): Promise<ClusterView | undefined> {
  let object: unknown;
  try {
    object = await client.postgres.get(name, { timeout: 10_000 });
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
  const [endpoints, pods] = await Promise.all([
    client.postgres.endpoints(name, { timeout: 10_000 }).catch(() => ({})),
    client.postgres.instances(name, { timeout: 10_000 }).catch(() => []),
  ]);
  return clusterViewFrom(object, endpoints, pods);
}

/** One short status for a progress line: `orders 2/3 ready (Initializing)`. */
export async function shortStatus(client: HikubeClient, name: string): Promise<string> {
  try {
    const object = await client.postgres.get(name, { timeout: 5_000 });
    const view = clusterViewFrom(object, {}, []);
    const ready = view.instances.filter((i) => i.ready).length;
    const total = view.instances.length;
    if (view.ready && ready === total) return `${name} ready`;
    return total > 0 ? `${name} ${ready}/${total} instances ready (${view.readyReason})` : `${name} ${view.readyReason}`;
  } catch (err) {
    return err instanceof NotFoundError ? `${name} not created yet` : `${name} ?`;
  }
}
