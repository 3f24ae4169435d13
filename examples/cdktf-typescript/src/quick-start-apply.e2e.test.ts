// The README's quick start run as a user would: `cdktf synth`, then `terraform init` and `apply`
// in the synthesized stack against Hikube Local, with the real terraform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStateResource } from '@hikube/testkit';
import { stackOnLocal, type StackOnLocal } from './stack-on-local.js';
import { synthesizeQuickStart } from './synthesize-app.js';

let stack: StackOnLocal | undefined;
let failed = false;

beforeAll(async () => {
  stack = await stackOnLocal('cdktf-quick-start-apply', async (appDir) => (await synthesizeQuickStart(appDir)).file);
});

afterAll(async () => {
  await stack?.close(failed);
});

describe('the quick start applied to Hikube Local', () => {
  it('creates the cluster; its outputs are the rw host and a sensitive URI for app; the next plan is empty', { timeout: 600_000 }, async () => {
    try {
      if (!stack) throw new Error('the workspace was not created');
      const { workspace } = stack;
      await workspace.init();
      await workspace.apply();
      const cluster = findStateResource((await workspace.state()).values, 'hikube_postgres_cluster.orders');
      expect(cluster.values).toMatchObject({ name: 'orders', replicas: 3, sync_mode: 'quorum' });
      // zones is a set: Terraform keeps it sorted.
      expect(cluster.values['zones']).toEqual(['geneva', 'gland', 'lucerne']);
      const outputs = await workspace.output();
      expect(String(outputs['rw_host']?.value)).toBeTruthy();
      expect(outputs['rw_host']?.sensitive).toBe(false);
      expect(outputs['app_uri_rw']?.sensitive).toBe(true);
      expect(String(outputs['app_uri_rw']?.value)).toMatch(/^postgres(ql)?:\/\/app:[^@]+@/);
      expect((await workspace.plan()).changes).toBe(false);
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
