// The engine driver in process with a recording context: what it writes and touches when a
// stored spec breaks the API's rules. No PostgreSQL is started: the refusal comes first.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../store/kube-object.js';
import type { OwnedObject, PostgresStatus, ReconcileContext } from '../reconciler.js';
import { EngineReconciler } from './engine-reconciler.js';

function stored(spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name: 'orders', namespace: 'team-a', uid: 'uid-1', generation: 3, resourceVersion: '7' },
    spec,
    // what the engine driver writes: more than the document types, which must not count
    status: { version: '0.18.0', conditions: [], phase: 'Healthy', instancesStatus: [] },
  };
}

/** A context that records what the reconciler writes; nothing else may be touched. */
function recordingContext(object: KubeObject) {
  const statuses: PostgresStatus[] = [];
  const events: string[] = [];
  const touched: string[] = [];
  const ctx: ReconcileContext = {
    placement: () => {
      touched.push('placement');
      return { className: 'spread', nodes: ['gld-worker-1', 'luc-worker-1', 'plo-worker-1'] };
    },
    signal: new AbortController().signal,
    ownerReference: { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', name: 'orders', uid: 'uid-1' },
    get: () => object,
    writeStatus: (status) => {
      statuses.push(status);
      return Promise.resolve();
    },
    applyOwned: (owned: OwnedObject) => {
      touched.push(`apply ${owned.kind}`);
      return Promise.reject(new Error('must not be called'));
    },
    deleteOwned: (kind) => {
      touched.push(`delete ${kind}`);
      return Promise.resolve();
    },
    listOwned: () => [],
    event: (type, reason) => {
      events.push(`${type} ${reason}`);
      return Promise.resolve();
    },
  };
  return { ctx, statuses, events, touched };
}

describe('the engine driver on a refused spec', () => {
  it('acts on nothing and fails the install, naming the field (issue 18: status never says applied)', async () => {
    const object = stored({ users: { app: {}, streaming_replica: {} } });
    const { ctx, statuses, events, touched } = recordingContext(object);
    const result = await new EngineReconciler().reconcile(object, ctx);
    expect(result).toEqual({});
    expect(touched).toEqual([]);
    const ready = statuses.at(-1)?.conditions.find((c) => c.type === 'Ready');
    // As the platform: the install fails with Helm's reason and wording, no observedGeneration.
    expect(ready).toMatchObject({ status: 'False', reason: 'InstallFailed' });
    expect(ready).not.toHaveProperty('observedGeneration');
    expect(ready?.message).toMatch(
      /^Helm install failed for release .*postgres-orders with chart postgres@0\.18\.0: values don't meet .*\n- at '\/users\/streaming_replica': .*may not declare "streaming_replica"/s,
    );
    expect(statuses.at(-1)?.conditions.find((c) => c.type === 'Released')).toMatchObject({ status: 'False', reason: 'InstallFailed' });
    expect(events).toEqual(['Warning InstallFailed']);
  });
});
