import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject } from '../store/kube-object.js';
import { untilApplied } from './until-applied.js';

const condition = (status: Condition['status'], reason: string, message: string, lastTransitionTime = '2026-12-03T00:00:00Z'): Condition => ({
  type: 'Ready',
  status,
  reason,
  message,
  lastTransitionTime,
});
const cluster = (ready: Condition): KubeObject => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name: 'shop', generation: 3 },
  status: { conditions: [ready] },
});
const v1 = condition('True', 'InstallSucceeded', 'Helm install succeeded for release tenant-a/postgres-shop.v1 with chart postgres@0.18.0');
const v2 = condition(
  'True',
  'UpgradeSucceeded',
  'Helm upgrade succeeded for release tenant-a/postgres-shop.v2 with chart postgres@0.18.0',
  '2026-12-03T00:00:05Z',
);
const progressing = condition('Unknown', 'Progressing', "Running 'upgrade' action with timeout of 5m0s", '2026-12-03T00:00:01Z');
const failed = condition(
  'False',
  'UpgradeFailed',
  'Helm upgrade failed for release tenant-a/postgres-shop with chart postgres@0.18.0: boom',
  '2026-12-03T00:00:02Z',
);

describe('untilApplied (no observedGeneration: a Ready newer than the one the write left)', () => {
  it.each([
    { name: 'the release of the change succeeded', reads: [cluster(v2)], want: true, readsUsed: 1 },
    {
      name: 'the Ready left from before, then progressing, then the new release',
      reads: [cluster(v1), cluster(progressing), cluster(v2)],
      want: true,
      readsUsed: 3,
    },
    { name: 'the release of the change fails', reads: [cluster(v1), cluster(failed)], want: false, readsUsed: 2 },
    { name: 'the cluster is gone', reads: [undefined], want: false, readsUsed: 1 },
  ])('$name', async ({ reads, want, readsUsed }) => {
    let i = 0;
    const read = (): KubeObject | undefined => reads[Math.min(i++, reads.length - 1)];
    expect(await untilApplied(read, v1, { pollMs: 1 })).toBe(want);
    expect(i).toBe(readsUsed);
  });

  it('does not take the Ready left from before the write for the change applied', async () => {
    expect(await untilApplied(() => cluster(v1), v1, { timeoutMs: 30, pollMs: 5 })).toBe(false);
  });
});
