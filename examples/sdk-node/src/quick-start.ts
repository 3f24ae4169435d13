import { createClient, type PostgresSpec } from '@hikube/sdk/kubernetes';

/** A replicated cluster from Node: create, wait, see where it runs, get a connection string. */
export async function quickStart(name: string, version: PostgresSpec['version'] = 'v18'): Promise<string> {
  const client = createClient(); // your tenant's kubeconfig: $KUBECONFIG or ~/.kube/config
  try {
    await client.postgres.create({
      metadata: { name },
      spec: {
        version, // a PostgreSQL major: v13 to v18
        replicas: 3, // a primary and two standbys, one per datacenter
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 }, // commits confirmed by one standby
        users: { app: {} }, // the platform generates the password
        databases: { shop: { roles: { admin: ['app'] } } },
      },
    });
    await client.postgres.waitForReady(name, { timeout: 10 * 60_000 });
    for (const { pod, zone, role } of await client.postgres.instances(name)) console.log(pod, zone, role);
    return await client.postgres.connectionString(name, { user: 'app', database: 'shop' });
  } finally {
    await client.close();
  }
}
