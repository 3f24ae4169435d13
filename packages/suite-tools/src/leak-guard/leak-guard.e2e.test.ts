import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureWorkspace, REPO_ROOT } from '../fixture-workspace.js';
import { stripAnsi } from '../strip-ansi.js';

const run = promisify(execFile);
const SETUP = join(REPO_ROOT, 'packages/suite-tools/src/leak-guard/leak-guard-setup.ts');

// The real vitest with the guard as its setup file, on one clean test file and one that leaves a
// process, a listening server and a temp file behind.
let root: string;
let result: { code: number; output: string };

beforeAll(async () => {
  root = await fixtureWorkspace({
    'vitest.config.mjs': `export default { test: { include: ['*.test.mjs'], setupFiles: [${JSON.stringify(SETUP)}] } };\n`,
    'clean.test.mjs': `
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
it('cleans up after itself', async () => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const dir = await mkdtemp(join(tmpdir(), 'mine-'));
  child.kill('SIGKILL');
  await once(child, 'exit');
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true });
  expect(true).toBe(true);
});
`,
    'leaky.test.mjs': `
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
it('forgets to clean up', async () => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore', detached: true });
  child.unref();
  writeFileSync(${JSON.stringify(join('PLACEHOLDER', 'leaked.pid'))}.replace('PLACEHOLDER', process.cwd()), String(child.pid));
  writeFileSync(join(tmpdir(), 'left-behind.txt'), 'x');
  expect(true).toBe(true);
});
`,
  });
  result = await run(join(REPO_ROOT, 'node_modules/.bin/vitest'), ['run'], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stripAnsi(stdout + stderr) }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, output: stripAnsi(err.stdout + err.stderr) }),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the leak guard', () => {
  it('fails the file that leaves things behind, and only that one', () => {
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/leaky\.test\.mjs/);
    expect(result.output).toMatch(/Test Files +1 failed \| 1 passed/);
  });

  it('names the process, the port and the temp entry', async () => {
    const pid = (await readFile(join(root, 'leaked.pid'), 'utf8')).trim();
    expect(result.output).toContain('this test file left things behind');
    expect(result.output).toContain(`process ${pid}:`);
    expect(result.output).toMatch(/listening port \d+ \(a server of this test file was not closed\)/);
    expect(result.output).toMatch(/temp entry \S+\/left-behind\.txt/);
  });

  it('stops the leaked process so it cannot disturb the next file', async () => {
    const pid = Number((await readFile(join(root, 'leaked.pid'), 'utf8')).trim());
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
