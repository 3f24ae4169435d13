// Where the engine keeps its clusters and templates, and how that place is given back.

import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeTraversalOnlyDir, shareTraversalWith, type RunAs } from './run-as.js';
import { runCommand } from './run-command.js';

/**
 * Instances live under the data directory when the PostgreSQL user can reach it. When we run
 * as root and the data directory sits behind a private (0700) parent, they go to a directory
 * under the system temp dir keyed by the data directory instead. Either way the directories on
 * the path let the PostgreSQL user's group through and nobody else in.
 */
export async function chooseEngineRoot(dataDir: string, runAs: RunAs | undefined): Promise<string> {
  const preferred = join(dataDir, 'engine');
  await mkdir(preferred, { recursive: true, mode: 0o700 });
  if (!runAs) {
    await chmod(preferred, 0o700);
    return preferred;
  }
  await shareTraversalWith(dataDir, runAs);
  await shareTraversalWith(preferred, runAs);
  const reachable = await runCommand('test', ['-x', preferred], { runAs }).then(
    () => true,
    () => false,
  );
  if (reachable) return preferred;
  const shared = join(tmpdir(), 'hikube-local-engine');
  const fallback = join(shared, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  await makeTraversalOnlyDir(shared, runAs);
  await makeTraversalOnlyDir(fallback, runAs);
  return fallback;
}

/**
 * A root in the temp dir (see chooseEngineRoot) that holds no cluster any more is removed at stop,
 * with its template cache: removing the data directory must not leave anything behind there.
 */
export async function releaseFallbackRoot(dataDir: string | undefined, root: string): Promise<void> {
  if (!dataDir || root === '' || root === join(dataDir, 'engine')) return;
  const clusters = await readdir(join(root, 'clusters')).catch(() => []);
  if (clusters.length > 0) return;
  await rm(root, { recursive: true, force: true });
  // the shared parent goes too once no other data directory uses it (rmdir refuses otherwise)
  await rmdir(dirname(root)).catch(() => undefined);
}
