// Issue 18 rows 3-7 through the API over real loopback HTTP, with the platform's semantics of
// issue 15: Cozystack's aggregated API checks only the name, so each hostile spec is stored as
// sent; the release then refuses it (Ready=False, InstallFailed/UpgradeFailed naming the field,
// nothing acted on: controllers/deterministic/deterministic-reconciler.test.ts and
// server/invalid-spec-release.e2e.test.ts). A bad name is still answered 422, and nothing is stored.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectService } from '../store/object-service.js';
import { ObjectStore } from '../store/object-store.js';
import { NAMESPACE } from '../store/resource-types.js';
import { Admission } from './admission.js';
import { ApiServer } from './api-server.js';
import { Authenticator } from './auth.js';
import { OpenApiDocuments } from './openapi.js';

const TENANT = 'tenant-token';
const P = '/apis/apps.cozystack.io/v1alpha1/namespaces/team-a/postgreses';

let server: ApiServer;
let base: string;

beforeAll(async () => {
  const service = new ObjectService(await ObjectStore.open({ historySize: 100 }));
  await service.create(NAMESPACE, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  server = new ApiServer({
    service,
    authenticator: new Authenticator({ admin: 'admin-token', tenants: { 'team-a': TENANT } }),
    admission: new Admission(),
    openapi: new OpenApiDocuments(),
  });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

async function call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Answer> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${TENANT}`, 'content-type': contentType } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(base + path, init);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function causes(answer: Answer): { field: string; reason: string; message: string }[] {
  return (answer.json['details'] as { causes: { field: string; reason: string; message: string }[] }).causes;
}

const long = 'u'.repeat(64);
const cases: { name: string; spec: Record<string, unknown>; field: string; reason: string }[] = [
  {
    name: 'row 3: streaming_replica as a user',
    spec: { users: { streaming_replica: {} } },
    field: 'spec.users.streaming_replica',
    reason: 'FieldValueForbidden',
  },
  { name: 'row 3: a pg_ role', spec: { users: { pg_read_server_files: {} } }, field: 'spec.users.pg_read_server_files', reason: 'FieldValueForbidden' },
  {
    name: 'row 4: a newline in a parameter value',
    spec: { postgresql: { parameters: { application_name: "x'\nshared_preload_libraries = 'evil" } } },
    field: 'spec.postgresql.parameters.application_name',
    reason: 'FieldValueInvalid',
  },
  { name: 'row 5: the template0 database', spec: { databases: { template0: {} } }, field: 'spec.databases.template0', reason: 'FieldValueForbidden' },
  { name: 'row 5: the postgres database', spec: { databases: { postgres: {} } }, field: 'spec.databases.postgres', reason: 'FieldValueForbidden' },
  { name: 'row 6: a user name of 64 characters', spec: { users: { [long]: {} } }, field: `spec.users.${long}`, reason: 'FieldValueInvalid' },
  {
    name: 'row 7: Archive_Command in mixed case',
    spec: { postgresql: { parameters: { Archive_Command: 'sh -c id' } } },
    field: 'spec.postgresql.parameters.Archive_Command',
    reason: 'FieldValueForbidden',
  },
  {
    name: 'row 7: a parameter name with =',
    spec: { postgresql: { parameters: { 'work_mem=1': '1' } } },
    field: 'spec.postgresql.parameters["work_mem=1"]',
    reason: 'FieldValueInvalid',
  },
  {
    name: 'row 7: an extension name with a quote',
    spec: { databases: { shop: { extensions: ['x"y'] } } },
    field: 'spec.databases.shop.extensions[0]',
    reason: 'FieldValueInvalid',
  },
  {
    name: 'row 7: jit_provider',
    spec: { postgresql: { parameters: { jit_provider: 'evil' } } },
    field: 'spec.postgresql.parameters.jit_provider',
    reason: 'FieldValueForbidden',
  },
  {
    name: 'row 7: hba_file',
    spec: { postgresql: { parameters: { hba_file: '/tmp/hba' } } },
    field: 'spec.postgresql.parameters.hba_file',
    reason: 'FieldValueForbidden',
  },
  {
    name: 'row 7: data_directory',
    spec: { postgresql: { parameters: { data_directory: '/tmp' } } },
    field: 'spec.postgresql.parameters.data_directory',
    reason: 'FieldValueForbidden',
  },
];

describe('hostile specs are stored as sent (the aggregated API checks only the name)', () => {
  it.each(cases.map((entry, index) => ({ ...entry, target: `hostile-${index}` })))('create: $name', async ({ spec, target }) => {
    const answer = await call('POST', P, { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: target }, spec });
    expect(answer.status).toBe(201);
    expect(answer.json['spec']).toMatchObject(spec);
    expect((await call('GET', `${P}/${target}`)).json['spec']).toMatchObject(spec);
  });

  it.each(cases.map((entry, index) => ({ ...entry, target: `target-${index}` })))('merge patch: $name', async ({ spec, target }) => {
    const created = await call('POST', P, {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: target },
      spec: { users: { app: {} } },
    });
    expect(created.status).toBe(201);
    const answer = await call('PATCH', `${P}/${target}`, { spec }, 'application/merge-patch+json');
    expect(answer.status).toBe(200);
    expect((await call('GET', `${P}/${target}`)).json['spec']).toMatchObject(spec);
  });
});

describe('a bad name is refused with the field named, and nothing is stored', () => {
  it.each([
    { name: 'upper case', given: 'Shop', want: 'metadata.name' },
    { name: 'a leading digit (DNS-1035)', given: '1shop', want: 'metadata.name' },
    { name: 'longer than a Helm release allows', given: `s${'x'.repeat(60)}`, want: 'metadata.name' },
  ])('$name', async ({ given, want }) => {
    const answer = await call('POST', P, {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: given },
      spec: { users: { streaming_replica: {} } },
    });
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ kind: 'Status', reason: 'Invalid' });
    expect(causes(answer).map((cause) => cause.field)).toContain(want);
    expect(causes(answer).every((cause) => cause.field.startsWith('metadata.'))).toBe(true);
  });
});
