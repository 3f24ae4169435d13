// The `hikube-local` command as users run it: start --detach, status, kubeconfig (per tenant),
// site down/up, restart keeping state and tokens, stop.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readServerInfo } from '../server/data-dir.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hikube-local-cli-'));
const dataDir = join(dir, 'data');

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args, '--data-dir', dataDir], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** One call to the running server as the default tenant. */
function api(method: string, path: string, body?: unknown): Promise<number> {
  const info = readServerInfo(dataDir);
  const tokens = JSON.parse(readFileSync(join(dataDir, 'tokens.json'), 'utf8')) as { tenants: Record<string, string> };
  const ca = readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      `${info?.url ?? ''}${path}`,
      { method, ca, headers: { authorization: `Bearer ${tokens.tenants['tenant-demo'] ?? ''}`, 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

afterAll(async () => {
  const info = readServerInfo(dataDir);
  if (info) await run('stop');
  rmSync(dir, { recursive: true, force: true });
});

describe('hikube-local', () => {
  it('starts detached on first run with a CA, tokens, a tenant per project and a kubeconfig', async () => {
    const r = await run('start', '--detach', '--port', '0', '--driver', 'deterministic', '--projects', '2', '--extra-postgres-field', 'schedulingClass');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Hikube Local listening on https:\/\/127\.0\.0\.1:\d+ \(pid \d+, driver deterministic\)\nkubeconfig: /);
    for (const f of ['pki/ca.crt', 'pki/server.key', 'tokens.json', 'kubeconfig']) expect(existsSync(join(dataDir, f))).toBe(true);
    // the detached server's log and the data directory it made are owner-only like the secrets
    for (const f of ['.', 'tokens.json', 'hikube-local.log']) expect({ f, open: statSync(join(dataDir, f)).mode & 0o077 }).toEqual({ f, open: 0 });
    const kc = parse(readFileSync(join(dataDir, 'kubeconfig'), 'utf8')) as {
      'current-context': string;
      contexts: { name: string; context: { namespace: string } }[];
    };
    expect(kc['current-context']).toBe('hikube-local-tenant-demo');
    expect(kc.contexts.map((c) => [c.name, c.context.namespace])).toEqual([
      ['hikube-local-tenant-demo', 'tenant-demo'],
      ['hikube-local-tenant-demo2', 'tenant-demo2'],
      ['hikube-local-admin', 'default'],
    ]);
    // --projects 2: the second project's variables in hikube.env, with their own keys
    const env = readFileSync(join(dataDir, 'hikube.env'), 'utf8');
    for (const name of ['HIKUBE_PROJECT_ID', 'HIKUBE_API_KEY', 'HIKUBE_PROJECT_ID_2', 'HIKUBE_API_KEY_2', 'HIKUBE_API_READ_KEY_2'])
      expect(env).toMatch(new RegExp(`^export ${name}='[^']+'$`, 'm'));
  });

  it('refuses a second start on the same data directory', async () => {
    const r = await run('start', '--detach', '--port', '0');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already running .*run "hikube-local stop" first/);
  });

  it('reports status and prints a tenant-only kubeconfig', async () => {
    const status = await run('status');
    expect(status.stdout).toMatch(/^running: https:\/\/127\.0\.0\.1:\d+ pid \d+ driver deterministic/);
    const kc = await run('kubeconfig', '--tenant', 'tenant-demo');
    const doc = parse(kc.stdout) as { users: { name: string }[]; 'current-context': string };
    expect(doc.users.map((u) => u.name)).toEqual(['tenant-demo@hikube-local']);
    const unknown = await run('kubeconfig', '--tenant', 'nobody');
    expect(unknown.stderr).toMatch(/unknown tenant "nobody"; tenants: tenant-demo/);
  });

  it.each([
    { args: ['site', 'down', 'gland'], want: 'site gland is down\n' },
    { args: ['site', 'up', 'gland'], want: 'site gland is up\n' },
  ])('runs $args', async ({ args, want }) => {
    expect((await run(...args)).stdout).toBe(want);
  });

  it.each([
    { args: ['site', 'down', 'mars'], want: /usage: hikube-local site down\|up gland\|lucerne\|geneva/ },
    { args: ['start', '--port', 'x'], want: /--port must be a TCP port number/ },
    { args: ['frobnicate'], want: /unknown command "frobnicate"/ },
  ])('rejects bad input: $args', async ({ args, want }) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(want);
  });

  it('starts the server again after it is killed (kill -9), on the same URL, with its objects', async () => {
    const PG = '/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses';
    expect(await api('POST', PG, { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'survivor' }, spec: {} })).toBe(201);
    const before = readServerInfo(dataDir);
    expect(before?.supervisorPid).toBeGreaterThan(0);
    process.kill(before?.pid as number, 'SIGKILL');
    // Polled through the CLI until a new server answers; each run takes its own time, no sleeps.
    let after = readServerInfo(dataDir);
    for (let i = 0; i < 300; i++) {
      const status = await run('status');
      after = readServerInfo(dataDir);
      if (status.code === 0 && after && after.pid !== before?.pid) break;
    }
    expect(after?.pid).not.toBe(before?.pid);
    expect(after).toMatchObject({ url: before?.url, supervisorPid: before?.supervisorPid });
    expect(await api('GET', `${PG}/survivor`)).toBe(200);
    // The supervisor started the new server with the same options: spec.schedulingClass is still a known field.
    expect(
      await api('POST', `${PG}?fieldValidation=Strict`, {
        apiVersion: 'apps.cozystack.io/v1alpha1',
        kind: 'Postgres',
        metadata: { name: 'placed' },
        spec: { schedulingClass: 'spread' },
      }),
    ).toBe(201);
    expect(readFileSync(join(dataDir, 'hikube-local.log'), 'utf8')).toMatch(/the server \(pid \d+\) was killed by SIGKILL; starting it again/);
  });

  it('stops, and keeps tokens and the CA across a restart', async () => {
    const tokens = readFileSync(join(dataDir, 'tokens.json'), 'utf8');
    const ca = readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8');
    const pid = readServerInfo(dataDir)?.pid as number;
    const supervisor = readServerInfo(dataDir)?.supervisorPid as number;
    expect((await run('stop')).stdout).toBe(`stopped Hikube Local (pid ${pid})\n`);
    expect((await run('status')).code).toBe(3);
    expect(() => process.kill(supervisor, 0)).toThrow(); // the supervisor went with it
    expect((await run('start', '--detach', '--port', '0', '--driver', 'deterministic')).code).toBe(0);
    expect(readFileSync(join(dataDir, 'tokens.json'), 'utf8')).toBe(tokens);
    expect(readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8')).toBe(ca);
    expect((await run('stop')).code).toBe(0);
  });
});
