import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  clusterCreateSchema,
  clusterListSchema,
  clusterSchema,
  clusterUpdateSchema,
  databaseCreateSchema,
  databaseListSchema,
  databaseUpdateSchema,
  errorBodySchema,
  passwordRotatedSchema,
  userCreateSchema,
  userListSchema,
  userUpdateSchema,
} from '../generated/public/zod.js';

// The zod schemas generated from openapi/hikube-public.yaml: request bodies are judged against
// every rule of the document; responses are read leniently (int64 strings, nulls, absent fields).

const cluster = { name: 'demopg', version: 'v18', size: 10 };

interface Case {
  name: string;
  schema: z.ZodType;
  given: unknown;
  /** The paths of the issues, or `[]` when the body is valid. */
  want: (string | number)[][];
}

const requestCases: Case[] = [
  { name: 'the smallest cluster', schema: clusterCreateSchema, given: cluster, want: [] },
  {
    name: 'a cluster with every field',
    schema: clusterCreateSchema,
    given: { ...cluster, replicas: 3, external: true, preset: 'small', config: { maxConnections: 200 }, quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 } },
    want: [],
  },
  { name: 'a 3-character name', schema: clusterCreateSchema, given: { ...cluster, name: 'pg1' }, want: [] },
  { name: 'a 16-character name', schema: clusterCreateSchema, given: { ...cluster, name: 'a'.repeat(16) }, want: [] },
  { name: 'a 2-character name', schema: clusterCreateSchema, given: { ...cluster, name: 'pg' }, want: [['name']] },
  { name: 'a 17-character name', schema: clusterCreateSchema, given: { ...cluster, name: 'a'.repeat(17) }, want: [['name']] },
  { name: 'a name with a hyphen', schema: clusterCreateSchema, given: { ...cluster, name: 'demo-pg' }, want: [['name']] },
  { name: 'a name in capitals', schema: clusterCreateSchema, given: { ...cluster, name: 'DemoPg' }, want: [['name']] },
  { name: 'no name', schema: clusterCreateSchema, given: { version: 'v18', size: 10 }, want: [['name']] },
  { name: 'version v14', schema: clusterCreateSchema, given: { ...cluster, version: 'v14' }, want: [['version']] },
  { name: 'version without its v', schema: clusterCreateSchema, given: { ...cluster, version: '17' }, want: [['version']] },
  { name: '0 replicas', schema: clusterCreateSchema, given: { ...cluster, replicas: 0 }, want: [['replicas']] },
  { name: '9 replicas', schema: clusterCreateSchema, given: { ...cluster, replicas: 9 }, want: [['replicas']] },
  { name: '2.5 replicas', schema: clusterCreateSchema, given: { ...cluster, replicas: 2.5 }, want: [['replicas']] },
  { name: 'replicas as a string', schema: clusterCreateSchema, given: { ...cluster, replicas: '3' }, want: [['replicas']] },
  { name: 'size 4096', schema: clusterCreateSchema, given: { ...cluster, size: 4096 }, want: [] },
  { name: 'size 0', schema: clusterCreateSchema, given: { ...cluster, size: 0 }, want: [['size']] },
  { name: 'size 4097', schema: clusterCreateSchema, given: { ...cluster, size: 4097 }, want: [['size']] },
  { name: 'maxConnections 0', schema: clusterCreateSchema, given: { ...cluster, config: { maxConnections: 0 } }, want: [['config', 'maxConnections']] },
  { name: 'maxConnections 10001', schema: clusterCreateSchema, given: { ...cluster, config: { maxConnections: 10001 } }, want: [['config', 'maxConnections']] },
  { name: 'quorum 0/0', schema: clusterCreateSchema, given: { ...cluster, quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 } }, want: [] },
  {
    name: 'quorum max below min',
    schema: clusterCreateSchema,
    given: { ...cluster, quorum: { minSyncReplicas: 3, maxSyncReplicas: 2 } },
    want: [['quorum', 'maxSyncReplicas']],
  },
  {
    name: 'quorum min without max (max counts as 0)',
    schema: clusterCreateSchema,
    given: { ...cluster, quorum: { minSyncReplicas: 1 } },
    want: [['quorum', 'maxSyncReplicas']],
  },
  {
    name: 'quorum min 11',
    schema: clusterCreateSchema,
    given: { ...cluster, quorum: { minSyncReplicas: 11, maxSyncReplicas: 11 } },
    want: [
      ['quorum', 'maxSyncReplicas'],
      ['quorum', 'minSyncReplicas'],
    ],
  },
  { name: 'quorum min -1', schema: clusterCreateSchema, given: { ...cluster, quorum: { minSyncReplicas: -1 } }, want: [['quorum', 'minSyncReplicas']] },
  { name: 'a field the document does not know', schema: clusterCreateSchema, given: { ...cluster, backups: { enabled: true } }, want: [] },
  { name: 'an update with version and size', schema: clusterUpdateSchema, given: { version: 'v18', size: 20 }, want: [] },
  { name: 'an update without version', schema: clusterUpdateSchema, given: { size: 20, external: true }, want: [['version']] },
  { name: 'an update without size', schema: clusterUpdateSchema, given: { version: 'v18' }, want: [['size']] },
  { name: 'an update with a name', schema: clusterUpdateSchema, given: { version: 'v18', size: 20, name: 'other' }, want: [] },
  { name: 'a database', schema: databaseCreateSchema, given: { databaseName: 'myapp', extensions: ['pgcrypto'] }, want: [] },
  { name: 'a database name with a hyphen', schema: databaseCreateSchema, given: { databaseName: 'my-app' }, want: [] },
  { name: 'a database name with an underscore', schema: databaseCreateSchema, given: { databaseName: 'my_app' }, want: [['databaseName']] },
  { name: 'a database name starting with a digit', schema: databaseCreateSchema, given: { databaseName: '1app' }, want: [['databaseName']] },
  { name: 'an empty database name', schema: databaseCreateSchema, given: { databaseName: '' }, want: [['databaseName'], ['databaseName']] },
  { name: 'a 64-character database name', schema: databaseCreateSchema, given: { databaseName: 'a'.repeat(64) }, want: [['databaseName']] },
  {
    name: 'an extension that is not a string',
    schema: databaseCreateSchema,
    given: { databaseName: 'myapp', extensions: ['vector', 7] },
    want: [['extensions', 1]],
  },
  { name: 'a database update', schema: databaseUpdateSchema, given: { extensions: [] }, want: [] },
  { name: 'a database update without its list', schema: databaseUpdateSchema, given: {}, want: [['extensions']] },
  {
    name: 'a user with roles',
    schema: userCreateSchema,
    given: { username: 'app_user', config: { databases: { myapp: { role: 'admin' }, reports: { role: 'readonly' } }, privileges: { replication: false } } },
    want: [],
  },
  { name: 'a username starting with an underscore', schema: userCreateSchema, given: { username: '_svc' }, want: [] },
  { name: 'the username postgres', schema: userCreateSchema, given: { username: 'postgres' }, want: [['username']] },
  { name: 'a username starting with pg_', schema: userCreateSchema, given: { username: 'pg_monitor' }, want: [['username']] },
  { name: 'a username that only starts like postgres', schema: userCreateSchema, given: { username: 'postgres2' }, want: [] },
  { name: 'a username with a capital', schema: userCreateSchema, given: { username: 'App' }, want: [['username']] },
  { name: 'a username starting with a digit', schema: userCreateSchema, given: { username: '1user' }, want: [['username']] },
  { name: 'a 64-character username', schema: userCreateSchema, given: { username: 'a'.repeat(64) }, want: [['username']] },
  { name: 'a user with a password', schema: userCreateSchema, given: { username: 'app', password: 'x' }, want: [] },
  {
    name: 'a role that does not exist',
    schema: userCreateSchema,
    given: { username: 'app', config: { databases: { myapp: { role: 'owner' } } } },
    want: [['config', 'databases', 'myapp', 'role']],
  },
  {
    name: 'a role on a database name the API refuses',
    schema: userCreateSchema,
    given: { username: 'app', config: { databases: { my_app: { role: 'admin' } } } },
    want: [['config', 'databases', 'my_app']],
  },
  {
    name: 'replication that is not a boolean',
    schema: userUpdateSchema,
    given: { config: { privileges: { replication: 'yes' } } },
    want: [['config', 'privileges', 'replication']],
  },
  { name: 'a user update without config', schema: userUpdateSchema, given: {}, want: [['config']] },
];

