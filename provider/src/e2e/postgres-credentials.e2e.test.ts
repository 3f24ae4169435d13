import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type HikubeClient } from '@hikube/sdk/kubernetes';
import { findStateResource, type TerraformWorkspace } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../build/build-executable.js';
import { startHarness, type Harness } from './harness.js';

// Issue 14 §4: a credential out of state. The documented example runs as is: the ephemeral
// hikube_postgres_credentials reads the password of "billing" (a cluster another team made,
// here with the SDK) and a write-only argument gives it to a new cluster; the real terraform
// plans and applies it, and the state file never holds it.
const example = readFileSync(join(packageRoot, 'examples', 'ephemeral-resources', 'hikube_postgres_credentials', 'ephemeral-resource.tf'), 'utf8');

describe('ephemeral hikube_postgres_credentials with the real terraform against Hikube Local', () => {
  let harness: Harness;
  let client: HikubeClient;
  let tf: TerraformWorkspace;
  let billingPassword = '';
  let failed = false;

  beforeAll(async () => {
    harness = await startHarness();
    client = createClient({ kubeconfig: harness.local.kubeconfigPath });
    await client.postgres.create({ metadata: { name: 'billing' }, spec: { replicas: 1, users: { app: {}, bi: {} } } });
    await client.postgres.waitForReady('billing', { timeout: 60_000 });
    billingPassword = (await client.postgres.credentials('billing'))['app'] ?? '';
    expect(billingPassword.length).toBeGreaterThan(8);
    tf = await harness.workspace({ 'main.tf': example });
    await tf.init();
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await harness?.stop(failed);
  });

  it('plans and applies: the new cluster gets the password through the write-only argument', async () => {
    const plan = await tf.plan({ out: true });
    expect(plan.stdout).toContain('1 to add');
    const apply = await tf.apply({ planFile: plan.planFile! });
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added');
    expect((await client.postgres.credentials('billing-copy'))['app']).toBe(billingPassword);
    for (const text of [plan.stdout, plan.stderr, apply.stdout, apply.stderr, JSON.stringify(plan.plan)]) expect(text).not.toContain(billingPassword);
  });

  it('keeps the password out of the state file, which still records the cluster', async () => {
    const stateFile = await tf.stateFile();
    expect(stateFile).toContain('billing-copy');
    expect(stateFile).not.toContain(billingPassword);
    const users = findStateResource((await tf.state()).values, 'hikube_postgres_cluster.billing_copy').values['users'] as Record<
      string,
      Record<string, unknown>
    >;
    expect(users['app']).toMatchObject({ password_wo: null, password_wo_version: 1 });
  });

  it('plans no change on the next run, reading the credentials again', async () => {
    const again = await tf.plan();
    expect(again.changes).toBe(false);
    expect(again.stdout).toContain('No changes.');
    expect(await tf.stateFile()).not.toContain(billingPassword);
  });

  it('names the user it cannot find, and the users the cluster has, at plan', async () => {
    await tf.writeFiles({ 'main.tf': example.replace('user    = "app"', 'user    = "ghost"') });
    const refused = await tf.plan({ check: false });
    expect(refused.ok).toBe(false);
    const text = refused.stderr.replace(/\s+/g, ' ');
    expect(text).toContain('No such user');
    expect(text).toMatch(/has no user "ghost" in postgres-billing-credentials \(it has: app, bi\)/);
    expect(text).toMatch(/on main\.tf line \d+, in ephemeral "hikube_postgres_credentials" "billing_app"/);
    expect(text).not.toContain(billingPassword);
    await tf.writeFiles({ 'main.tf': example });
  });

  it("destroys what it created and leaves the other team's cluster alone", async () => {
    const destroyed = await tf.destroy();
    expect(destroyed.stdout).toContain('Destroy complete! Resources: 1 destroyed');
    expect((await client.postgres.listAll()).map((p) => p.metadata.name)).toEqual(['billing']);
  });
});
