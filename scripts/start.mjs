// npm start | npm run failover | npm run down. `npm ci` builds nothing, so this builds what the
// main job runs first (tsc -b for the solution, then the provider executable; both incremental),
// then hands over to the main job's public entry, @hikube/main-job (packages/main-job).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tty = process.stdout.isTTY === true;
const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Runs node with args in the repository, showing one progress line; output only on failure. */
function step(label, args) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  let frame = 0;
  const timer = tty ? setInterval(() => process.stdout.write(`\r\x1b[K${frames[frame++ % frames.length]} ${label} (${elapsed()})`), 100) : undefined;
  if (!tty) process.stdout.write(`  … ${label}\n`);
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      process.stdout.write(`${tty ? '\r\x1b[K' : ''}${code === 0 ? '✓' : '✗'} ${label} (${elapsed()})\n`);
      if (code !== 0) process.stderr.write(Buffer.concat(chunks).toString('utf8'));
      resolve(code === 0);
    });
  });
}

/** Newest modification time of the .js files under the given directories (dist/bin excluded). */
function newestJs(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'bin') walk(path);
      } else if (entry.name.endsWith('.js')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// The solution lists every project, the main job's included.
if (!(await step('build: tsc -b (incremental; the first run takes a minute or two)', [tsc, '-b', '.']))) process.exit(1);

const executable = join(root, 'provider', 'dist', 'bin', 'terraform-provider-hikube');
const inputs = newestJs([
  join(root, 'provider', 'dist'),
  join(root, 'packages', 'tfplugin', 'dist'),
  join(root, 'packages', 'binary-writers', 'dist'),
  join(root, 'sdk', 'dist'),
]);
if (!existsSync(executable) || statSync(executable).mtimeMs < inputs) {
  if (!(await step('build: the provider executable (provider/dist/bin)', [join(root, 'provider', 'dist-dev', 'build', 'build-executable.js')])))
    process.exit(1);
}

// Imported only now: the package's entry exists once the build above has run.
const { runCli } = await import('@hikube/main-job');
process.exitCode = await runCli(process.argv.slice(2));
