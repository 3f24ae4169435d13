// The supervisor with real PostgreSQL (issue 18, point 2): `start --detach --driver engine`, a
// cluster Ready, kill -9 of the server; the supervisor starts it again and the new server adopts
// the running postmaster as it is (same pid, same pods), instead of starting another.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readServerInfo } from '../server/data-dir.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hikube-local-supervisor-'));
const dataDir = join(dir, 'data');
const PG = '/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses';

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args, '--data-dir', dataDir], { timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const info = readServerInfo(dataDir);
  const tokens = JSON.parse(readFileSync(join(dataDir, 'tokens.json'), 'utf8')) as { tenants: Record<string, string> };
  const ca = readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      `${info?.url ?? ''}${path}`,
      { method, ca, headers: { authorization: `Bearer ${tokens.tenants['tenant-demo'] ?? ''}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        const json = (res.headers['content-type'] ?? '').startsWith('application/json');
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: json && text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Polls until `fn` holds; a poll is an API call, paced so it does not starve the server. */
async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(200);
  }
}

const ready = async (): Promise<boolean> => {
  const r = await api('GET', `${PG}/db`);
  const conditions = (r.json['status'] as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
};

/**
 * The postmaster pids of every instance, from their postmaster.pid files. The engine keeps
 * clusters under DIR/engine, or under the temp dir when the postgres user cannot reach DIR.
 */
function postmasters(): number[] {
  const pids: number[] = [];
  const walk = (d: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isFile() && e.name === 'postmaster.pid') pids.push(Number(readFileSync(join(d, e.name), 'utf8').split('\n')[0]));
      else if (e.isDirectory() && depth < 8) walk(join(d, e.name), depth + 1);
    }
  };
  walk(join(dataDir, 'engine'), 0);
  walk(join(tmpdir(), 'hikube-local-engine', createHash('sha256').update(dataDir).digest('hex').slice(0, 16)), 0);
  return pids.sort();
}

const podIds = async (): Promise<string[]> => {
  const r = await api('GET', '/api/v1/namespaces/tenant-demo/pods');
  return ((r.json['items'] ?? []) as { metadata: { name: string; uid: string } }[]).map((p) => `${p.metadata.name}@${p.metadata.uid}`).sort();
};

beforeAll(async () => {
  const started = await run('start', '--detach', '--port', '0', '--driver', 'engine');
  expect(started.stderr).toBe('');
});

afterAll(async () => {
  if (readServerInfo(dataDir)) {
    await api('DELETE', `${PG}/db`).catch(() => undefined);
    await until('the cluster to be gone', async () => (await api('GET', `${PG}/db`)).status === 404, 120_000).catch(() => undefined);
    await run('stop');
  }
  rmSync(dir, { recursive: true, force: true });
}, 240_000);

it('adopts the running cluster when the supervisor starts a killed server again', async () => {
  expect(
    (await api('POST', PG, { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'db' }, spec: { replicas: 1, version: 'v15' } }))
      .status,
  ).toBe(201);
  await until('db Ready', ready);
  const before = { server: readServerInfo(dataDir), postmasters: postmasters(), pods: await podIds() };
  expect(before.postmasters.length).toBe(1);

  process.kill(before.server?.pid as number, 'SIGKILL');
  await until('a new server', async () => {
    const info = readServerInfo(dataDir);
    return info !== undefined && info.pid !== before.server?.pid && (await api('GET', '/readyz')).status === 200;
  });
  await until('db Ready again', ready);

  expect(readServerInfo(dataDir)?.url).toBe(before.server?.url);
  expect(postmasters()).toEqual(before.postmasters);
  expect(await podIds()).toEqual(before.pods);
  expect(readFileSync(join(dataDir, 'hikube-local.log'), 'utf8')).toMatch(/engine: adopted postgres-db in tenant-demo/);
}, 400_000);
