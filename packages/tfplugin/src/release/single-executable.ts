// Builds a Node.js single executable application: the target platform's Node executable with a
// provider bundle injected as its main script, so users need no Node.js installed. The
// preparation blob is made by this Node (its version must equal the target executable's: the
// blob format is tied to it) and injected with postject.
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ReleaseTarget } from './release-targets.js';

const run = promisify(execFile);

/** The fuse string Node's SEA support looks for; postject flips it once the blob is in. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export interface SingleExecutableOptions {
  /** The CommonJS main script (a self-contained bundle: only Node's built-in modules can be required). */
  readonly script: string;
  /** The target platform's Node executable, at this Node's version. */
  readonly nodeExecutable: string;
  readonly target: ReleaseTarget;
  readonly outFile: string;
  /** Scratch directory for the blob; removed afterwards. */
  readonly workDir: string;
  /**
   * Embed V8's code cache for the main script. Only valid when the target is this machine's
   * platform: a cache made here is rejected elsewhere (and wasted bytes).
   */
  readonly useCodeCache?: boolean;
}

export async function buildSingleExecutable(options: SingleExecutableOptions): Promise<{ outFile: string; bytes: number }> {
  await mkdir(options.workDir, { recursive: true });
  try {
    const main = join(options.workDir, 'main.cjs');
    const blob = join(options.workDir, 'sea.blob');
    const config = join(options.workDir, 'sea-config.json');
    // The main script of a SEA is compiled as CommonJS; a `#!` line is only for scripts run by path.
    await writeFile(main, options.script.replace(/^#![^\n]*\n/, ''));
    await writeFile(config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: options.useCodeCache === true }));
    await run(process.execPath, ['--experimental-sea-config', config], { cwd: options.workDir });

    await copyFile(options.nodeExecutable, options.outFile);
    await chmod(options.outFile, 0o755);
    const resign = options.target.os === 'darwin' && process.platform === 'darwin';
    if (resign) await run('codesign', ['--remove-signature', options.outFile]);
    const { inject } = await import('postject');
    await inject(options.outFile, 'NODE_SEA_BLOB', await readFile(blob), {
      sentinelFuse: SEA_FUSE,
      ...(options.target.os === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
    });
    // An ad-hoc signature: enough for macOS to run it; a Developer ID signature is the publisher's step.
    if (resign) await run('codesign', ['--sign', '-', options.outFile]);
    const bytes = (await readFile(options.outFile)).length;
    return { outFile: options.outFile, bytes };
  } finally {
    await rm(options.workDir, { recursive: true, force: true });
  }
}

/**
 * Why `target` cannot be built correctly on this machine, or undefined when it can. macOS runs
 * an injected executable only once it is signed again, and `codesign` exists only on macOS.
 */
export function unbuildableReason(target: ReleaseTarget, hostPlatform: NodeJS.Platform = process.platform): string | undefined {
  if (target.os === 'darwin' && hostPlatform !== 'darwin') {
    return (
      'macOS kills an executable whose signature no longer matches it, and injecting the provider ' +
      "changes Node's signed executable; re-signing needs `codesign`, which exists only on macOS: build " +
      'this target on a Mac'
    );
  }
  return undefined;
}
