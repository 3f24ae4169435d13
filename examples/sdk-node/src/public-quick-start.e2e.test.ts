// The public-API quick start as a Hikube customer runs it, with the variables of DIR/hikube.env,
// against Hikube Local's engine driver: real PostgreSQL instances behind the cluster's external
// address, reached with node-postgres over TLS.
import { execFile } from 'node:child_process';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startHikubeLocal, type HikubeLocal } from '@hikube/local';
import { connectionString, createPublicClient, type ClusterCreate, type PublicClient } from '@hikube/sdk/public';
import { createTempDir, type TempDir } from '@hikube/testkit';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publicQuickStart } from './public-quick-start.js';

const hikubeVariables = ['HIKUBE_API', 'HIKUBE_API_KEY', 'HIKUBE_PROJECT_ID', 'HIKUBE_CA_CERT'] as const;

/** The variables `source DIR/hikube.env` would export. */
async function hikubeEnv(dataDir: string): Promise<Record<string, string>> {
  const text = await readFile(join(dataDir, 'hikube.env'), 'utf8');
  return Object.fromEntries([...text.matchAll(/^export ([A-Z_]+)='([^']*)'$/gm)].map(([, name = '', value = '']) => [name, value]));
}

describe('the public-API quick start against Hikube Local (real PostgreSQL)', () => {
  let dir: TempDir;
  let local: HikubeLocal;
  let hikube: PublicClient;
  let version: ClusterCreate['version'];
  const saved = Object.fromEntries(hikubeVariables.map((name) => [name, process.env[name]]));
  let failed = false;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)('pg_config', ['--version']);
    version = `v${/PostgreSQL (\d+)/.exec(stdout)?.[1] ?? ''}` as ClusterCreate['version'];
    // Short, traversable paths: the instances' sockets live under the data dir (107-byte limit).
    dir = await createTempDir('pq');
    await chmod(dir.path, 0o755);
    local = await startHikubeLocal({ dataDir: join(dir.path, 'l'), port: 0, driver: 'engine' });
    const env = await hikubeEnv(local.dataDir);
    for (const name of hikubeVariables) process.env[name] = env[name];
    hikube = createPublicClient();
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    for (const name of hikubeVariables) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    // A run that failed half-way leaves its cluster: delete it so its instances stop with the server.
    if (failed && hikube) {
      await hikube.postgres.clusters.delete('quick').catch(() => undefined);
      await hikube.postgres.clusters.waitUntilDeleted('quick', { intervalMs: 500, timeoutMs: 60_000 }).catch(() => undefined);
    }
    await hikube?.close();
    await local?.stop();
    await dir?.remove({ failed });
  });

  it('creates an external cluster of 3 with a quorum, a database with pgcrypto and a user, connects, and locks the old password out on rotation', async () => {
    const printed: string[] = [];
    const result = await publicQuickStart('quick', version, (line) => printed.push(line));

    expect(result.cluster).toMatchObject({ name: 'quick', replicas: 3, external: true, quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 }, status: 'ready' });
    expect(result.cluster.host).not.toBe('');
    expect(printed.at(0)).toBe('cluster quick: provisioning');
    expect(printed).toContain('cluster quick: ready');
    expect(result.session).toMatchObject({ user: 'app', database: 'shop', ssl: true });
    expect(result.session.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // 28P01: invalid_password.
    expect(result.oldPasswordRefused.code).toBe('28P01');
    expect(printed.join('\n')).not.toContain(result.password);

    // The API reports what the quick start made, and the rotated password is the one that works.
    expect(await hikube.postgres.databases('quick').get('shop')).toMatchObject({ extensions: ['pgcrypto'], roles: { admin: ['app'] } });
    const uri = `${connectionString(result.cluster, { user: 'app', password: result.password, database: 'shop' })}&uselibpqcompat=true&sslrootcert=${encodeURIComponent(process.env['HIKUBE_CA_CERT'] ?? '')}`;
    const db = new Client({ connectionString: uri });
    await db.connect();
    try {
      const { rows } = await db.query<{ standby: boolean; extension: string }>(
        "SELECT pg_is_in_recovery() AS standby, extname AS extension FROM pg_extension WHERE extname = 'pgcrypto'",
      );
      expect(rows).toEqual([{ standby: false, extension: 'pgcrypto' }]);
    } finally {
      await db.end();
    }

    await hikube.postgres.clusters.delete('quick');
    await hikube.postgres.clusters.waitUntilDeleted('quick', { intervalMs: 500 });
  }, 150_000);
});
