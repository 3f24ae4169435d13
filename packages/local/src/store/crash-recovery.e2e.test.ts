// kill -9 of a running Hikube Local during a burst of writes: after a restart every write that was
// acknowledged (201) is there, and resourceVersion keeps increasing.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hikube-local-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'start', '--data-dir', dir, '--port', '0', '--driver', 'deterministic'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (https:\/\/\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`hikube-local exited with ${String(code)}:\n${out}`)));
  });
  return { child, url };
}

function call(url: string, agent: Agent, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const token = (JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8')) as { tenants: Record<string, string> }).tenants['tenant-demo'] as string;
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> });
        } catch (err) {
          reject(err as Error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const collection = '/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses';

it('keeps every acknowledged write across kill -9', async () => {
  const first = await start();
  const agent = new Agent({ ca: readFileSync(join(dir, 'pki', 'ca.crt')), keepAlive: true, maxSockets: 16 });
  const acked = new Map<string, number>();
  let n = 0;
  let killed = false;
  const worker = async (): Promise<void> => {
    while (!killed) {
      const name = `burst-${n++}`;
      try {
        const r = await call(first.url, agent, 'POST', collection, {
          apiVersion: 'apps.cozystack.io/v1alpha1',
          kind: 'Postgres',
          metadata: { name },
          spec: { replicas: 1 },
        });
        if (r.status === 201) acked.set(name, Number((r.json['metadata'] as { resourceVersion: string }).resourceVersion));
      } catch {
        return; // the server died mid-request: that write was not acknowledged
      }
      if (acked.size >= 150 && !killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  await new Promise<void>((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r() : first.child.on('exit', () => r())));
  agent.destroy();
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(acked.size).toBeGreaterThanOrEqual(150);

  const second = await start();
  const agent2 = new Agent({ ca: readFileSync(join(dir, 'pki', 'ca.crt')), keepAlive: true });
  try {
    const list = await call(second.url, agent2, 'GET', collection);
    const names = new Set((list.json['items'] as { metadata: { name: string } }[]).map((i) => i.metadata.name));
    const missing = [...acked.keys()].filter((k) => !names.has(k));
    expect(missing).toEqual([]);
    const after = await call(second.url, agent2, 'POST', collection, {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: 'after-restart' },
      spec: {},
    });
    expect(after.status).toBe(201);
    expect(Number((after.json['metadata'] as { resourceVersion: string }).resourceVersion)).toBeGreaterThan(Math.max(...acked.values()));
  } finally {
    agent2.destroy();
    second.child.kill('SIGTERM');
    await new Promise<void>((r) => second.child.on('exit', () => r()));
  }
});