describe('request bodies', () => {
  it.each(requestCases)('$name', ({ schema, given, want }) => {
    const result = schema.safeParse(given);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path);
    expect(paths).toEqual(want);
  });

  it('keeps a field the document does not know, so it is sent back unchanged', () => {
    expect(clusterCreateSchema.parse({ ...cluster, backups: { enabled: true } })).toEqual({ ...cluster, backups: { enabled: true } });
  });

  it('explains a failed pattern in words', () => {
    const result = clusterCreateSchema.safeParse({ ...cluster, name: 'demo-pg' });
    expect(result.error?.issues[0]?.message).toBe('3 to 16 lowercase letters and digits (no hyphen)');
  });
});

interface ResponseCase {
  name: string;
  schema: z.ZodType;
  given: unknown;
  want: unknown;
}

const zeroCluster = {
  id: '',
  projectId: '',
  name: '',
  version: '',
  replicas: 0,
  external: false,
  size: 0,
  preset: '',
  config: { maxConnections: 0 },
  quorum: { maxSyncReplicas: 0, minSyncReplicas: 0 },
  host: '',
  status: '',
};

const responseCases: ResponseCase[] = [
  {
    name: 'int64 fields sent as strings read as numbers',
    schema: clusterSchema,
    given: {
      name: 'demopg',
      replicas: '3',
      size: '10',
      config: { maxConnections: '200' },
      quorum: { minSyncReplicas: '1', maxSyncReplicas: '2' },
      status: 'provisioning',
      createdAt: '2026-10-05T09:30:00Z',
    },
    want: {
      ...zeroCluster,
      name: 'demopg',
      replicas: 3,
      size: 10,
      config: { maxConnections: 200 },
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 },
      status: 'provisioning',
      createdAt: '2026-10-05T09:30:00Z',
    },
  },
  { name: 'int64 fields sent as numbers', schema: clusterSchema, given: { replicas: 2, size: 5 }, want: { ...zeroCluster, replicas: 2, size: 5 } },
  { name: 'absent fields read as their zero value', schema: clusterSchema, given: {}, want: zeroCluster },
  {
    name: 'null fields read as absent',
    schema: clusterSchema,
    given: { host: null, config: null, quorum: { minSyncReplicas: null } },
    want: zeroCluster,
  },
  {
    name: 'values outside the request limits are read as sent (the server is the authority)',
    schema: clusterSchema,
    given: { version: 'v19', replicas: '12', status: 'upgrading' },
    want: { ...zeroCluster, version: 'v19', replicas: 12, status: 'upgrading' },
  },
  {
    name: 'unknown fields are kept',
    schema: clusterSchema,
    given: { name: 'demopg', region: 'ch-gva-2', config: { maxConnections: 100, sharedBuffers: '1GB' } },
    want: { ...zeroCluster, name: 'demopg', region: 'ch-gva-2', config: { maxConnections: 100, sharedBuffers: '1GB' } },
  },
  { name: 'the documented empty list', schema: clusterListSchema, given: { totalCount: '0', clusters: [] }, want: { totalCount: 0, clusters: [] } },
  { name: 'a list without its fields', schema: clusterListSchema, given: {}, want: { totalCount: 0, clusters: [] } },
  {
    name: 'a list of clusters',
    schema: clusterListSchema,
    given: { totalCount: '1', clusters: [{ name: 'demopg', size: '10' }] },
    want: { totalCount: 1, clusters: [{ ...zeroCluster, name: 'demopg', size: 10 }] },
  },
  {
    name: 'a database without roles',
    schema: databaseListSchema,
    given: { totalCount: '1', databases: [{ databaseName: 'myapp' }] },
    want: { totalCount: 1, databases: [{ databaseName: 'myapp', roles: { admin: [], readonly: [] }, extensions: [] }] },
  },
  {
    name: 'users with their roles',
    schema: userListSchema,
    given: { totalCount: '1', users: [{ username: 'app', config: { databases: { myapp: { role: 'admin' }, old: {} } } }] },
    want: {
      totalCount: 1,
      users: [{ username: 'app', config: { privileges: { replication: false }, databases: { myapp: { role: 'admin' }, old: { role: '' } } } }],
    },
  },
  { name: 'a rotated password', schema: passwordRotatedSchema, given: { username: 'app', password: 's3cret' }, want: { username: 'app', password: 's3cret' } },
  {
    name: 'the error body of the errors guide',
    schema: errorBodySchema,
    given: { requestId: '4bf92f35', code: 80201, message: 'cannot switch', details: [] },
    want: { requestId: '4bf92f35', code: 80201, message: 'cannot switch', details: [] },
  },
  {
    name: 'the error body of the published examples',
    schema: errorBodySchema,
    given: { request_id: '', message: 'resource not found', details: [] },
    want: { request_id: '', message: 'resource not found', details: [] },
  },
];

describe('responses', () => {
  it.each(responseCases)('$name', ({ schema, given, want }) => {
    expect(schema.parse(given)).toEqual(want);
  });

  it.each([
    { name: 'an int64 that is not a number', schema: clusterSchema, given: { replicas: 'three' }, want: [['replicas']] },
    { name: 'an int64 with a fraction', schema: clusterSchema, given: { size: 1.5 }, want: [['size']] },
    { name: 'a bad field in a list item', schema: clusterListSchema, given: { clusters: [{}, { size: 'ten' }] }, want: [['clusters', 1, 'size']] },
    { name: 'a boolean sent as a string', schema: clusterSchema, given: { external: 'true' }, want: [['external']] },
    { name: 'a list that is not a list', schema: userListSchema, given: { users: {} }, want: [['users']] },
  ])('refuses $name, naming the field', ({ schema, given, want }) => {
    const result = (schema as z.ZodType).safeParse(given);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path)).toEqual(want);
  });
});
