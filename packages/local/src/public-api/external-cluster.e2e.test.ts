// Issue 13, end to end with real PostgreSQL: the customer's path through Hikube's public API over
// real HTTPS (plain node:https with the CA from DIR/hikube.env, not the SDK), then the real `psql`
// over TLS to the cluster's own address on port 5432: sslmode=require and verify-full, a password
// rotation refused on the very next connection, a killed primary, a restart of Hikube Local, and a
// deletion that frees the address.

import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHikubeEnv } from '../projects/hikube-env.js';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';
import { httpsCall, type HttpsAnswer } from '../testing/https-call.js';
import { createLocalPki } from '../tls/certificates.js';

let parent: string;
let dataDir: string;
let local: HikubeLocal;
/** The variables `DIR/hikube.env` exports, as a user's shell gets them after `source`. */
type SourcedEnv = Record<'HIKUBE_API' | 'HIKUBE_API_KEY' | 'HIKUBE_PROJECT_ID' | 'HIKUBE_CA_CERT', string>;
let env: SourcedEnv;
let clusters: string;

/** One request as curl with `source DIR/hikube.env` would send it. */
function call(method: string, path: string, body?: unknown): Promise<HttpsAnswer> {
  return httpsCall({ url: env.HIKUBE_API, caCertPem: readFileSync(env.HIKUBE_CA_CERT, 'utf8') }, method, path, { key: env.HIKUBE_API_KEY, body });
}

/** The same platform through its Kubernetes front (the admin token). */
async function kube(path: string): Promise<Record<string, unknown>> {
  return (await httpsCall(local, 'GET', path, { headers: { authorization: `Bearer ${local.adminToken}` } })).body;
}

interface PsqlResult {
  ok: boolean;
  out: string;
}

