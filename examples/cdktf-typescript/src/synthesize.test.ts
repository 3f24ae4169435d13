// Runs the app the way `cdktf synth` does (CDKTF_OUTDIR set, cwd the project), then has the real
// `terraform validate` check each synthesized stack against the provider's own schema, with the
// provider installed through dev_overrides.
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, TerraformWorkspace, type TempDir } from '@hikube/testkit';

const run = promisify(execFile);
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

interface SynthesizedStack {
  terraform: { required_providers: Record<string, { source: string }>; backend: Record<string, unknown> };
  resource: { hikube_postgres_cluster: Record<string, Record<string, unknown>> };
  output: Record<string, { value: string; sensitive?: boolean }>;
}

/** The provider executable the `terraform-provider-hikube` package declares in `bin`. */
async function providerExecutable(): Promise<string> {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('terraform-provider-hikube') ?? []) {
    const manifestPath = join(dir, 'terraform-provider-hikube', 'package.json');
    try {
      await access(manifestPath);
    } catch {
      continue;
    }
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { bin: Record<string, string> };
    const bin = manifest.bin['terraform-provider-hikube'];
    if (bin) return join(dirname(manifestPath), bin);
  }
  throw new Error('terraform-provider-hikube is not installed: run `npm ci` and `npm run build -w terraform-provider-hikube`');
}

let temp: TempDir;
const stacks: Record<string, SynthesizedStack> = {};
const stackFiles: Record<string, string> = {};

beforeAll(async () => {
  temp = await createTempDir('cdktf-example');
  const outdir = join(temp.path, 'cdktf.out');
  // cwd is a temp dir: the default local backend keeps its state file next to where the app runs.
  await run(process.execPath, [join(projectRoot, 'dist', 'main.js')], { cwd: temp.path, env: { ...process.env, CDKTF_OUTDIR: outdir } });
  for (const name of ['production', 'development']) {
    stackFiles[name] = await readFile(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
    stacks[name] = JSON.parse(stackFiles[name]) as SynthesizedStack;
  }
});

afterAll(async () => {
  await temp?.remove();
});

function clusterOf(name: string): Record<string, unknown> {
  const clusters = stacks[name]?.resource.hikube_postgres_cluster ?? {};
  const [cluster] = Object.values(clusters);
  expect(Object.keys(clusters)).toHaveLength(1);
  return cluster ?? {};
}

describe('the synthesized stacks', () => {
  it('production: three instances over three zones with one synchronous standby, users and a database', () => {
    const cluster = clusterOf('production');
    expect(cluster).toMatchObject({ replicas: 3, sync_mode: 'quorum', min_sync_replicas: 1, max_sync_replicas: 1 });
    expect(new Set(cluster['zones'] as string[])).toEqual(new Set(['gland', 'lucerne', 'geneva']));
    expect(Object.keys(cluster['users'] as object).sort()).toEqual(['app', 'reporting']);
    expect(cluster['databases']).toEqual({ orders: { admin: ['app'], readonly: ['reporting'] } });
  });

  it('development: one asynchronous instance', () => {
    expect(clusterOf('development')).toMatchObject({ replicas: 1, sync_mode: 'async' });
  });

  it.each(['production', 'development'])('%s: endpoints in clear, connection URIs sensitive', (name) => {
    const outputs = stacks[name]?.output ?? {};
    const [address] = Object.keys(stacks[name]?.resource.hikube_postgres_cluster ?? {});
    const ref = (attribute: string) => `\${hikube_postgres_cluster.${address}.${attribute}}`;
    expect(outputs['endpoints']).toMatchObject({ value: ref('endpoints') });
    expect(outputs['endpoints']?.sensitive).toBeUndefined();
    expect(outputs['instances']).toMatchObject({ value: ref('instances') });
    expect(outputs['app_uri_rw']).toEqual({ value: ref('connection_uris.app.rw'), sensitive: true });
    expect(outputs['app_uri_ro']).toEqual({ value: ref('connection_uris.app.ro'), sensitive: true });
    expect(outputs['connection_uris']).toEqual({ value: ref('connection_uris'), sensitive: true });
  });

  it.each(['production', 'development'])('%s: names the hikube provider by its registry address', (name) => {
    expect(stacks[name]?.terraform.required_providers).toEqual({ hikube: { source: 'registry.terraform.io/hikube/hikube' } });
  });
});

describe('terraform validate with the provider through dev_overrides', () => {
  it.each(['production', 'development'])('%s is valid', async (name) => {
    const workspace = await TerraformWorkspace.create({
      files: { 'cdk.tf.json': stackFiles[name] ?? '' },
      providers: [{ source: 'hikube/hikube', executable: await providerExecutable(), install: 'dev-overrides' }],
      logLevel: 'OFF',
    });
    let failed = true;
    try {
      const { validation } = await workspace.validate({ check: false });
      expect(validation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(validation.valid).toBe(true);
      failed = false;
    } finally {
      await workspace.dispose({ failed });
    }
  });
});
