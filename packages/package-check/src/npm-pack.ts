// `npm pack` of a workspace package: the tarball npm would publish, and the files in it.
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PackedTarball {
  readonly name: string;
  readonly version: string;
  readonly file: string;
  readonly integrity: string;
  readonly files: readonly string[];
  readonly manifest: Record<string, unknown>;
}

/** Packs `workspace` (its name) of the repository at `root` into `destination`. */
export async function packWorkspace(root: string, workspace: string, destination: string): Promise<PackedTarball> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination, '-w', workspace], { cwd: root, maxBuffer: 64 << 20 });
  // npm prints lifecycle script output before the JSON when a package has a prepack script.
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    name: string;
    version: string;
    filename: string;
    integrity: string;
    files: { path: string }[];
  }[];
  if (!packed) throw new Error(`npm pack -w ${workspace} printed no tarball`);
  const { stdout: manifest } = await run('tar', ['-xOzf', `${destination}/${packed.filename}`, 'package/package.json']);
  return {
    name: packed.name,
    version: packed.version,
    file: packed.filename,
    integrity: packed.integrity,
    files: packed.files.map((f) => f.path),
    manifest: JSON.parse(manifest) as Record<string, unknown>,
  };
}

/** Every file of the tarball with its text, read from one extraction into `scratch`. */
export async function tarballContents(tarball: string, files: readonly string[], scratch: string): Promise<Map<string, string>> {
  await mkdir(scratch, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', scratch]);
  const contents = new Map<string, string>();
  for (const file of files) contents.set(file, await readFile(join(scratch, 'package', file), 'utf8'));
  return contents;
}
