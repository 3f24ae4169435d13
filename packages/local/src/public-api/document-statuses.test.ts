// Every operation x every status the public document lists, provoked over real HTTPS against a
// started Hikube Local (deterministic driver), each answer checked against the document's schema.
// The list of cases is read from the document: an operation or a status without a case fails here.
// 500 and 503 come from the front's test-only faults; 409 on writes from a real concurrent change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicOperations, type PublicOperationId } from '@hikube/sdk/public';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../api/request-body.js';
import { ProjectKeys } from '../projects/project-keys.js';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';
import { answerProblems, loadPublicDocument, type SchemaNode } from '../testing/document-answer-check.js';
import { httpsCall, type HttpsAnswer, type HttpsCallOptions } from '../testing/https-call.js';
import type { FrontFaults } from './front-faults.js';

type Answer = HttpsAnswer;

const doc = loadPublicDocument();
const faults: FrontFaults = {};
const logLines: string[] = [];
let dir: string;
let local: HikubeLocal;
let revokedKey: string;

const call = (method: string, path: string, options: HttpsCallOptions = {}): Promise<Answer> => httpsCall(local, method, path, options);

/** A real concurrent write through the Kubernetes API of the same server (a new annotation). */
function touchThroughKubernetes(cluster: string): Promise<Answer> {
  const token = local.tenants.find((t) => t.name === 'tenant-demo')?.token ?? '';
  const path = `/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses/${cluster}`;
  return call('PATCH', path, {
    body: { metadata: { annotations: { 'test/touched': String(Date.now()) } } },
    contentType: 'application/merge-patch+json',
    headers: { authorization: `Bearer ${token}` },
  });
}

let counter = 0;
const fresh = (prefix: string): string => `${prefix}${++counter}`;

/** The fixture every case can name: cluster `base` (2 replicas) with database `db1` and user `u1`. */
const names = { projectId: '', name: 'base', clusterName: 'base', databaseName: 'db1', username: 'u1' };

