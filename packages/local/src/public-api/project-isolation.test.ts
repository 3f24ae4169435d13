// Two projects (`projects: 2`, as `hikube-local start --projects 2`): a key of one is refused on
// every operation of the other with the one identical 403, nothing of the other changes, and each
// project's lists show only its own clusters.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicOperations, type PublicOperationId } from '@hikube/sdk/public';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHikubeEnv } from '../projects/hikube-env.js';
import type { StartedProject } from '../projects/start-project.js';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';
import { httpsCall, type HttpsAnswer } from '../testing/https-call.js';

type Answer = HttpsAnswer;

let dir: string;
let local: HikubeLocal;
let projectA: StartedProject;
let projectB: StartedProject;

const call = (method: string, path: string, key: string, body?: unknown): Promise<Answer> => httpsCall(local, method, path, { key, body });

/** The path of `id` in `project`, naming that project's cluster `shop`, database `orders` and user `app`. */
function pathIn(project: StartedProject, id: PublicOperationId): string {
  const values: Record<string, string> = { projectId: project.project.id, name: 'shop', clusterName: 'shop', databaseName: 'orders', username: 'app' };
  return publicOperations[id].path.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => values[name] ?? '');
}

const bodies: Record<string, unknown> = {
  ClusterCreate: { name: 'intruder', version: 'v17', size: 1 },
  ClusterUpdate: { version: 'v18', size: 5 },
  DatabaseCreate: { databaseName: 'intruder' },
  DatabaseUpdate: { extensions: [] },
  UserCreate: { username: 'intruder' },
  UserUpdate: { config: {} },
};

/** Everything project B holds, read with its own key. */
async function stateOf(project: StartedProject): Promise<unknown[]> {
  const read = (id: PublicOperationId): Promise<Answer> => call('GET', pathIn(project, id), project.readKey);
  return Promise.all(
    ['PostgresService_ListPostgresClusters', 'PostgresService_ListDatabases', 'PostgresService_ListUsers'].map(
      async (id) => (await read(id as PublicOperationId)).body,
    ),
  );
}

async function createShop(project: StartedProject, version: string): Promise<void> {
  expect((await call('POST', pathIn(project, 'PostgresService_CreatePostgresCluster'), project.adminKey, { name: 'shop', version, size: 1 })).status).toBe(200);
  expect(
    (
      await call('POST', pathIn(project, 'PostgresService_CreateUser'), project.adminKey, {
        username: 'app',
        config: { databases: { orders: { role: 'admin' } } },
      })
    ).status,
  ).toBe(200);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-project-isolation-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic', projects: 2 });
  [projectA, projectB] = local.publicProjects as [StartedProject, StartedProject];
  // The same names in both projects: a leak could not hide behind a 404.
  await createShop(projectA, 'v16');
  await createShop(projectB, 'v17');
  expect(
    (await call('POST', pathIn(projectB, 'PostgresService_CreatePostgresCluster'), projectB.adminKey, { name: 'onlyinb', version: 'v17', size: 1 })).status,
  ).toBe(200);
  await local.idle();
});

afterAll(async () => {
  await local.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('projects', () => {
  it('are separate namespaces, each with its keys in hikube.env', () => {
    expect([projectA.project.namespace, projectB.project.namespace]).toEqual(['tenant-demo', 'tenant-demo2']);
    expect(readHikubeEnv(dir)).toMatchObject({
      HIKUBE_PROJECT_ID: projectA.project.id,
      HIKUBE_API_KEY: projectA.adminKey,
      HIKUBE_PROJECT_ID_2: projectB.project.id,
      HIKUBE_API_KEY_2: projectB.adminKey,
      HIKUBE_API_READ_KEY_2: projectB.readKey,
    });
  });

  const projectScoped = (Object.keys(publicOperations) as PublicOperationId[]).filter((id) =>
    (publicOperations[id].pathParams as readonly string[]).includes('projectId'),
  );

  it.each(projectScoped)("%s of project B with project A's keys: the one identical 403, B unchanged", async (id) => {
    const before = await stateOf(projectB);
    const requestBody = publicOperations[id].requestBody;
    for (const key of [projectA.adminKey, projectA.readKey]) {
      const answer = await call(publicOperations[id].method.toUpperCase(), pathIn(projectB, id), key, requestBody === null ? undefined : bodies[requestBody]);
      expect({ status: answer.status, body: { ...answer.body, requestId: '-' } }).toEqual({
        status: 403,
        body: { requestId: '-', code: 10002, message: 'insufficient permissions', details: [] },
      });
    }
    expect(await stateOf(projectB)).toEqual(before);
  });

  it("lists show only the project's own clusters", async () => {
    const names = async (project: StartedProject): Promise<unknown> => {
      const answer = await call('GET', pathIn(project, 'PostgresService_ListPostgresClusters'), project.readKey);
      return (answer.body['clusters'] as { name: string; projectId: string; version: string }[]).map((c) => [c.name, c.projectId, c.version]);
    };
    expect(await names(projectA)).toEqual([['shop', projectA.project.id, 'v16']]);
    expect(await names(projectB)).toEqual([
      ['onlyinb', projectB.project.id, 'v17'],
      ['shop', projectB.project.id, 'v17'],
    ]);
  });
});
