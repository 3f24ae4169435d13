// The extensions catalog comes from the driver (the engine lists what the installed PostgreSQL
// offers), is read once, and bounds what a database may enable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, PublicBadRequestError, type PublicClient } from '@hikube/sdk/public';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETERMINISTIC_EXTENSIONS, DeterministicReconciler } from '../controllers/deterministic/deterministic-reconciler.js';
import { extensionsOfEveryMajor } from '../engine/available-extensions.js';
import { listInstalledPg } from '../engine/pg-binaries.js';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

/** A driver whose PostgreSQL offers two extensions, counting how often it is asked. */
class TwoExtensionsDriver extends DeterministicReconciler {
  asked = 0;
  override async extensionCatalog(): Promise<readonly string[]> {
    this.asked++;
    return ['hstore', 'pgcrypto'];
  }
}

let dir: string;
let local: HikubeLocal;
let client: PublicClient;
const driver = new TwoExtensionsDriver();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-extension-catalog-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver });
  client = createPublicClient({ baseUrl: local.url, apiKey: local.publicApi.adminKey, projectId: local.publicApi.project.id, ca: local.caCertPem, env: {} });
  await client.postgres.clusters.create({ name: 'cat', version: 'v17', size: 1 });
});

afterAll(async () => {
  await client.close();
  await local.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the extensions catalog', () => {
  it("lists the driver's extensions, asking the driver once", async () => {
    expect(await client.postgres.extensions()).toEqual(['hstore', 'pgcrypto']);
    expect(await client.postgres.extensions()).toEqual(['hstore', 'pgcrypto']);
    expect(driver.asked).toBe(1);
  });

  it('refuses a database with an extension outside it, naming extensions, and stores nothing', async () => {
    const refused = await client.postgres
      .databases('cat')
      .create({ databaseName: 'shop', extensions: ['pgcrypto', 'citext'] })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(PublicBadRequestError);
    expect((refused as Error).message).toContain('invalid extensions: "citext" is not in the extensions catalog');
    expect(await client.postgres.databases('cat').list()).toEqual([]);
    expect((await client.postgres.databases('cat').create({ databaseName: 'shop', extensions: ['pgcrypto'] })).extensions).toEqual(['pgcrypto']);
  });

  it('is a fixed list with the deterministic driver, documented as such', async () => {
    expect(await new DeterministicReconciler().extensionCatalog()).toBe(DETERMINISTIC_EXTENSIONS);
    expect(DETERMINISTIC_EXTENSIONS).toEqual(
      expect.arrayContaining(['pg_stat_statements', 'pgcrypto', 'uuid-ossp', 'pg_trgm', 'hstore', 'citext', 'postgres_fdw', 'pgaudit', 'vector']),
    );
  });

  it('is what the installed PostgreSQL offers with the engine driver (pg_available_extensions; see sql-roles.e2e.test.ts)', async () => {
    const engineDir = mkdtempSync(join(tmpdir(), 'hikube-extension-catalog-engine-'));
    const engine = await startHikubeLocal({ dataDir: engineDir, port: 0, driver: 'engine' });
    const read = createPublicClient({
      baseUrl: engine.url,
      apiKey: engine.publicApi.readKey,
      projectId: engine.publicApi.project.id,
      ca: engine.caCertPem,
      env: {},
    });
    try {
      const listed = await read.postgres.extensions();
      expect(listed).toEqual(await extensionsOfEveryMajor(await listInstalledPg()));
      expect(listed).toEqual(expect.arrayContaining(['pgcrypto', 'pg_stat_statements', 'uuid-ossp']));
    } finally {
      await read.close();
      await engine.stop();
      rmSync(engineDir, { recursive: true, force: true });
    }
  });
});
