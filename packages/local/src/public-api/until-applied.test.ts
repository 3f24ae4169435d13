import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject } from '../store/kube-object.js';
import { untilApplied } from './until-applied.js';

const ready = (status: 'True' | 'False', reason: string, observedGeneration: number): Condition => ({ type: 'Ready', status, reason, message: '', lastTransitionTime: '2026-12-03T00:00:00Z', observedGeneration });
const cluster = (generation: number, conditions: Condition[]): KubeObject => ({ apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'shop', generation }, status: { conditions } });

describe('untilApplied', () => {
  it.each([
    { name: 'the new generation is ready', reads: [cluster(3, [ready('True', 'ReconciliationSucceeded', 3)])], want: true, readsUsed: 1 },
    { name: 'ready for the old generation, then applying, then applied', reads: [cluster(3, [ready('True', 'ReconciliationSucceeded', 2)]), cluster(3, [ready('False', 'Reconciling', 3)]), cluster(3, [ready('True', 'ReconciliationSucceeded', 3)])], want: true, readsUsed: 3 },
    { name: 'the cluster fails for good', reads: [cluster(3, [ready('False', 'VersionUnavailable', 3)])], want: false, readsUsed: 1 },
    { name: 'the cluster is gone', reads: [undefined], want: false, readsUsed: 1 },
  ])('$name', async ({ reads, want, readsUsed }) => {
    let i = 0;
    const read = (): KubeObject | undefined => reads[Math.min(i++, reads.length - 1)];
    expect(await untilApplied(read, 3, { pollMs: 1 })).toBe(want);
    expect(i).toBe(readsUsed);
  });

  it('gives up after the timeout while the change is still being applied', async () => {
    expect(await untilApplied(() => cluster(3, [ready('False', 'Reconciling', 3)]), 3, { timeoutMs: 30, pollMs: 5 })).toBe(false);
  });
});
