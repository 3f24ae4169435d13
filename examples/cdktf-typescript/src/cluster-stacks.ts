// The two clusters of the examples, as CDK Terrain stacks: the same shapes as examples/terraform.
import { Fn, TerraformOutput, TerraformStack } from 'cdktn';
import type { Construct } from 'constructs';
import { postgresCluster, provider } from '@hikube/cdktn-provider-hikube';

/**
 * The provider reads its connection from the environment (`HIKUBE_*`, then `KUBECONFIG`), like
 * the Kubernetes provider, so the synthesized JSON names no machine-specific path or secret.
 */
function hikubeProvider(scope: Construct): provider.HikubeProvider {
  return new provider.HikubeProvider(scope, 'hikube', {});
}

/** Outputs every app wants: endpoints and instances in clear, connection URIs marked sensitive. */
function clusterOutputs(scope: Construct, cluster: postgresCluster.PostgresCluster, user: string): void {
  new TerraformOutput(scope, 'endpoints', { value: cluster.endpoints, description: 'rw/ro/r hosts and ports' });
  new TerraformOutput(scope, 'instances', { value: cluster.instances, description: 'each instance with its zone and role' });
  new TerraformOutput(scope, 'current_primary', { value: cluster.currentPrimary });
  // Map keys go through lookupNested: the generated `.get(key)` would write the key unquoted.
  new TerraformOutput(scope, `${user}_uri_rw`, { value: Fn.lookupNested(cluster.connectionUris, [user, 'rw']), sensitive: true });
  new TerraformOutput(scope, `${user}_uri_ro`, { value: Fn.lookupNested(cluster.connectionUris, [user, 'ro']), sensitive: true });
  new TerraformOutput(scope, 'connection_uris', { value: cluster.connectionUris, sensitive: true });
}

/**
 * Production-like: three instances with one synchronous standby (quorum 1 of the two standbys), an
 * application user, a read-only reporting user and their database. No placement attribute: no
 * Cozystack release up to v1.6.2 has a per-cluster class; the tenant's SchedulingClass (namespace
 * label set by the administrator) applies, else the platform spreads instances over the datacenters.
 */
export class ProductionStack extends TerraformStack {
  readonly cluster: postgresCluster.PostgresCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    hikubeProvider(this);
    this.cluster = new postgresCluster.PostgresCluster(this, 'orders', {
      name: 'orders',
      version: 'v17',
      replicas: 3,
      syncMode: 'quorum',
      minSyncReplicas: 1,
      maxSyncReplicas: 1,
      resourcesPreset: 'small',
      storageSize: '10Gi',
      users: {
        app: {},
        reporting: {},
      },
      databases: {
        orders: { admin: ['app'], readonly: ['reporting'] },
      },
      waitFor: 'all_instances',
      timeouts: { create: '15m', update: '15m', delete: '10m' },
    });
    clusterOutputs(this, this.cluster, 'app');
  }
}

/** Development: one instance, asynchronous, the smallest preset, one user and database. */
export class DevelopmentStack extends TerraformStack {
  readonly cluster: postgresCluster.PostgresCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    hikubeProvider(this);
    this.cluster = new postgresCluster.PostgresCluster(this, 'dev', {
      name: 'orders-dev',
      version: 'v17',
      replicas: 1,
      syncMode: 'async',
      resourcesPreset: 'nano',
      storageSize: '1Gi',
      users: { app: {} },
      databases: { orders: { admin: ['app'] } },
      waitFor: 'primary',
    });
    clusterOutputs(this, this.cluster, 'app');
  }
}
