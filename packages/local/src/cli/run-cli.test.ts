import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hikube-local start --projects', () => {
  it.each(['0', '21', '1.5', 'two'])('refuses %s by name, before the data directory exists', async (given) => {
    const dataDir = join(dir, 'data');
    let stderr = '';
    const code = await runCli(['start', '--data-dir', dataDir, '--projects', given], { stdout: () => undefined, stderr: (s) => (stderr += s) });
    expect([code, stderr]).toEqual([
      2,
      `hikube-local: --projects must be a whole number from 1 to 20 (projects with keys in DIR/hikube.env), not "${given}"\n`,
    ]);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('hikube-local start --extra-postgres-field', () => {
  it('refuses a field it cannot add, naming the ones it can, before the data directory exists', async () => {
    const dataDir = join(dir, 'data');
    let stderr = '';
    const code = await runCli(['start', '--data-dir', dataDir, '--extra-postgres-field', 'zones'], { stdout: () => undefined, stderr: (s) => (stderr += s) });
    expect([code, stderr]).toEqual([2, 'hikube-local: --extra-postgres-field must be one of schedulingClass, not "zones"\n']);
    expect(existsSync(dataDir)).toBe(false);
  });
});
