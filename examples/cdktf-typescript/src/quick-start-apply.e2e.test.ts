// The README's quick start run as a user would: `cdktn synth`, then `terraform init` and `apply`
// in the synthesized stack with the real terraform, against Hikube Local's public API with the
// environment `source DIR/hikube.env` gives (HIKUBE_API, HIKUBE_CA_CERT, HIKUBE_PROJECT_ID,
// HIKUBE_API_KEY).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStateResource } from '@hikube/testkit';
import { stackOnLocal, type StackOnLocal } from './stack-on-local.js';
import { synthesizeQuickStart } from './synthesize-app.js';

let stack: StackOnLocal | undefined;
let failed = false;

beforeAll(async () => {
  stack = await stackOnLocal('cdktf-quick-start-apply', async (appDir) => (await synthesizeQuickStart(appDir)).file, 'public');
});

afterAll(async () => {
  await stack?.close(failed);
});

describe('the quick start applied to Hikube Local', () => {
  it(
    'creates the cluster, database and user through the public API; outputs the host and a sensitive password; the next plan is empty',
    { timeout: 600_000 },
    async () => {
      try {
        if (!stack) throw new Error('the workspace was not created');
        const { workspace, local } = stack;
        await workspace.init();
        await workspace.apply();
        const mutating = local
          .publicApiRequests()
          .filter((entry) => entry.mutating)
          .map((entry) => `${entry.method} ${entry.operationId ?? entry.path}`);
        expect(mutating).toEqual(['POST PostgresService_CreatePostgresCluster', 'POST PostgresService_CreateDatabase', 'POST PostgresService_CreateUser']);
        const state = (await workspace.state()).values;
        expect(findStateResource(state, 'hikube_postgres_cluster.orders').values).toMatchObject({
          name: 'orders',
          version: 'v17',
          replicas: 3,
          storage_size: '10Gi',
          sync_mode: 'quorum',
          min_sync_replicas: 1,
          max_sync_replicas: 1,
          external: true,
        });
        expect(findStateResource(state, 'hikube_postgres_database.shop').values).toMatchObject({ cluster: 'orders', name: 'shop', extensions: ['pgcrypto'] });
        const user = findStateResource(state, 'hikube_postgres_user.app').values;
        expect(user).toMatchObject({ cluster: 'orders', name: 'app', databases: { shop: 'admin' } });
        const outputs = await workspace.output();
        expect(outputs['host']?.sensitive).toBe(false);
        expect(String(outputs['host']?.value)).toBeTruthy();
        expect(outputs['app_password']?.sensitive).toBe(true);
        expect(String(outputs['app_password']?.value)).toBe(String(user['password']));
        expect(String(user['password']).length).toBeGreaterThanOrEqual(16);
        expect((await workspace.plan()).changes).toBe(false);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
  );
});
