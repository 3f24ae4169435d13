import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningPortsOf, processesMentioning } from './leak-scan.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function markerDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'marker-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A process that waits a minute; `extraArg` only shows up in its command line. */
function sleeper(options: { cwd?: string; env?: NodeJS.ProcessEnv; extraArg?: string }): number {
  const args = ['-e', 'setTimeout(() => undefined, 60_000)', ...(options.extraArg ? [options.extraArg] : [])];
  const child = spawn(process.execPath, args, { stdio: 'ignore', ...(options.cwd ? { cwd: options.cwd } : {}), env: options.env ?? {} });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  if (child.pid === undefined) throw new Error('the process did not start');
  return child.pid;
}

describe('scanning for what a test file left', () => {
  it.each([
    { name: 'by its environment (an inherited TMPDIR)', how: (dir: string) => sleeper({ env: { TMPDIR: dir } }) },
    { name: 'by its working directory (PostgreSQL helpers run in the data directory)', how: (dir: string) => sleeper({ cwd: dir }) },
    { name: 'by its command line (postgres -D <dir>)', how: (dir: string) => sleeper({ extraArg: `${dir}/data` }) },
  ])('finds a live process $name', async ({ how }) => {
    const dir = await markerDir();
    const pid = how(dir);
    expect((await processesMentioning(dir)).map((p) => p.pid)).toEqual([pid]);
  });

  it('does not see processes that mention nothing of it, nor dead ones', async () => {
    const dir = await markerDir();
    sleeper({});
    const child = spawn('true', [], { env: { TMPDIR: dir } });
    await once(child, 'exit');
    expect(await processesMentioning(dir)).toEqual([]);
  });

  it("lists this process's listening ports, and forgets a closed server", async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    expect(await listeningPortsOf()).toContain(address.port);
    await new Promise((resolve) => server.close(resolve));
    expect(await listeningPortsOf()).not.toContain(address.port);
  });
});
