// Hikube Local answers as the current Cozystack does: a tenant's spec comes back with every chart
// default filled in (the fixtures are written from cozystack's chart, not from our document), and an
// object exactly as the platform returns it goes through a replace unchanged.

import { ConflictError, createClient, type HikubeClient, type Postgres } from '@hikube/sdk/kubernetes';
import { cozystackFixtures } from '@hikube/sdk/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

let dir: string;
let local: HikubeLocal;
let client: HikubeClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-local-fixtures-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
  client = createClient({ kubeconfig: local.kubeconfigPath });
});
afterAll(async () => {
  await client?.close();
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fixtures = cozystackFixtures('tenant-demo').map((fixture) => ({ name: fixture.title, fixture }));

// The controller writes status meanwhile (a new resourceVersion): re-read and try again, as any client of a replace does.
async function replaceWith(object: Postgres): Promise<Postgres> {
  for (let attempt = 1; ; attempt++) {
    const current = await client.postgres.get(object.metadata.name ?? '');
    try {
      return await client.postgres.update({ ...object, metadata: { ...current.metadata } });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
    }
  }
}

describe('Hikube Local against the cozystack v1.6.2 fixtures', () => {
  it.each(fixtures)('$name: the written spec reads back as the platform returns it', async ({ fixture }) => {
    const name = fixture.object.metadata.name;
    await client.postgres.create({ metadata: { name }, spec: fixture.written as Postgres['spec'] & object });
    const read = await client.postgres.get(name);
    expect(read.spec).toEqual(fixture.object['spec']);
  });

  it.each(fixtures)('$name: the object as the platform returns it goes through a replace unchanged', async ({ fixture }) => {
    const name = fixture.object.metadata.name;
    const replaced = await replaceWith(fixture.object as unknown as Postgres);
    expect(replaced.spec).toEqual(fixture.object['spec']);
    expect((await client.postgres.get(name)).spec).toEqual(fixture.object['spec']);
  });

  it('publishes its OpenAPI v3 document like an aggregated API server, and the SDK reads the fields it has', async () => {
    const capabilities = await client.postgres.capabilities();
    for (const path of ['version', 'tls.enabled', 'backup.useSystemBucket', 'backup.s3CredentialsSecret', 'bootstrap.serverName', 'users.app'])
      expect(capabilities.has(path)).toBe(true);
    expect(capabilities.has('backup.compression')).toBe(false);
    // v1.6.2's chart has no per-cluster class: a tenant's class comes from its namespace's label.
    expect(capabilities.has('schedulingClass')).toBe(false);
  });
});
