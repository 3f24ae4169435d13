import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import { buildUpdatePatch, mergePatchBetween, specValuesEquivalent, usersToRotate, type MergePatch } from './merge-patch.js';
import type { PostgresClusterArgs } from './model.js';

const base = argsWith({
  version: 'v18',
  replicas: 3,
  syncMode: 'quorum',
  minSyncReplicas: 1,
  maxSyncReplicas: 1,
  storageSize: '10Gi',
  resourcesPreset: 'micro',
  parameters: { work_mem: '4MB' },
  users: { app: user({ password: 'p' }) },
  databases: { shop: { admin: ['app'], readonly: null, extensions: null } },
});

describe('buildUpdatePatch', () => {
  const cases: {
    name: string;
    given: { prior: PostgresClusterArgs; planned: PostgresClusterArgs; writeOnly?: Record<string, string> };
    want: MergePatch | undefined;
  }[] = [
    { name: 'no change sends nothing', given: { prior: base, planned: base }, want: undefined },
    { name: 'scaling sends only replicas', given: { prior: base, planned: { ...base, replicas: 5 } }, want: { spec: { replicas: 5 } } },
    { name: 'equivalent quantity is no change', given: { prior: base, planned: { ...base, storageSize: '10240Mi' } }, want: undefined },
    { name: 'legacy preset name is no change', given: { prior: base, planned: { ...base, resourcesPreset: 't1.micro' } }, want: undefined },
    { name: 'growing storage', given: { prior: base, planned: { ...base, storageSize: '20Gi' } }, want: { spec: { size: '20Gi' } } },
    {
      name: 'removed parameter is nulled',
      given: { prior: base, planned: { ...base, parameters: {} } },
      want: { spec: { postgresql: { parameters: { work_mem: null } } } },
    },
    {
      name: 'removed user is nulled, others untouched',
      given: { prior: { ...base, users: { app: user({ password: 'p' }), old: user({ password: 'o' }) } }, planned: base },
      want: { spec: { users: { old: null } } },
    },
    {
      name: 'switch to async',
      given: { prior: base, planned: { ...base, syncMode: 'async', minSyncReplicas: 0, maxSyncReplicas: 0 } },
      want: { spec: { quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 } } },
    },
    {
      name: 'role list replaced whole',
      given: {
        prior: base,
        planned: {
          ...base,
          users: { app: user({ password: 'p' }), bi: user({ password: 'b' }) },
          databases: { shop: { admin: ['app'], readonly: ['bi'], extensions: null } },
        },
      },
      want: { spec: { users: { bi: { password: 'b' } }, databases: { shop: { roles: { readonly: ['bi'] } } } } },
    },
    {
      name: 'write-only password sent when its version changes',
      given: {
        prior: { ...base, users: { ci: user({ passwordWoVersion: 1 }) } },
        planned: { ...base, users: { ci: user({ passwordWoVersion: 2 }) } },
        writeOnly: { ci: 'rotated' },
      },
      want: { spec: { users: { ci: { password: 'rotated' } } } },
    },
    {
      name: 'write-only password not sent when its version is unchanged',
      given: {
        prior: { ...base, users: { ci: user({ passwordWoVersion: 1 }) } },
        planned: { ...base, users: { ci: user({ passwordWoVersion: 1 }) } },
        writeOnly: { ci: 'same' },
      },
      want: undefined,
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(buildUpdatePatch({ prior: given.prior, planned: given.planned, writeOnlyPasswords: given.writeOnly ?? {} })).toEqual(want);
  });
});

describe('mergePatchBetween', () => {
  it('leaves keys only the server knows alone', () => {
    expect(mergePatchBetween({ a: 1 }, { a: 1 })).toBeUndefined();
    expect(mergePatchBetween({ nested: { x: 1, y: 2 } }, { nested: { x: 1 } })).toEqual({ nested: { y: null } });
  });
  it('compares int-or-string parameters by text', () => {
    expect(specValuesEquivalent(['postgresql', 'parameters', 'max_connections'], 100, '100')).toBe(true);
    expect(specValuesEquivalent(['replicas'], 2, '2')).toBe(false);
  });
});

describe('usersToRotate', () => {
  it('names new write-only users and changed versions', () => {
    const prior = argsWith({ users: { a: user({ passwordWoVersion: 1 }), b: user({ passwordWoVersion: 1 }) } });
    const planned = argsWith({ users: { a: user({ passwordWoVersion: 1 }), b: user({ passwordWoVersion: 2 }), c: user({ passwordWoVersion: 1 }), d: user() } });
    expect(usersToRotate(prior, planned)).toEqual(['b', 'c']);
  });
});
