import { describe, expect, it } from 'vitest';
import { publicExtensions } from '../generated/public/rules.js';
import { clusterSchema, userSchema } from '../generated/public/zod.js';
import { clusterUpdateBody, clusterUpdateIssues, extensionsAfter, userUpdateBody, type ClusterChange, type UserChange } from './complete-update.js';

// `current` values go through the generated response schemas, as the client reads them.
const cluster = clusterSchema.parse({
  id: 'c-1',
  projectId: '01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f',
  name: 'demopg',
  createdAt: '2026-10-05T09:30:00Z',
  updatedAt: '2026-10-05T09:35:00Z',
  version: 'v17',
  replicas: '3',
  external: true,
  size: '10',
  preset: 'small',
  config: { maxConnections: '200' },
  quorum: { minSyncReplicas: '1', maxSyncReplicas: '2' },
  host: '203.0.113.7',
  status: 'ready',
});

const everything = {
  version: 'v17',
  replicas: 3,
  external: true,
  size: 10,
  preset: 'small',
  config: { maxConnections: 200 },
  quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 },
};

describe('clusterUpdateBody', () => {
  it.each<{ name: string; current?: unknown; change: ClusterChange; want: Record<string, unknown> }>([
    { name: 'no change sends everything back as it is', change: {}, want: everything },
    { name: 'a bigger disk keeps external access and the quorum', change: { size: 20 }, want: { ...everything, size: 20 } },
    { name: 'switching external access off is said, not implied', change: { external: false }, want: { ...everything, external: false } },
    {
      name: 'one quorum bound keeps the other',
      change: { quorum: { maxSyncReplicas: 1 } },
      want: { ...everything, quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 } },
    },
    { name: 'a new preset and version', change: { preset: 'large', version: 'v18' }, want: { ...everything, preset: 'large', version: 'v18' } },
    {
      name: 'unset settings are not sent as zeros',
      current: { version: 'v16', replicas: '1', size: '5' },
      change: { size: 6 },
      want: { version: 'v16', replicas: 1, external: false, size: 6, quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 } },
    },
    {
      name: 'fields the SDK does not know go back unchanged',
      current: { version: 'v18', replicas: '2', size: '5', backups: { schedule: '@daily' }, config: { maxConnections: 100, workMem: '4MB' } },
      change: { size: 6 },
      want: {
        backups: { schedule: '@daily' },
        version: 'v18',
        replicas: 2,
        external: false,
        size: 6,
        config: { maxConnections: 100, workMem: '4MB' },
        quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 },
      },
    },
  ])('$name', ({ current, change, want }) => {
    const from = current === undefined ? cluster : clusterSchema.parse(current);
    expect(clusterUpdateBody(from, change)).toEqual(want);
  });
});

describe('clusterUpdateIssues', () => {
  it.each<{ name: string; from: number; change: ClusterChange; want: string[] }>([
    { name: '3 to 5 replicas stays a cluster', from: 3, change: { replicas: 5 }, want: [] },
    { name: '3 replicas to 1 switches mode', from: 3, change: { replicas: 1 }, want: ['replicas'] },
    { name: '1 replica to 2 switches mode', from: 1, change: { replicas: 2 }, want: ['replicas'] },
    { name: 'an upgrade', from: 3, change: { version: 'v18' }, want: [] },
    { name: 'a downgrade', from: 3, change: { version: 'v16' }, want: ['version'] },
    { name: 'both at once', from: 1, change: { replicas: 3, version: 'v15' }, want: ['replicas', 'version'] },
  ])('$name', ({ from, change, want }) => {
    const current = { ...cluster, replicas: from };
    expect(clusterUpdateIssues(current, clusterUpdateBody(current, change)).map((issue) => issue.path)).toEqual(want);
  });

  it('says what 80201 means', () => {
    const [issue] = clusterUpdateIssues({ ...cluster, replicas: 1 }, { replicas: 3 });
    expect(issue?.message).toMatch(/replicas cannot go from 1 to 3.*code 80201/);
  });
});

describe('userUpdateBody', () => {
  const user = userSchema.parse({
    username: 'app',
    config: { privileges: { replication: true }, databases: { myapp: { role: 'admin' }, reports: { role: 'readonly' } } },
  });

  it.each<{ name: string; change: UserChange; want: unknown }>([
    {
      name: 'no change keeps every role and the replication privilege',
      change: {},
      want: { config: { privileges: { replication: true }, databases: { myapp: { role: 'admin' }, reports: { role: 'readonly' } } } },
    },
    {
      name: 'a role on one more database keeps the others',
      change: { databases: { audit: { role: 'readonly' } } },
      want: {
        config: { privileges: { replication: true }, databases: { myapp: { role: 'admin' }, reports: { role: 'readonly' }, audit: { role: 'readonly' } } },
      },
    },
    {
      name: 'an empty role revokes that database only',
      change: { databases: { reports: { role: '' } } },
      want: { config: { privileges: { replication: true }, databases: { myapp: { role: 'admin' } } } },
    },
    {
      name: 'dropping replication is said, not implied',
      change: { privileges: { replication: false } },
      want: { config: { privileges: { replication: false }, databases: { myapp: { role: 'admin' }, reports: { role: 'readonly' } } } },
    },
  ])('$name', ({ change, want }) => {
    expect(userUpdateBody(user, change)).toEqual(want);
  });
});

describe('extensionsAfter', () => {
  it.each([
    { name: 'adds without duplicates', current: ['pgcrypto'], add: ['vector', 'pgcrypto'], remove: [], want: ['pgcrypto', 'vector'] },
    { name: 'removes one and keeps the rest', current: ['pgcrypto', 'vector', 'hstore'], add: [], remove: ['vector'], want: ['pgcrypto', 'hstore'] },
    { name: 'removing what is absent changes nothing', current: ['pgcrypto'], add: [], remove: ['citext'], want: ['pgcrypto'] },
  ])('$name', ({ current, add, remove, want }) => {
    expect(extensionsAfter(current, add, remove)).toEqual(want);
  });
});

describe('the rules applied here are the ones the document states', () => {
  const rules = (prefix: string, extension: string) =>
    Object.entries(publicExtensions)
      .filter(([path, found]) => path.startsWith(prefix) && extension in found)
      .map(([path, found]) => [path.slice(prefix.length), (found as Record<string, unknown>)[extension]] as const);

  it('every cluster field a PATCH resets when omitted is always sent', () => {
    const reset = rules('ClusterUpdate.', 'x-hikube-when-omitted').filter(([, when]) => when !== 'kept');
    expect(reset.map(([field]) => field)).toEqual(['external', 'quorum']);
    const body = clusterUpdateBody(clusterSchema.parse({ version: 'v18', replicas: '2', size: '5' }), {});
    for (const [field] of reset) expect(body, field).toHaveProperty(field);
  });

  it('every user setting a PATCH resets when omitted is always sent', () => {
    const reset = rules('UserConfig.', 'x-hikube-when-omitted').map(([field]) => field);
    expect(reset).toEqual(['privileges', 'databases']);
    const { config } = userUpdateBody(userSchema.parse({ username: 'app' }), {}) as { config: Record<string, unknown> };
    for (const field of reset) expect(config, field).toHaveProperty(field);
  });

  it('the state rules checked before an update are the fields the document marks', () => {
    expect(rules('ClusterUpdate.', 'x-hikube-mode-fixed')).toEqual([['replicas', true]]);
    expect(rules('ClusterUpdate.', 'x-hikube-upgrade-only')).toEqual([['version', true]]);
  });
});
