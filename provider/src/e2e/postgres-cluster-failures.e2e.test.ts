// A cluster the platform cannot bring up: apply stops as soon as the platform reports a terminal
// reason (helm-controller's InstallFailed/UpgradeFailed, not at the timeout), names it, and the
// cluster stays in state, tainted, so the next apply replaces it. An update the platform refuses
// fails the apply too: the wait does not end on the Ready=True left from before the change.
import { DeterministicReconciler } from '@hikube/local';
import { findStateResource } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('hikube_postgres_cluster when the platform fails', () => {
  let harness: Harness;
  let failed = false;
  const platform = new DeterministicReconciler({ availableVersions: ['v16', 'v18'] });
  beforeAll(async () => {
    harness = await startHarness(platform);
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await harness?.stop(failed);
  });

  it('reports the reason and keeps the cluster in state, tainted', async () => {
    const tf = await harness.workspace({
      'main.tf': 'resource "hikube_postgres_cluster" "old" {\n  name    = "old"\n  version = "v13"\n  timeouts {\n    create = "10m"\n  }\n}\n',
    });
    await tf.init();
    const result = await tf.apply({ check: false });
    expect(result.exitCode).toBe(1);
    const text = result.stderr.replace(/\s+/g, ' ');
    expect(text).toMatch(/Cluster tenant-demo\/old was created but is not ready/);
    // The 10-minute timeout is never reached: the terminal InstallFailed reason ends the wait.
    expect(text).toMatch(
      /Ready=False \(InstallFailed\): Helm install failed for release tenant-demo\/postgres-old with chart postgres@0\.18\.0: PostgreSQL 13 is not available/,
    );
    expect(text).not.toMatch(/did not happen within/);
    const resource = findStateResource((await tf.state()).values, 'hikube_postgres_cluster.old') as unknown as {
      tainted?: boolean;
      values: Record<string, unknown>;
    };
    expect(resource.tainted).toBe(true);
    expect(resource.values['id']).toBe('tenant-demo/old');
    await tf.destroy();
  });

  it('fails an update the platform refuses with its reason, not on the Ready left from before it', async () => {
    const config = (version: string) =>
      `resource "hikube_postgres_cluster" "up" {\n  name     = "up"\n  version  = "${version}"\n  replicas = 1\n  wait_for = "released"\n}\n`;
    const tf = await harness.workspace({ 'main.tf': config('v16') });
    await tf.init();
    expect((await tf.apply({ check: false })).exitCode).toBe(0);
    await tf.writeFiles({ 'main.tf': config('v17') });
    const result = await tf.apply({ check: false });
    expect(result.exitCode).toBe(1);
    const text = result.stderr.replace(/\s+/g, ' ');
    expect(text).toMatch(/Cluster tenant-demo\/up was updated but is not ready/);
    expect(text).toMatch(
      /Ready=False \(UpgradeFailed\): Helm upgrade failed for release tenant-demo\/postgres-up with chart postgres@0\.18\.0: PostgreSQL 17 is not available/,
    );
    await tf.destroy();
  });

  it('keeps a cluster that is still not ready at the create timeout in state, tainted', async () => {
    // Every site down: the platform says PrimaryUnavailable, a transient reason, so only the
    // timeout ends the wait.
    const sites = ['gland', 'lucerne', 'geneva'] as const;
    for (const site of sites) await platform.siteOperation('down', site);
    try {
      const tf = await harness.workspace({
        'main.tf': 'resource "hikube_postgres_cluster" "slow" {\n  name = "slow"\n  timeouts {\n    create = "5s"\n  }\n}\n',
      });
      await tf.init();
      const result = await tf.apply({ check: false });
      expect(result.exitCode).toBe(1);
      const text = result.stderr.replace(/\s+/g, ' ');
      expect(text).toMatch(/Cluster tenant-demo\/slow was created but is not ready/);
      expect(text).toMatch(/did not happen within 5000 ms/);
      const resource = findStateResource((await tf.state()).values, 'hikube_postgres_cluster.slow') as unknown as {
        tainted?: boolean;
        values: Record<string, unknown>;
      };
      expect(resource.tainted).toBe(true);
      expect(resource.values['id']).toBe('tenant-demo/slow');
      for (const site of sites) await platform.siteOperation('up', site);
      await tf.destroy();
    } finally {
      for (const site of sites) await platform.siteOperation('up', site);
    }
  });
});
