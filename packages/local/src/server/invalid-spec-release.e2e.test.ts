// Issue 15, point 3, over real HTTPS: a spec the SDK would refuse, sent straight to Hikube Local's
// Kubernetes API (raw HTTP, no SDK check on the way), is stored as Cozystack's aggregated API
// stores it (that API checks only the name), then its release fails: Ready=False with
// helm-controller's reason and Helm's schema wording. The SDK's waiter reports that failure, on
// create and after an update, without stopping on the Ready=True left from before the update.

import { createClient, ValidationError, WaitFailedError, type HikubeClient, type Postgres } from '@hikube/sdk/kubernetes';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawHttpsClient } from '../testing/raw-https-client.js';
import { startHikubeLocal, type HikubeLocal } from './start-hikube-local.js';

let dir: string;
let local: HikubeLocal;
let client: HikubeClient;
let raw: RawHttpsClient;
let token: string;
let namespace: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-local-invalid-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
  client = createClient({ kubeconfig: local.kubeconfigPath });
  namespace = client.namespace;
  token = local.tenants.find((t) => t.namespace === namespace)?.token ?? '';
  raw = new RawHttpsClient(local.url, local.caCertPem);
});
afterAll(async () => {
  raw?.close();
  await client?.close();
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const collection = (): string => `/apis/apps.cozystack.io/v1alpha1/namespaces/${namespace}/postgreses`;

async function send(method: string, path: string, body: unknown, contentType = 'application/json'): Promise<{ status: number; json: Postgres }> {
  const answer = await raw.send({ method, path, body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, 'content-type': contentType } });
  return { status: answer.status, json: JSON.parse(answer.text) as Postgres };
}

const readyOf = (postgres: Postgres) => postgres.status?.conditions?.find((c) => c.type === 'Ready');

describe('an invalid spec sent around the SDK', () => {
  const invalid = { replicas: 2, users: { streaming_replica: {} }, postgresql: { parameters: { archive_command: 'true' } } };

  it('is refused by the SDK before any request (the early check users pick us for)', async () => {
    await expect(client.postgres.create({ metadata: { name: 'early' }, spec: invalid })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.postgres.get('early')).rejects.toMatchObject({ code: 'HIKUBE_API_NOT_FOUND' });
  });

  it('is stored by the API, then fails its install with the Helm reason; the SDK waiter says so', async () => {
    const created = await send('POST', collection(), {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: 'broken' },
      spec: invalid,
    });
    expect(created.status).toBe(201);
    expect(created.json.spec).toMatchObject(invalid);
    const error = await client.postgres.waitForReady('broken', { timeout: 20_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitFailedError);
    const message = (error as Error).message;
    expect(message).toContain(
      `Postgres "broken" failed: Ready=False (InstallFailed): Helm install failed for release ` +
        `${namespace}/postgres-broken with chart postgres@0.18.0: values don't meet the ` +
        `specifications of the schema(s)`,
    );
    expect(message).toMatch(/- at '\/users\/streaming_replica': /);
    expect(message).toMatch(/- at '\/postgresql\/parameters\/archive_command': /);
    const stored = (error as WaitFailedError).lastObserved as Postgres;
    expect(stored.status?.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'Ready=False/InstallFailed',
      'Released=False/InstallFailed',
      'WorkloadsReady=Unknown/Pending',
    ]);
    expect(await client.postgres.instances('broken')).toEqual([]);
  });

  it('after an update, the waiter reports UpgradeFailed instead of returning on the Ready=True from before it', async () => {
    await client.postgres.create({ metadata: { name: 'running' }, spec: { replicas: 2, users: { app: {} } } });
    const installed = await client.postgres.waitForReady('running', { level: 'released', timeout: 20_000 });
    expect(readyOf(installed)).toMatchObject({ status: 'True', reason: 'InstallSucceeded' });
    const patched = await send('PATCH', `${collection()}/running`, { spec: invalid }, 'application/merge-patch+json');
    expect(patched.status).toBe(200);
    // The answer to the write still carries the install's Ready=True, as the aggregated API's does.
    expect(readyOf(patched.json)).toMatchObject({ status: 'True', reason: 'InstallSucceeded' });
    const error = await client.postgres.waitForReady('running', { level: 'released', since: patched.json, timeout: 20_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect((error as Error).message).toContain(
      `Ready=False (UpgradeFailed): Helm upgrade failed for release ${namespace}/postgres-running with chart postgres@0.18.0: values don't meet`,
    );
    // Nothing of the refused change was acted on: the pods of the install keep serving.
    expect((await client.postgres.instances('running')).filter((i) => i.ready)).toHaveLength(2);
    const fixed = await client.postgres.patch('running', {
      spec: { users: { streaming_replica: null, app: {} }, postgresql: { parameters: { archive_command: null } } },
    } as never);
    const upgraded = await client.postgres.waitForReady('running', { level: 'released', since: fixed, timeout: 20_000 });
    expect(readyOf(upgraded)).toMatchObject({
      status: 'True',
      reason: 'UpgradeSucceeded',
      message: `Helm upgrade succeeded for release ${namespace}/postgres-running.v2 with chart postgres@0.18.0`,
    });
    expect(upgraded.status).not.toHaveProperty('observedGeneration');
  });
});