function pathOf(id: PublicOperationId, override: Partial<typeof names> = {}): string {
  const values: Record<string, string> = { ...names, projectId: local.publicApi.project.id, ...override };
  return publicOperations[id].path.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** A body the operation accepts (fresh names, so a refused request could not have stored it anyway). */
function validBody(id: PublicOperationId): unknown {
  switch (publicOperations[id].requestBody) {
    case 'ClusterCreate':
      return { name: fresh('pg'), version: 'v17', size: 1, replicas: 2 };
    case 'ClusterUpdate':
      return { version: 'v17', size: 2 };
    case 'DatabaseCreate':
      return { databaseName: fresh('db') };
    case 'DatabaseUpdate':
      return { extensions: ['pgcrypto'] };
    case 'UserCreate':
      return { username: fresh('user') };
    case 'UserUpdate':
      return { config: { databases: { db1: { role: 'readonly' } } } };
    default:
      return undefined;
  }
}

const methodOf = (id: PublicOperationId): string => publicOperations[id].method.toUpperCase();

function send(id: PublicOperationId, options: { key?: string | undefined; override?: Partial<typeof names>; body?: unknown } = {}): Promise<Answer> {
  const body = 'body' in options ? options.body : validBody(id);
  return call(methodOf(id), pathOf(id, options.override), { key: options.key, body });
}

const admin = (): string => local.publicApi.adminKey;

type Provoke = (id: PublicOperationId) => Promise<Answer>;

/** Statuses every operation answers the same way. */
const everyOperation: Record<string, Provoke> = {
  '401': (id) => send(id, { key: undefined }),
  '403': (id) => send(id, { key: revokedKey }),
  '500': async (id) => {
    faults.operation = () => {
      throw new Error(`injected failure while holding ${admin()}`);
    };
    try {
      return await send(id, { key: admin() });
    } finally {
      delete faults.operation;
    }
  },
  '503': async (id) => {
    faults.keyCheck = () => {
      throw new Error('injected: the key store cannot answer');
    };
    try {
      return await send(id, { key: admin() });
    } finally {
      delete faults.keyCheck;
    }
  },
};

/** 400 on an operation without a body: a project id that is not a UUID. */
const badProjectId: Provoke = (id) => send(id, { key: admin(), override: { projectId: 'not-a-uuid' } });

/** 409 on a write: the cluster changes between the front's read and its write. */
const concurrentWrite: Provoke = async (id) => {
  faults.beforeWrite = async () => {
    delete faults.beforeWrite;
    expect((await touchThroughKubernetes('base')).status).toBe(200);
  };
  try {
    return await send(id, { key: admin() });
  } finally {
    delete faults.beforeWrite;
  }
};

const missingCluster: Provoke = (id) => send(id, { key: admin(), override: { name: 'nosuch', clusterName: 'nosuch' } });

/** The status cases specific to each operation. */
const cases: Record<PublicOperationId, Record<string, Provoke>> = {
  PostgresService_ListPostgresClusters: { '200': (id) => send(id, { key: local.publicApi.readKey }), '400': badProjectId },
  PostgresService_CreatePostgresCluster: {
    '200': (id) => send(id, { key: admin() }),
    '400': (id) => send(id, { key: admin(), body: { name: 'Bad-Name', version: 'v17', size: 1 } }),
    '409': (id) => send(id, { key: admin(), body: { name: 'base', version: 'v17', size: 1 } }),
  },
  PostgresService_GetPostgresCluster: { '200': (id) => send(id, { key: local.publicApi.readKey }), '400': badProjectId, '404': missingCluster },
  PostgresService_UpdatePostgresCluster: {
    '200': (id) => send(id, { key: admin() }),
    '400': (id) => send(id, { key: admin(), body: { version: 'v17', size: 2, replicas: 1 } }),
    '404': missingCluster,
    '409': concurrentWrite,
  },
  PostgresService_DeletePostgresCluster: {
    '200': async (id) => {
      const name = fresh('gone');
      expect((await send('PostgresService_CreatePostgresCluster', { key: admin(), body: { name, version: 'v16', size: 1 } })).status).toBe(200);
      return send(id, { key: admin(), override: { name } });
    },
    '400': badProjectId,
    '404': missingCluster,
  },
  PostgresService_ListDatabases: { '200': (id) => send(id, { key: local.publicApi.readKey }), '400': badProjectId, '404': missingCluster },
  PostgresService_CreateDatabase: {
    '200': (id) => send(id, { key: admin(), body: { databaseName: fresh('shop'), extensions: ['pgcrypto'] } }),
    '400': (id) => send(id, { key: admin(), body: { databaseName: 'with_underscore' } }),
    '404': missingCluster,
    '409': (id) => send(id, { key: admin(), body: { databaseName: 'db1' } }),
  },
  PostgresService_GetDatabase: {
    '200': (id) => send(id, { key: local.publicApi.readKey }),
    '400': badProjectId,
    '404': (id) => send(id, { key: admin(), override: { databaseName: 'nodb' } }),
  },
  PostgresService_UpdateDatabase: {
    '200': (id) => send(id, { key: admin() }),
    '400': (id) => send(id, { key: admin(), body: { extensions: ['not_an_extension'] } }),
    '404': (id) => send(id, { key: admin(), override: { databaseName: 'nodb' } }),
    '409': concurrentWrite,
  },
  PostgresService_DeleteDatabase: {
    '200': async (id) => {
      const databaseName = fresh('dropme');
      expect((await send('PostgresService_CreateDatabase', { key: admin(), body: { databaseName } })).status).toBe(200);
      return send(id, { key: admin(), override: { databaseName } });
    },
    '400': badProjectId,
    '404': (id) => send(id, { key: admin(), override: { databaseName: 'nodb' } }),
    '409': concurrentWrite,
  },
  PostgresService_ListUsers: { '200': (id) => send(id, { key: local.publicApi.readKey }), '400': badProjectId, '404': missingCluster },
  PostgresService_CreateUser: {
    '200': (id) => send(id, { key: admin(), body: { username: fresh('app_'), config: { databases: { db1: { role: 'admin' } } } } }),
    '400': (id) => send(id, { key: admin(), body: { username: 'postgres' } }),
    '404': missingCluster,
    '409': (id) => send(id, { key: admin(), body: { username: 'u1' } }),
  },
  PostgresService_GetUser: {
    '200': (id) => send(id, { key: local.publicApi.readKey }),
    '400': badProjectId,
    '404': (id) => send(id, { key: admin(), override: { username: 'nouser' } }),
  },
  PostgresService_UpdateUser: {
    '200': (id) => send(id, { key: admin() }),
    '400': (id) => send(id, { key: admin(), body: { config: { databases: { db1: { role: 'owner' } } } } }),
    '404': (id) => send(id, { key: admin(), override: { username: 'nouser' } }),
    '409': concurrentWrite,
  },
  PostgresService_DeleteUser: {
    '200': async (id) => {
      const username = fresh('leaving');
      expect((await send('PostgresService_CreateUser', { key: admin(), body: { username } })).status).toBe(200);
      return send(id, { key: admin(), override: { username } });
    },
    '400': badProjectId,
    '404': (id) => send(id, { key: admin(), override: { username: 'nouser' } }),
    '409': concurrentWrite,
  },
  PostgresService_RotateUserPassword: {
    '200': (id) => send(id, { key: admin() }),
    '400': badProjectId,
    '404': (id) => send(id, { key: admin(), override: { username: 'nouser' } }),
    '409': concurrentWrite,
  },
  PostgresService_ListPostgresPresets: { '200': (id) => send(id, { key: local.publicApi.readKey }) },
  PostgresService_ListExtensions: { '200': (id) => send(id, { key: local.publicApi.readKey }) },
};

/**
 * Statuses the document lists (it copies Hikube's, which lists all eight on every operation) that
 * no request can draw from this operation, and why. Kept exact by a test below.
 */
const neverAnswered: Record<string, string> = {
  'PostgresService_ListPostgresPresets 400': 'a catalog takes no parameter and no body',
  'PostgresService_ListPostgresPresets 404': 'the catalog always exists',
  'PostgresService_ListPostgresPresets 409': 'a read changes nothing, so nothing can conflict',
  'PostgresService_ListExtensions 400': 'a catalog takes no parameter and no body',
  'PostgresService_ListExtensions 404': 'the catalog always exists',
  'PostgresService_ListExtensions 409': 'a read changes nothing, so nothing can conflict',
  'PostgresService_ListPostgresClusters 404': 'a project that does not exist is the one identical 403',
  'PostgresService_ListPostgresClusters 409': 'a read changes nothing, so nothing can conflict',
  'PostgresService_CreatePostgresCluster 404': 'a project that does not exist is the one identical 403',
  'PostgresService_GetPostgresCluster 409': 'a read changes nothing, so nothing can conflict',
  'PostgresService_DeletePostgresCluster 409': 'a delete does not depend on the version it read: a concurrent change is deleted too',
  'PostgresService_ListDatabases 409': 'a read changes nothing, so nothing can conflict',
  'PostgresService_GetDatabase 409': 'a read changes nothing, so nothing can conflict',
  'PostgresService_ListUsers 409': 'a read changes nothing, so nothing can conflict',
  'PostgresService_GetUser 409': 'a read changes nothing, so nothing can conflict',
};

/** Every (operation, status) of the document, with the schema its answer must follow. */
const documented = Object.entries(doc.paths).flatMap(([, methods]) =>
  Object.values(methods).flatMap((operation) =>
    Object.entries(operation.responses ?? {}).map(([status, response]) => {
      const named = response.$ref ? doc.components.responses[response.$ref.replace('#/components/responses/', '')] : response;
      const schema = (named as { content?: Record<string, { schema?: SchemaNode }> } | undefined)?.content?.['application/json']?.schema ?? {};
      return { id: operation.operationId as PublicOperationId, status, schema };
    }),
  ),
);

/** What each error status must carry besides the body shape. */
const wantedCode: Record<string, number | undefined> = { '401': 10001, '403': 10002, '503': 10004 };

function expectErrorBody(answer: Answer, status: string): void {
  expect(Object.keys(answer.body).sort()).toEqual(
    answer.body['code'] === undefined ? ['details', 'message', 'requestId'] : ['code', 'details', 'message', 'requestId'],
  );
  expect(answer.body['requestId']).toMatch(/^[0-9a-f]{32}$/);
  if (wantedCode[status] !== undefined) expect(answer.body['code']).toBe(wantedCode[status]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-document-statuses-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic', publicApiFaults: faults, log: (line) => logLines.push(line) });
  const keys = ProjectKeys.open(dir);
  const revoked = keys.createKey(local.publicApi.project.id, 'superadmin');
  keys.revoke(revoked.key.keyId);
  revokedKey = revoked.text;
  expect((await send('PostgresService_CreatePostgresCluster', { key: admin(), body: { name: 'base', version: 'v17', size: 1, replicas: 2 } })).status).toBe(
    200,
  );
  expect((await send('PostgresService_CreateUser', { key: admin(), body: { username: 'u1', config: { databases: { db1: { role: 'admin' } } } } })).status).toBe(
    200,
  );
});

afterAll(async () => {
  await local.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the document drives the cases', () => {
  it("reads every operation of the SDK's table, each with its 200 and its errors", () => {
    expect([...new Set(documented.map((d) => d.id))].sort()).toEqual(Object.keys(publicOperations).sort());
    for (const id of Object.keys(publicOperations))
      expect(documented.filter((d) => d.id === id).map((d) => d.status)).toEqual(expect.arrayContaining(['200', '401', '403']));
  });

  it('every documented status has a provoking case or a reason it cannot be answered, and no reason is stale', () => {
    const uncovered = documented.filter(({ id, status }) => !cases[id]?.[status] && !everyOperation[status] && !neverAnswered[`${id} ${status}`]);
    expect(uncovered.map(({ id, status }) => `${id} ${status}`)).toEqual([]);
    const stale = Object.keys(neverAnswered).filter((pair) => {
      const [id, status] = pair.split(' ') as [PublicOperationId, string];
      return cases[id]?.[status] !== undefined || !documented.some((d) => d.id === id && d.status === status);
    });
    expect(stale).toEqual([]);
  });
});

describe.each(documented.filter(({ id, status }) => !neverAnswered[`${id} ${status}`]))('$id answers $status', ({ id, status, schema }) => {
  it('when provoked, with the body the document gives', async () => {
    const provoke = cases[id]?.[status] ?? everyOperation[status];
    if (!provoke) throw new Error(`no case for ${id} ${status}`);
    const answer = await provoke(id);
    expect({ status: answer.status, message: answer.body['message'] }).toMatchObject({ status: Number(status) });
    expect(answerProblems(doc, schema, answer.body)).toEqual([]);
    if (status !== '200') expectErrorBody(answer, status);
    if (status === '409' && publicOperations[id].method === 'post' && id !== 'PostgresService_RotateUserPassword') expect(answer.body['code']).toBe(80002);
    if (status === '400') {
      // the message names the field the details point at
      const [detail] = answer.body['details'] as { field: string }[];
      expect(answer.body['message']).toContain(`invalid ${detail?.field ?? '?'}:`);
    }
    if (status === '500') {
      expect(answer.body['message']).toBe('internal server error');
      expect(answer.text).not.toContain(admin());
      expect(answer.text).not.toMatch(/\bat .*\.[jt]s:\d+/);
      expect(answer.text).not.toContain('injected');
    }
  });
});

describe('failures keep secrets out of answers and logs', () => {
  it('logs the injected failure with its stack but without the key it carried', () => {
    const failures = logLines.filter((line) => line.includes('injected failure'));
    expect(failures.length).toBe(Object.keys(publicOperations).length);
    for (const line of failures) {
      expect(line).not.toContain(admin());
      expect(line).toContain('<api key>');
    }
  });
});

describe('answers outside the document use its error body too', () => {
  it('413 for a body over the limit', async () => {
    const answer = await call('POST', pathOf('PostgresService_CreateDatabase'), { key: admin(), body: `{"databaseName": "${'a'.repeat(MAX_BODY_BYTES)}"}` });
    expect(answer.status).toBe(413);
    expectErrorBody(answer, '413');
    expect(answer.body['message']).toContain(String(MAX_BODY_BYTES));
  });

  it('415 for a body that is not JSON, naming the fix', async () => {
    const answer = await call('POST', pathOf('PostgresService_CreateDatabase'), { key: admin(), body: '{"databaseName": "plain"}', contentType: 'text/plain' });
    expect(answer.status).toBe(415);
    expectErrorBody(answer, '415');
    expect(answer.body['message']).toContain('Content-Type: application/json');
    expect((await send('PostgresService_GetDatabase', { key: admin(), override: { databaseName: 'plain' } })).status).toBe(404);
  });

  it('400 naming a key a PATCH body gives twice, nothing changed', async () => {
    const before = await send('PostgresService_GetDatabase', { key: admin() });
    const answer = await call('PATCH', pathOf('PostgresService_UpdateDatabase'), {
      key: admin(),
      body: '{"extensions": ["hstore"], "extensions": ["citext"]}',
    });
    expect([answer.status, answer.body['message']]).toEqual([400, 'invalid extensions: the key is given more than once in the body; send it once']);
    expect((await send('PostgresService_GetDatabase', { key: admin() })).body).toEqual(before.body);
  });
});

describe("a write of the platform between the front's read and its write", () => {
  it('is not a conflict: the request applies to the latest object (a status write while a cluster provisions)', async () => {
    const statusPath = '/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses/base/status';
    faults.beforeWrite = async () => {
      delete faults.beforeWrite;
      const written = await call('PATCH', statusPath, {
        body: { status: { version: `platform-${Date.now()}` } },
        contentType: 'application/merge-patch+json',
        headers: { authorization: `Bearer ${local.adminToken}` },
      });
      expect(written.status).toBe(200);
    };
    try {
      const databaseName = fresh('dbp');
      const answer = await send('PostgresService_CreateDatabase', { key: admin(), body: { databaseName } });
      expect({ status: answer.status, databaseName: answer.body['databaseName'] }).toEqual({ status: 200, databaseName });
      expect(faults.beforeWrite).toBeUndefined();
    } finally {
      delete faults.beforeWrite;
    }
  });
});
