// jsii assembly, the four language packages, and a synthesized stack for each binding set.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { consumerProject } from '@hikube/package-check/consumer-lock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BINDING_SETS, PACKAGE_ROOT } from '../scripts/binding-sets.mjs';
import { listFiles } from '../scripts/generate-bindings.mjs';
import { runCommand } from '../scripts/run-command.mjs';

const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
let work;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hikube-cdktf-packages-'));
  await runCommand(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'build.mjs')]);
  await runCommand(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'package.mjs'), '--outdir', join(work, 'dist')]);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const withExtension = async (dir, extension) => (await listFiles(dir)).filter((file) => file.endsWith(extension)).map((file) => join(dir, file));

describe.each(BINDING_SETS)('$name binding set', (set) => {
  const out = (language) => join(work, 'dist', set.name, language);

  it('has a jsii assembly with the four language targets and the resource construct', async () => {
    const assembly = JSON.parse(await readFile(join(set.root, '.jsii'), 'utf8'));
    const manifest = JSON.parse(await readFile(join(set.root, 'package.json'), 'utf8'));
    expect(assembly.name).toBe(manifest.name);
    expect(Object.keys(assembly.targets).sort()).toEqual(['dotnet', 'go', 'java', 'js', 'python']);
    expect(Object.keys(assembly.dependencies ?? {}).sort()).toEqual([set.name, 'constructs']);
    const cluster = assembly.types[`${manifest.name}.postgresCluster.PostgresCluster`];
    expect(cluster?.base).toBe(`${set.name}.TerraformResource`);
  });

  it('has an npm tarball with the compiled JavaScript, the types and the assembly', async () => {
    const [tarball] = await withExtension(out('js'), '.tgz');
    expect(tarball).toBeDefined();
    const { stdout } = await runCommand('tar', ['-tzf', tarball]);
    expect(stdout.split('\n')).toEqual(expect.arrayContaining(['package/.jsii', 'package/lib/index.js', 'package/lib/index.d.ts', 'package/README.md']));
  });

  it('has Python that python3 compiles', async () => {
    const files = await withExtension(out('python'), '.py');
    expect(files.length).toBeGreaterThan(0);
    await runCommand('python3', ['-m', 'py_compile', ...files]);
  });

  it('has Go that gofmt accepts as written (`gofmt -l -e` lists nothing)', async () => {
    expect((await withExtension(out('go'), '.go')).length).toBeGreaterThan(0);
    const { stdout, stderr } = await runCommand('gofmt', ['-l', '-e', out('go')]);
    expect({ stdout, stderr }).toEqual({ stdout: '', stderr: '' });
  });

  it("has Java that the JDK's compiler parses without syntax errors", async () => {
    const { stdout } = await runCommand('java', [join(PACKAGE_ROOT, 'test', 'java-parse-check.java'), out('java')]);
    expect(stdout).toMatch(/^\d+ files parsed, 0 syntax errors/);
  });

  it('has a C# project with the construct classes', async () => {
    const files = (await readdir(out('dotnet'), { recursive: true })).map(String);
    expect(files.some((file) => file.endsWith('.csproj'))).toBe(true);
    expect(files.some((file) => file.endsWith('PostgresCluster.cs'))).toBe(true);
  });
});

// A compact production-like stack written once against either core library and its bindings.
function synthesize(core, bindings, outdir) {
  const app = new core.App({ outdir });
  const stack = new core.TerraformStack(app, 'production');
  new bindings.provider.HikubeProvider(stack, 'hikube', { namespace: 'tenant-demo' });
  const cluster = new bindings.postgresCluster.PostgresCluster(stack, 'orders', {
    name: 'orders',
    replicas: 3,
    syncMode: 'quorum',
    minSyncReplicas: 1,
    maxSyncReplicas: 1,
    zones: ['gland', 'lucerne', 'geneva'],
    users: { app: {}, reporting: {} },
    databases: { orders: { admin: ['app'], readonly: ['reporting'] } },
  });
  new core.TerraformOutput(stack, 'rw_host', { value: cluster.endpoints.rw.host });
  // `.get(key)` on a map of objects writes the key unquoted (`[app]`); lookupNested quotes nothing
  // and reads `connection_uris.app.rw`, which Terraform accepts.
  new core.TerraformOutput(stack, 'app_uri', { value: core.Fn.lookupNested(cluster.connectionUris, ['app', 'rw']), sensitive: true });
  app.synth();
  return join(outdir, 'stacks', 'production', 'cdk.tf.json');
}

