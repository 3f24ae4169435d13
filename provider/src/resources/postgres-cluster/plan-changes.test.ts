import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import type { PostgresClusterArgs } from './model.js';
import {
  checkDestroy,
  checkDestructiveChanges,
  checkReplacement,
  checkStorageShrink,
  checkVersionDowngrade,
  replacementPaths,
  restartWarnings,
} from './plan-changes.js';
import { formatPath, type PlanIssue } from './plan-issue.js';

function summary(issues: PlanIssue[]): string[] {
  return issues.map((issue) => `${issue.severity} ${formatPath(issue.path)}: ${issue.detail}`);
}

const db = { admin: null, readonly: null, extensions: null };
const prior = argsWith({
  storageSize: '20Gi',
  version: 'v17',
  parameters: { work_mem: '4MB', max_connections: '100' },
  resourcesPreset: 'micro',
  storageClass: 'replicated',
  users: { app: user(), bi: user() },
  databases: { shop: db, logs: db },
});

describe('checkStorageShrink', () => {
  const cases: { name: string; given: string; want: number }[] = [
    { name: 'shrinking is refused', given: '10Gi', want: 1 },
    { name: 'same size in other units is fine', given: '20480Mi', want: 0 },
    { name: 'growing is fine', given: '30Gi', want: 0 },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const issues = checkStorageShrink(prior, { ...prior, storageSize: given });
    expect(issues).toHaveLength(want);
    if (want) expect(summary(issues)[0]).toMatch(/^error storage_size: storage_size would go from 20Gi to 10Gi/);
  });
});

describe('checkVersionDowngrade', () => {
  const cases: { name: string; given: string; want: string[] }[] = [
    { name: 'upgrade is allowed', given: 'v18', want: [] },
    { name: 'same version', given: 'v17', want: [] },
    {
      name: 'downgrade is refused',
      given: 'v16',
      want: [
        'error version: version would go from v17 to v16; a data directory cannot move to an older ' +
          'major. Keep v17, or restore a backup into a new cluster on v16.',
      ],
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(summary(checkVersionDowngrade(prior, { ...prior, version: given }))).toEqual(want);
  });
});

describe('checkDestructiveChanges', () => {
  const cases: { name: string; given: Partial<PostgresClusterArgs>; want: RegExp[] }[] = [
    { name: 'nothing removed', given: {}, want: [] },
    { name: 'a database removed', given: { databases: { shop: db } }, want: [/^error databases: This change drops database "logs" \(DROP DATABASE/] },
    { name: 'users and databases removed', given: { users: { app: user() }, databases: {} }, want: [/databases "logs", "shop".*and user "bi"/] },
    { name: 'every user removed at once', given: { users: null }, want: [/^error users: .*users "app", "bi"/] },
    {
      name: 'allowed: a warning instead',
      given: { databases: { shop: db }, allowDestructiveChanges: true },
      want: [/^warning databases: This apply drops database "logs"/],
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const lines = summary(checkDestructiveChanges(prior, { ...prior, ...given }));
    expect(lines).toHaveLength(want.length);
    want.forEach((pattern, index) => expect(lines[index]).toMatch(pattern));
  });
});

describe('restartWarnings', () => {
  const cases: { name: string; given: Partial<PostgresClusterArgs>; want: string[] }[] = [
    { name: 'reloadable parameter: no warning', given: { parameters: { work_mem: '8MB', max_connections: '100' } }, want: [] },
    { name: 'restart parameter', given: { parameters: { work_mem: '4MB', max_connections: '200' } }, want: ['parameters["max_connections"]'] },
    { name: 'equivalent preset: no warning', given: { resourcesPreset: 't1.micro' }, want: [] },
    { name: 'bigger preset', given: { resourcesPreset: 'small' }, want: ['resources_preset'] },
    { name: 'explicit resources', given: { resourcesPreset: 'micro', cpu: '1', memory: '1Gi' }, want: ['cpu'] },
    { name: 'major upgrade', given: { version: 'v18' }, want: ['version'] },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const issues = restartWarnings(prior, { ...prior, ...given });
    expect(issues.map((issue) => formatPath(issue.path))).toEqual(want);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });
});

describe('replacement and destroy', () => {
  it('replaces on name, namespace, storage_class and restore changes', () => {
    const planned = { ...prior, name: 'orders2', storageClass: 'local', restore: { sourceCluster: 'x', recoveryTime: null } };
    expect(replacementPaths(prior, planned).map(formatPath)).toEqual(['name', 'storage_class', 'restore']);
    expect(replacementPaths(prior, prior)).toEqual([]);
  });

  const cases: { name: string; given: boolean; want: RegExp }[] = [
    { name: 'protected replacement is refused', given: true, want: /^error storage_class: .*deletion_protection is true/ },
    {
      name: 'unprotected replacement warns of data loss',
      given: false,
      want: /^warning storage_class: .*deletes cluster tenant-demo\/orders with all its data/,
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const issues = checkReplacement({ ...prior, deletionProtection: given }, [[{ attribute: 'storage_class' }]]);
    expect(summary(issues)[0]).toMatch(want);
  });

  it('refuses destroy under deletion_protection', () => {
    expect(summary(checkDestroy({ ...prior, deletionProtection: true }))[0]).toMatch(
      /^error deletion_protection: Cluster tenant-demo\/orders has deletion_protection = true, so nothing was deleted/,
    );
    expect(checkDestroy({ ...prior, deletionProtection: false })).toEqual([]);
  });
});
