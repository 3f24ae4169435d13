// Clusters exactly as the current Cozystack returns them (the SDK's fixtures, written from cozystack
// v1.6.2's chart) imported with the real terraform against Hikube Local: the configuration that
// states what the tenant wrote plans no change, whatever the platform filled in around it.
import { createClient, type HikubeClient, type Postgres } from '@hikube/sdk/kubernetes';
import { cozystackFixtures } from '@hikube/sdk/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let client: HikubeClient;
let failed = false;

beforeAll(async () => {
  harness = await startHarness();
  client = createClient({ kubeconfig: harness.local.kubeconfigPath });
}, 180_000);
afterEach((context) => {
  if (context.task.result?.state === 'fail') failed = true;
});
afterAll(async () => {
  await client?.close();
  await harness?.stop(failed);
}, 120_000);

// What each fixture's tenant wrote, as configuration (keyed by the fixture's object name).
const configurations: Record<string, string> = {
  plain: `
resource "hikube_postgres_cluster" "plain" {
  name = "plain"
}
`,
  orders: `
resource "hikube_postgres_cluster" "orders" {
  name              = "orders"
  replicas          = 3
  resources_preset  = "s1.small"
  external          = true
  sync_mode         = "quorum"
  min_sync_replicas = 1
  max_sync_replicas = 1
  parameters        = { max_connections = "200", work_mem = "8MB" }
  users = {
    app    = { password = "fixture-password-1" }
    reader = {}
  }
  databases = {
    orders = { admin = ["app"], readonly = ["reader"], extensions = ["hstore", "pg_trgm"] }
  }
  backup = { enabled = true, use_system_bucket = true }
}
`,
  'orders-restored': `
resource "hikube_postgres_cluster" "orders-restored" {
  name    = "orders-restored"
  backup  = { s3_credentials_secret = "orders-s3", endpoint_ca_secret = "seaweedfs-ca" }
  restore = { source_cluster = "orders", recovery_time = "2020-11-26 15:22:00.00000+00" }
}
`,
};

describe('terraform import of the cozystack v1.6.2 fixtures', () => {
  it('imports each cluster and plans no change', async () => {
    const fixtures = cozystackFixtures('tenant-demo');
    for (const fixture of fixtures) {
      await client.postgres.create({ metadata: { name: fixture.object.metadata.name }, spec: fixture.written as NonNullable<Postgres['spec']> });
    }
    const workspace = await harness.workspace({ 'main.tf': Object.values(configurations).join('\n') });
    await workspace.init();
    await workspace.writeImports(
      fixtures.map((fixture) => ({ to: `hikube_postgres_cluster.${fixture.object.metadata.name}`, id: `tenant-demo/${fixture.object.metadata.name}` })),
    );
    await workspace.apply();
    const plan = await workspace.plan();
    expect(plan.changes).toBe(false);
    // The import changed nothing on the platform: every object still reads as the fixture.
    for (const fixture of fixtures) {
      expect((await client.postgres.get(fixture.object.metadata.name)).spec).toEqual(fixture.object['spec']);
    }
  }, 300_000);
});
