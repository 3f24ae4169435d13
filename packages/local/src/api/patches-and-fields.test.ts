import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kube-object.js';
import { applyConfig, decodeFields, encodeFields, recordUpdate, trackedPaths } from './field-manager.js';
import { jsonPatch } from './json-patches.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import type { ApiStatusError } from './status-error.js';
import { humanDuration } from './table.js';

describe('jsonPatch (RFC 6902)', () => {
  const cases: { name: string; ops: unknown; want: unknown }[] = [
    { name: 'add to a map', ops: [{ op: 'add', path: '/b', value: 2 }], want: { a: { x: [1, 2] }, b: 2 } },
    { name: 'append to a list', ops: [{ op: 'add', path: '/a/x/-', value: 3 }], want: { a: { x: [1, 2, 3] } } },
    { name: 'replace', ops: [{ op: 'replace', path: '/a/x/0', value: 9 }], want: { a: { x: [9, 2] } } },
    { name: 'remove', ops: [{ op: 'remove', path: '/a/x/1' }], want: { a: { x: [1] } } },
    { name: 'move', ops: [{ op: 'move', from: '/a/x', path: '/y' }], want: { a: {}, y: [1, 2] } },
    {
      name: 'test then copy',
      ops: [
        { op: 'test', path: '/a/x/0', value: 1 },
        { op: 'copy', from: '/a/x', path: '/z' },
      ],
      want: { a: { x: [1, 2] }, z: [1, 2] },
    },
  ];
  it.each(cases)('$name', ({ ops, want }) => expect(jsonPatch({ a: { x: [1, 2] } }, ops)).toEqual(want));

  it.each([
    { name: 'replace of a missing path', ops: [{ op: 'replace', path: '/nope', value: 1 }], status: 422 },
    { name: 'failed test', ops: [{ op: 'test', path: '/a', value: 2 }], status: 422 },
    { name: 'not a list', ops: { op: 'add' }, status: 400 },
    { name: 'unknown op', ops: [{ op: 'frob', path: '/a' }], status: 400 },
  ])('rejects $name', ({ ops, status }) => {
    try {
      jsonPatch({ a: 1 }, ops);
      expect.unreachable();
    } catch (err) {
      expect((err as ApiStatusError).httpCode).toBe(status);
    }
  });
});

const obj = (spec: Record<string, unknown>, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name: 'x', namespace: 'n', ...(labels ? { labels } : {}) },
  spec,
});

describe('server-side apply field ownership', () => {
  it('round-trips FieldsV1', () => {
    const paths = trackedPaths(obj({ replicas: 2, users: { a: {} } }, { team: 'x' }));
    expect(decodeFields(encodeFields(paths))).toEqual(paths);
    expect(encodeFields(paths)).toEqual({ 'f:metadata': { 'f:labels': { 'f:team': {} } }, 'f:spec': { 'f:replicas': {}, 'f:users': { 'f:a': {} } } });
  });

  it('conflicts when another manager owns a field with a different value, and not when values agree', () => {
    const live = obj({ replicas: 2 });
    recordUpdate(undefined, live, 'kubectl-patch', 't');
    expect(applyConfig(live, obj({ replicas: 3 }), 'kubectl', false, 't').conflicts).toEqual([{ manager: 'kubectl-patch', field: '.spec.replicas' }]);
    const shared = applyConfig(live, obj({ replicas: 2 }), 'kubectl', false, 't');
    expect(shared.conflicts).toEqual([]);
    expect(shared.object.metadata.managedFields?.map((e) => e.manager)).toEqual(['kubectl-patch', 'kubectl']);
  });

  it('upgrades client-side-applied fields to the server-side applier without a conflict', () => {
    const live = obj({ replicas: 2 });
    live.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(obj({ replicas: 2 })) };
    recordUpdate(undefined, live, 'kubectl-client-side-apply', 't');
    const out = applyConfig(live, obj({ replicas: 4 }), 'kubectl', false, 't');
    expect(out.conflicts).toEqual([]);
    expect(out.object['spec']).toEqual({ replicas: 4 });
  });

  it('takes ownership with force and removes fields the manager stops applying', () => {
    const live = obj({ replicas: 2, size: '1Gi' });
    recordUpdate(undefined, live, 'other', 't');
    const forced = applyConfig(live, obj({ replicas: 3 }), 'kubectl', true, 't');
    expect(forced.object['spec']).toEqual({ replicas: 3, size: '1Gi' });
    const mine = applyConfig(forced.object, obj({ replicas: 3, version: 'v17' }), 'kubectl', false, 't').object;
    const dropped = applyConfig(mine, obj({ replicas: 3 }), 'kubectl', false, 't').object;
    expect(dropped['spec']).toEqual({ replicas: 3, size: '1Gi' });
  });
});

describe('selectors', () => {
  const o = obj({}, { env: 'prod', tier: 'db' });
  it.each([
    ['env=prod', true],
    ['env==prod,tier=db', true],
    ['env!=prod', false],
    ['env in (dev, prod)', true],
    ['env notin (prod)', false],
    ['tier', true],
    ['!tier', false],
  ] as const)('label selector %s -> %s', (sel, want) => expect(parseLabelSelector(sel)?.(o)).toBe(want));

  it.each([
    ['metadata.name=x', true],
    ['metadata.name=x,metadata.namespace=n', true],
    ['metadata.namespace!=n', false],
  ] as const)('field selector %s -> %s', (sel, want) => expect(parseFieldSelector(sel)?.(o)).toBe(want));

  it('names an unsupported field', () => expect(() => parseFieldSelector('spec.replicas=1')).toThrow(/field label not supported: spec\.replicas/));
});

describe('humanDuration (what the AGE column prints)', () => {
  it.each([
    [5_000, '5s'],
    [119_000, '119s'],
    [150_000, '2m30s'],
    [600_000, '10m'],
    [3 * 3600_000 + 600_000, '3h10m'],
    [30 * 3600_000, '30h'],
    [3 * 86_400_000 + 3600_000 * 5, '3d5h'],
    [100 * 86_400_000, '100d'],
    [800 * 86_400_000, '2y70d'],
  ])('%i ms -> %s', (ms, want) => expect(humanDuration(ms)).toBe(want));
});
