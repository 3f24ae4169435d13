import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kube-object.js';
import { specRefusals } from './spec-refusals.js';

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

describe('specRefusals (objects stored before a rule existed)', () => {
  it.each([
    { name: 'a valid spec', spec: { users: { app: {} }, postgresql: { parameters: { work_mem: '8MB' } } }, want: [] },
    { name: 'an unknown field (fieldValidation decides)', spec: { zones: ['gland'] }, want: [] },
    { name: 'streaming_replica as a user', spec: { users: { streaming_replica: {} } }, want: ['spec.users.streaming_replica'] },
    { name: 'a newline in a value', spec: { postgresql: { parameters: { application_name: 'a\nb' } } }, want: ['spec.postgresql.parameters.application_name'] },
    { name: 'the template0 database', spec: { databases: { template0: {} } }, want: ['spec.databases.template0'] },
    { name: 'an operator-managed parameter', spec: { postgresql: { parameters: { port: 1 } } }, want: ['spec.postgresql.parameters.port'] },
  ])('$name', ({ spec, want }) => {
    expect(specRefusals(stored(spec)).map((r) => r.path)).toEqual(want);
  });
});