/** The real psql: no PG* variable of ours, no psqlrc; the password only in its environment. */
function psql(conninfo: string, password: string, sql: string): Promise<PsqlResult> {
  return new Promise((resolve) => {
    execFile(
      'psql',
      ['-X', '-v', 'ON_ERROR_STOP=1', '-At', '-d', conninfo, '-c', sql],
      { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', PGPASSWORD: password, PGCONNECT_TIMEOUT: '5', HOME: parent }, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ ok: err === null, out: `${stdout}${stderr}`.trim() }),
    );
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const CLUSTERS = () => `/postgres/v1alpha1/projects/${env.HIKUBE_PROJECT_ID}/clusters`;
const PG = '/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses/shop';

/** The cluster's instance directory of `pod`, where its postmaster.pid is. */
function postmasterPid(pod: string): number {
  const [dir] = readdirSync(clusters).filter((d) => d.startsWith('tenant-demo--shop--'));
  return Number(readFileSync(join(clusters, dir ?? '', pod, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** True when we can listen on address:port ourselves: nothing holds it any more. */
function canListen(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, address, () => server.close(() => resolve(true)));
  });
}

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'hl-ext-'));
  chmodSync(parent, 0o755); // the postgres user reaches DIR/engine: instances live under the data directory
  dataDir = join(parent, 'd');
  local = await startHikubeLocal({ dataDir, port: 0, driver: 'engine' });
  env = readHikubeEnv(dataDir) as SourcedEnv;
  clusters = join(dataDir, 'engine', 'clusters');
}, 60_000);

afterAll(async () => {
  if (local && (await call('GET', `${CLUSTERS()}/shop`)).status === 200) {
    await call('DELETE', `${CLUSTERS()}/shop`);
    await until('the cluster to be gone', async () => ((await call('GET', `${CLUSTERS()}/shop`)).status === 404 ? true : undefined), 60_000).catch(
      () => undefined,
    );
  }
  await local?.stop();
  if (parent) rmSync(parent, { recursive: true, force: true });
}, 120_000);

describe('an external cluster through the public API, with real PostgreSQL over TLS', () => {
  let host = '';
  let password = '';
  let conninfo = '';

  it('creates a 3-replica cluster with a quorum, a database with pgcrypto and an admin user; ready on its own address at 5432', async () => {
    const created = await call('POST', CLUSTERS(), {
      name: 'shop',
      version: 'v15',
      replicas: 3,
      size: 1,
      preset: 'nano',
      external: true,
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    });
    expect(created).toMatchObject({ status: 200, body: { name: 'shop', replicas: '3', external: true, host: '', status: 'provisioning' } });
    const database = await call('POST', `${CLUSTERS()}/shop/databases`, { databaseName: 'app', extensions: ['pgcrypto'] });
    expect(database.body, database.text).toMatchObject({ databaseName: 'app', extensions: ['pgcrypto'] });
    const user = await call('POST', `${CLUSTERS()}/shop/users`, { username: 'appuser', config: { databases: { app: { role: 'admin' } } } });
    expect(user.status).toBe(200);
    password = String(user.body['password']);
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

    const ready = await until('ready with a host', async () => {
      const got = await call('GET', `${CLUSTERS()}/shop`);
      return got.body['status'] === 'ready' && got.body['host'] !== '' ? got.body : undefined;
    });
    host = String(ready['host']);
    // its own loopback address, port 5432 implied, as on Hikube
    expect(host).toMatch(/^127\.0\.0\.\d+$/);
    expect(host).not.toBe('127.0.0.1');
    // one platform, two fronts: the LoadBalancer Service carries the same address
    const svc = await kube('/api/v1/namespaces/tenant-demo/services/postgres-shop-external-write');
    expect(svc).toMatchObject({
      spec: { type: 'LoadBalancer', clusterIP: host, ports: [{ port: 5432 }] },
      status: { loadBalancer: { ingress: [{ ip: host }] } },
    });
    conninfo = `host=${host} port=5432 user=appuser dbname=app`;
    // Written while the cluster provisioned, the database and the user come with a later release
    // than the install: the install's Ready can say `ready` before that one has run, as on the
    // platform. Connecting as the user to the database tells when it has.
    await until('the database and the user applied', async () => ((await psql(`${conninfo} sslmode=require`, password, 'SELECT 1')).ok ? true : undefined));
  });

  it('accepts psql with sslmode=require, and with verify-full against HIKUBE_CA_CERT; another CA is refused', async () => {
    const tls = await psql(`${conninfo} sslmode=require`, password, 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    expect(tls).toEqual({ ok: true, out: 't' });
    // pgcrypto was created by the platform in `app`; the admin user writes with it
    const verified = await psql(
      `${conninfo} sslmode=verify-full sslrootcert=${env.HIKUBE_CA_CERT}`,
      password,
      "CREATE TABLE t (id int, h text); INSERT INTO t VALUES (1, encode(digest('one', 'sha256'), " +
        "'hex')); SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'",
    );
    expect(verified).toEqual({ ok: true, out: 'CREATE TABLE\nINSERT 0 1\npgcrypto' });
    const otherCa = join(parent, 'other-ca.crt');
    writeFileSync(otherCa, createLocalPki().ca.certPem);
    const refused = await psql(`${conninfo} sslmode=verify-full sslrootcert=${otherCa}`, password, 'SELECT 1');
    expect(refused.ok).toBe(false);
    // OpenSSL reports a CA of the same name with another key as a signature (EVP) error
    expect(refused.out).toMatch(/SSL error: (certificate verify failed|EVP lib)/);
  });

  it('a user created on a ready cluster connects with the returned password at once', async () => {
    const reader = await call('POST', `${CLUSTERS()}/shop/users`, { username: 'reader', config: { databases: { app: { role: 'readonly' } } } });
    expect(reader.status).toBe(200);
    const readerInfo = `host=${host} port=5432 user=reader dbname=app sslmode=require`;
    expect(await psql(readerInfo, String(reader.body['password']), 'SELECT count(*) FROM t')).toEqual({ ok: true, out: '1' });
  });

  it('rotates the password: the old one is refused on the next connection, the new one works', async () => {
    const rotated = await call('POST', `${CLUSTERS()}/shop/users/appuser/rotate-password`);
    expect(rotated.status).toBe(200);
    const fresh = String(rotated.body['password']);
    expect(fresh).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(fresh).not.toBe(password);
    const old = await psql(`${conninfo} sslmode=require`, password, 'SELECT 1');
    expect(old.ok).toBe(false);
    expect(old.out).toMatch(/password authentication failed for user "appuser"/);
    expect(await psql(`${conninfo} sslmode=require`, fresh, 'SELECT 1')).toEqual({ ok: true, out: '1' });
    password = fresh;
  });

  it('keeps accepting writes on the same host:5432 after the primary is killed', async () => {
    const before = String(((await kube(PG))['status'] as { currentPrimary: string }).currentPrimary);
    process.kill(postmasterPid(before), 'SIGKILL');
    const verifyFull = `${conninfo} sslmode=verify-full sslrootcert=${env.HIKUBE_CA_CERT}`;
    // idempotent: an attempt cut off during the failover may have committed already
    await until(
      'a write through host:5432 after the failover',
      async () => {
        const r = await psql(verifyFull, password, "INSERT INTO t SELECT 2, 'two' WHERE NOT EXISTS (SELECT 1 FROM t WHERE id = 2)");
        return r.ok ? r.out : undefined;
      },
      60_000,
    );
    // the row written before the kill survived (synchronous quorum), the one after it landed
    expect(await psql(verifyFull, password, "SELECT string_agg(id::text, ',' ORDER BY id) FROM t")).toEqual({ ok: true, out: '1,2' });
    const after = String(((await kube(PG))['status'] as { currentPrimary: string }).currentPrimary);
    expect(after).not.toBe(before);
    expect((await call('GET', `${CLUSTERS()}/shop`)).body['host']).toBe(host);
  });

  it('keeps its address and port across a restart of Hikube Local', async () => {
    await local.stop();
    local = await startHikubeLocal({ dataDir, port: 0, driver: 'engine' });
    env = readHikubeEnv(dataDir) as SourcedEnv; // the same keys, the new server's URL
    const back = await until(
      'ready again',
      async () => {
        const got = await call('GET', `${CLUSTERS()}/shop`);
        return got.body['status'] === 'ready' ? got.body : undefined;
      },
      60_000,
    );
    expect(back['host']).toBe(host);
    expect(await psql(`${conninfo} sslmode=verify-full sslrootcert=${env.HIKUBE_CA_CERT}`, password, 'SELECT count(*) FROM t')).toEqual({ ok: true, out: '2' });
  });

  it('deletes the cluster and releases its address and port', async () => {
    expect(await call('DELETE', `${CLUSTERS()}/shop`)).toMatchObject({ status: 200, body: {} });
    await until('the cluster to be gone', async () => ((await call('GET', `${CLUSTERS()}/shop`)).status === 404 ? true : undefined), 60_000);
    expect(await canListen(host, 5432)).toBe(true);
    const registry = join(dataDir, 'engine', 'external-addresses.json');
    expect(JSON.parse(readFileSync(registry, 'utf8'))).toEqual({});
    expect(statSync(registry).mode & 0o777).toBe(0o600);
  });
});
