import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleProvider } from '../build/bundle-provider.js';
import { buildSingleExecutable } from '../release/single-executable.js';
import { hostTarget } from '../release/release-targets.js';
import { generateCertificate } from '../protocol/certificate.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../protocol/handshake.js';

// Section 4 of issue 5: start-up costs side by side, with NODE_EXTRA_CA_CERTS unset (users'
// default) and set (this machine's default). Prints a table; asserts nothing.

const here = fileURLToPath(new URL('.', import.meta.url));
const CA_BUNDLE = process.env['NODE_EXTRA_CA_CERTS'] || '/etc/ssl/certs/ca-certificates.crt';

function envWith(caSet: boolean, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TF_') && k !== 'NODE_EXTRA_CA_CERTS') env[k] = v;
  if (caSet) env['NODE_EXTRA_CA_CERTS'] = CA_BUNDLE;
  return { ...env, CHECKPOINT_DISABLE: '1', ...extra };
}

function timeUntilExit(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0 || code === 2) resolve(ms);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`));
    });
  });
}

function timeUntilHandshake(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let ms = 0;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!ms && out.includes('\n')) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        child.kill('SIGTERM'); // our SIGTERM handler removes the socket
      }
    });
    child.once('exit', () => (ms ? resolve(ms) : reject(new Error(`no handshake: ${out}`))));
  });
}

interface Stats {
  readonly median: number;
  readonly min: number;
}

/** Runs both variants alternately (so load drifts hit both alike) after one warm-up each. */
async function measure(runs: number, fn: (caSet: boolean) => Promise<number>): Promise<[Stats, Stats]> {
  await fn(false);
  await fn(true);
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    samples[0].push(await fn(false));
    samples[1].push(await fn(true));
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    return { median: list[Math.floor(list.length / 2)] as number, min: list[0] as number };
  }) as [Stats, Stats];
}

const fmt = (s: Stats): string => `${s.median.toFixed(0)} (${s.min.toFixed(0)})`;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'hikube-tfplugin-bench-'));
  try {
    const bundle = join(work, 'terraform-provider-example.cjs');
    await bundleProvider({ entry: join(here, '..', '..', 'src', 'proof', 'example-provider-main.ts'), outFile: bundle });
    const unbundled = join(here, '..', 'proof', 'example-provider-main.js');
    // The release form: the same bundle inside a single executable (this machine's Node, as the
    // release takes the same version from npm), with its main script's code cache embedded.
    const single = join(work, 'terraform-provider-example-sea');
    const host = hostTarget();
    if (host)
      await buildSingleExecutable({
        script: readFileSync(bundle, 'utf8'),
        nodeExecutable: process.execPath,
        target: host,
        outFile: single,
        workDir: join(work, 'sea'),
        useCodeCache: true,
      });
    const binDir = join(work, 'bin');
    mkdirSync(binDir);
    const launcher = join(binDir, 'terraform-provider-example');
    writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${bundle}' "$@"\n`);
    chmodSync(launcher, 0o755);
    const cli = join(work, 'cli.tfrc');
    writeFileSync(cli, `provider_installation {\n  dev_overrides {\n    "hikube/example" = "${binDir}"\n  }\n  direct {}\n}\n`);
    const tfDir = join(work, 'tf');
    mkdirSync(tfDir);
    writeFileSync(
      join(tfDir, 'main.tf'),
      `terraform {\n  required_providers {\n    example = { source = "hikube/example" }\n  ` +
        `}\n}\nprovider "example" {\n  store_dir = "${join(work, 'store')}"\n}\nresource ` +
        `"example_thing" "a" {\n  name = "bench"\n}\n`,
    );
    const clientCert = (await generateCertificate()).certPem;
    const plugin = (caSet: boolean): NodeJS.ProcessEnv =>
      envWith(caSet, { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: clientCert });

    const rows: { name: string; runs: number; target?: number; run: (caSet: boolean) => Promise<number> }[] = [
      { name: 'floor: `node -e 0`', runs: 20, run: (ca) => timeUntilExit(process.execPath, ['-e', '0'], envWith(ca)) },
      { name: 'floor: `terraform version`', runs: 20, run: (ca) => timeUntilExit('terraform', ['version'], envWith(ca)) },
      {
        name: 'provider start to handshake, esbuild bundle, mTLS',
        runs: 20,
        target: 150,
        run: (ca) => timeUntilHandshake(process.execPath, [bundle], plugin(ca)),
      },
      ...(host
        ? [
            {
              name: 'provider start to handshake, single executable (release), mTLS',
              runs: 20,
              target: 150,
              run: (ca: boolean) => timeUntilHandshake(single, [], plugin(ca)),
            },
          ]
        : []),
      { name: 'provider start to handshake, unbundled dist, mTLS', runs: 20, run: (ca) => timeUntilHandshake(process.execPath, [unbundled], plugin(ca)) },
      {
        name: '`terraform plan`, one resource (bundle)',
        runs: 10,
        target: 600,
        run: (ca) => timeUntilExit('terraform', ['plan', '-input=false', '-no-color', '-refresh=true'], envWith(ca, { TF_CLI_CONFIG_FILE: cli }), tfDir),
      },
    ];
    const lines = [
      `Node ${process.version}, ${process.platform}/${process.arch}; median (min) in ms; ${new Date().toISOString().slice(0, 16)}Z`,
      '',
      '| measurement | runs | NODE_EXTRA_CA_CERTS unset | set | target (median, unset) |',
      '|---|---|---|---|---|',
    ];
    for (const row of rows) {
      const [unset, set] = await measure(row.runs, row.run);
      const verdict = row.target === undefined ? '' : `< ${row.target}: ${unset.median < row.target ? 'met' : 'missed'}`;
      lines.push(`| ${row.name} | ${row.runs} | ${fmt(unset)} | ${fmt(set)} | ${verdict} |`);
    }
    const [load1] = loadavg();
    lines.push('', `load average (1 min) at the end: ${load1?.toFixed(1)} on ${cpus().length} CPUs; the minimum approximates an idle machine.`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
