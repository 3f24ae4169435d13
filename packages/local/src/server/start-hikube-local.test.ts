import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startHikubeLocal } from './start-hikube-local.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('refuses a second server on the same data directory and frees it on stop', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hikube-local-lock-'));
  dirs.push(dir);
  const first = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
  await expect(startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' })).rejects.toThrow(/data directory .* is in use by another Hikube Local/);
  await first.stop();
  const second = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
  await second.stop();
});

it('takes over a lock left by a process that died', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hikube-local-lock-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'lock'), '999999999');
  const local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
  await local.stop();
});