describe('synthesis', () => {
  const stacks = {};

  it.each(BINDING_SETS)('$name bindings synthesize a stack with their own core library', async (set) => {
    const bindings = require(set.root);
    const file = synthesize(require(set.name), bindings, join(work, `synth-${set.name}`));
    const { '//': _metadata, ...stack } = JSON.parse(await readFile(file, 'utf8'));
    stacks[set.name] = stack;
    expect(stack.terraform.required_providers).toEqual({ hikube: { source: 'registry.terraform.io/hikube/hikube' } });
    expect(stack.resource.hikube_postgres_cluster.orders).toMatchObject({
      name: 'orders',
      replicas: 3,
      sync_mode: 'quorum',
      min_sync_replicas: 1,
      zones: ['gland', 'lucerne', 'geneva'],
      databases: { orders: { admin: ['app'], readonly: ['reporting'] } },
    });
    expect(stack.output).toEqual({
      rw_host: { value: '${hikube_postgres_cluster.orders.endpoints.rw.host}' },
      app_uri: { value: '${hikube_postgres_cluster.orders.connection_uris.app.rw}', sensitive: true },
    });
  });

  it('both sets produce the same Terraform JSON', () => {
    expect(stacks.cdktn).toEqual(stacks.cdktf);
  });

  // Why there are two sets: cdktn 0.24 stacks call element methods that cdktf 0.21 classes lack.
  // When this starts passing through, one set may serve both cores; revisit the README.
  it('cdktf bindings cannot be used in a cdktn stack', () => {
    const cdktfBindings = require(PACKAGE_ROOT);
    expect(() => synthesize(require('cdktn'), cdktfBindings, join(work, 'synth-mixed'))).toThrow(/_resetResolveDiscoveredProviderFeatureUsage/);
  });
});

describe('the npm tarballs, installed offline into an empty CommonJS project', () => {
  const repositoryRoot = join(PACKAGE_ROOT, '..', '..');
  let project;

  beforeAll(async () => {
    project = join(work, 'consumer');
    await mkdir(project);
    const packed = [];
    for (const set of BINDING_SETS) {
      const [tarball] = await withExtension(join(work, 'dist', set.name, 'js'), '.tgz');
      const manifest = JSON.parse((await runCommand('tar', ['-xOzf', tarball, 'package/package.json'])).stdout);
      const file = basename(tarball);
      await copyFile(tarball, join(project, file));
      const integrity = `sha512-${createHash('sha512')
        .update(await readFile(tarball))
        .digest('base64')}`;
      packed.push({
        name: manifest.name,
        version: manifest.version,
        file,
        integrity,
        dependencies: manifest.dependencies ?? {},
        peerDependencies: manifest.peerDependencies ?? {},
      });
    }
    // The peers (cdktf, cdktn, constructs) come at the repository's versions, from npm's cache.
    const lock = JSON.parse(await readFile(join(repositoryRoot, 'package-lock.json'), 'utf8'));
    const consumer = consumerProject(lock, packed, ['@types/node']);
    await writeFile(join(project, 'package.json'), `${JSON.stringify({ ...consumer.manifest, type: 'commonjs' }, null, 2)}\n`);
    await writeFile(join(project, 'package-lock.json'), `${JSON.stringify(consumer.lock, null, 2)}\n`);
    await runCommand('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project });
    await copyFile(join(PACKAGE_ROOT, 'test', 'consumer', 'bindings-consumer.ts'), join(project, 'bindings-consumer.ts'));
    const tsconfig = {
      compilerOptions: { target: 'es2022', module: 'commonjs', moduleResolution: 'node10', strict: true, types: ['node'], outDir: 'out', skipLibCheck: false },
      files: ['bindings-consumer.ts'],
    };
    await writeFile(join(project, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  });

  it('type-checks a consumer of both sets with tsc (strict, no skipLibCheck), and its synthesis holds the cluster', async () => {
    await runCommand(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project });
    await mkdir(join(project, 'synth'));
    await runCommand(process.execPath, [join('out', 'bindings-consumer.js'), join(project, 'synth')], { cwd: project });
    for (const set of BINDING_SETS) {
      const synthesized = JSON.parse(await readFile(join(project, 'synth', set.name, 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
      expect(Object.values(synthesized.resource.hikube_postgres_cluster)).toEqual([
        expect.objectContaining({ name: 'orders', replicas: 3, sync_mode: 'quorum', min_sync_replicas: 1, max_sync_replicas: 1 }),
      ]);
    }
  });
});
