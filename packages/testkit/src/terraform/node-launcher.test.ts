import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TestkitInputError } from '../errors.js';
import { ProcessTracker } from '../process-tracker.js';
import { createTempDir, type TempDir } from '../temp-dir.js';
import { createNodeLauncher } from './node-launcher.js';

describe('createNodeLauncher', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await createTempDir('launcher');
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('runs the script as the very process that was started, with args and env', async () => {
    const script = join(dir.path, "it's.mjs");
    await writeFile(script, 'console.log(JSON.stringify({ pid: process.pid, args: process.argv.slice(2), greeting: process.env.GREETING }));\n');
    const launcher = await createNodeLauncher({ dir: dir.path, script, env: { GREETING: "it's fine" } });
    const tracker = new ProcessTracker();
    const proc = tracker.spawn(launcher, ['a b', 'c']);
    const chunks: Buffer[] = [];
    proc.child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => proc.child.once('close', resolve));
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual({ pid: proc.pid, args: ['a b', 'c'], greeting: "it's fine" });
  });

  it.each([
    { name: 'relative script', given: { dir: '/tmp', script: 'bundle.js' }, field: 'script' },
    { name: 'relative dir', given: { dir: 'out', script: '/tmp/bundle.js' }, field: 'dir' },
    { name: 'name with a slash', given: { dir: '/tmp', script: '/tmp/bundle.js', name: 'a/b' }, field: 'name' },
  ])('rejects $name', async ({ given, field }) => {
    const error = await createNodeLauncher(given).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestkitInputError);
    expect((error as TestkitInputError).field).toBe(field);
  });
});
