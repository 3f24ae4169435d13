// The npm packages as a consumer gets them: each tarball holds what its entry points reach and
// nothing else, and installs offline into an empty project whose consumer files type-check with
// tsc and run.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, type RepositoryLock } from './consumer-lock.js';
import { packWorkspace, tarballContents, type PackedTarball } from './npm-pack.js';
import { ALWAYS_SHIPPED, entryPoints, reachableFiles } from './reachable-files.js';
import { testArtifacts } from './test-artifacts.js';

const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const consumersDir = fileURLToPath(new URL('../consumers/', import.meta.url));
const tsc = createRequire(join(repositoryRoot, 'package.json')).resolve('typescript/bin/tsc');
const PUBLISHED = ['@hikube/binary-writers', '@hikube/sdk', '@hikube/local', '@hikube/tfplugin'];

let work: string;
const packed = new Map<string, PackedTarball>();

beforeAll(async () => {
  work = join(process.env['TMPDIR'] ?? '/tmp', 'consumer');
  await mkdir(work, { recursive: true });
  for (const name of PUBLISHED) packed.set(name, await packWorkspace(repositoryRoot, name, work));
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(PUBLISHED)('the %s tarball', (name) => {
  it('holds no test, benchmark or fixture, by name (the published build leaves them out of dist/)', () => {
    expect(testArtifacts((packed.get(name) as PackedTarball).files)).toEqual([]);
  });

  it('holds only what its entry points reach (no tests, benchmarks, fixtures or source maps)', async () => {
    const tarball = packed.get(name) as PackedTarball;
    const contents = await tarballContents(join(work, tarball.file), tarball.files, join(work, `x-${tarball.file}`));
    const roots = entryPoints(tarball.manifest);
    const reached = reachableFiles(roots, contents);
    const unneeded = tarball.files.filter((file) => !reached.has(file) && !ALWAYS_SHIPPED.test(file));
    expect(unneeded).toEqual([]);
    // And every entry point is in it.
    expect(roots.filter((root) => !contents.has(root))).toEqual([]);
  });
});

describe('an empty project that installs the tarballs offline', () => {
  let project: string;

  beforeAll(async () => {
    project = join(work, 'project');
    await mkdir(project, { recursive: true });
    const lock = JSON.parse(await readFile(join(repositoryRoot, 'package-lock.json'), 'utf8')) as RepositoryLock;
    const tarballs = [...packed.values()].map((p) => ({
      name: p.name,
      version: p.version,
      file: p.file,
      integrity: p.integrity,
      dependencies: (p.manifest['dependencies'] ?? {}) as Record<string, string>,
      peerDependencies: (p.manifest['peerDependencies'] ?? {}) as Record<string, string>,
      peerDependenciesMeta: (p.manifest['peerDependenciesMeta'] ?? {}) as Record<string, { optional?: boolean }>,
    }));
    for (const p of tarballs) await copyFile(join(work, p.file), join(project, p.file));
    const { manifest, lock: consumerLock } = consumerProject(lock, tarballs, ['@types/node']);
    await writeFile(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(join(project, 'package-lock.json'), `${JSON.stringify(consumerLock, null, 2)}\n`);
    // --offline: every package comes from npm's cache, by the integrity the repository recorded.
    await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, maxBuffer: 16 << 20 });
    for (const file of ['sdk-consumer.ts', 'local-consumer.ts']) await copyFile(join(consumersDir, file), join(project, file));
    const tsconfig = {
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        types: ['node'],
        outDir: 'out',
        skipLibCheck: false,
      },
      files: ['sdk-consumer.ts', 'local-consumer.ts'],
    };
    await writeFile(join(project, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  }, 300_000);

  it('type-checks the consumer files against the installed declarations (tsc, strict, no skipLibCheck)', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project }).then(
      () => 'ok',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('ok');
  }, 120_000);

  it('runs the SDK consumer (ESM): the validation names the fields, a malformed key is refused before any request, the public document is there', async () => {
    const { stdout } = await run(process.execPath, ['out/sdk-consumer.js'], { cwd: project });
    const seen = JSON.parse(stdout) as { issuePaths: string[]; keyError: string; publicOperations: number };
    expect(seen.issuePaths).toEqual(expect.arrayContaining(['metadata.name', 'spec.replicas']));
    expect(seen.keyError).toMatch(/key/i);
    expect(seen.keyError).not.toContain('not-a-key');
    expect(seen.publicOperations).toBeGreaterThan(5);
  }, 60_000);

  it('runs Hikube Local from its package and drives it with the SDK through both APIs', async () => {
    const { stdout } = await run(process.execPath, ['out/local-consumer.js', join(work, 'local-data')], { cwd: project, timeout: 120_000 });
    expect(JSON.parse(stdout)).toEqual({ ready: 'consumer', publicNames: ['consumer'], presets: expect.any(Number), modelNodes: [true] });
  }, 150_000);
});
