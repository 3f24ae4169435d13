// A cluster the platform cannot bring up: apply stops at the create timeout with the reason, and
// the cluster stays in state, tainted, so the next apply replaces it.
import { DeterministicReconciler } from '@hikube/local';
import { findStateResource } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('hikube_postgres_cluster when the platform fails', () => {
  let harness: Harness;
  let failed = false;
  beforeAll(async () => {
    harness = await startHarness(new DeterministicReconciler({ availableVersions: ['v18'] }));
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await harness?.stop(failed);
  });

  it('reports the reason and keeps the cluster in state, tainted', async () => {
    const tf = await harness.workspace({
      'main.tf': 'resource "hikube_postgres_cluster" "old" {\n  name    = "old"\n  version = "v13"\n  timeouts {\n    create = "5s"\n  }\n}\n',
    });
    await tf.init();
    const result = await tf.apply({ check: false });
    expect(result.exitCode).toBe(1);
    const text = result.stderr.replace(/\s+/g, ' ');
    expect(text).toMatch(/Cluster tenant-demo\/old was created but is not ready/);
    expect(text).toMatch(/did not happen within 5000 ms \(last: .*PostgreSQL 13 is not available/);
    const resource = findStateResource((await tf.state()).values, 'hikube_postgres_cluster.old') as unknown as { tainted?: boolean; values: Record<string, unknown> };
    expect(resource.tainted).toBe(true);
    expect(resource.values['id']).toBe('tenant-demo/old');
    await tf.destroy();
  });
});
