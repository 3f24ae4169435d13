import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { describeLeaks, findLeaks, type Leaks } from './leak-report.js';
import { listeningPortsOf, processesMentioning } from './leak-scan.js';

// A vitest setup file (vitest.shared.ts adds it to every package): each test file gets a TMPDIR
// of its own, and fails if, after its last hook, a process it started still runs, a server it
// opened still listens, or anything is left in that TMPDIR.

const SETTLE_MS = 10_000; // processes being stopped get this long to exit
const POLL_MS = 100;

const outerTmp = tmpdir();
// short: the main job's data directory under it must stay within PostgreSQL's socket path limit
const fileTmp = mkdtempSync(join(outerTmp, 'hs-'));
// traversable (not listable) by PostgreSQL's own user, which runs our clusters when we are root
chmodSync(fileTmp, 0o711);
process.env['TMPDIR'] = fileTmp;

let portsBefore = new Set<number>();

async function scan(): Promise<Leaks | undefined> {
  return findLeaks({
    portsBefore,
    portsAfter: await listeningPortsOf(),
    processes: await processesMentioning(fileTmp),
    tempEntries: readdirSync(fileTmp),
  });
}

beforeAll(async () => {
  portsBefore = await listeningPortsOf();
});

afterAll(async () => {
  const deadline = Date.now() + SETTLE_MS;
  let leaks = await scan();
  while (leaks && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    leaks = await scan();
  }
  process.env['TMPDIR'] = outerTmp;
  const keep = process.env['HIKUBE_KEEP_TMP'] === '1';
  // leaked processes were started by this file: stop them so they cannot disturb the next one
  for (const p of leaks?.processes ?? []) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (!keep) rmSync(fileTmp, { recursive: true, force: true });
  if (leaks && !(keep && leaks.processes.length === 0 && leaks.ports.length === 0)) throw new Error(describeLeaks(leaks, fileTmp));
}, SETTLE_MS + 30_000);
