// The server certificate and key PostgreSQL serves TLS with. They live in a directory of the
// cluster (not in a data directory, which pg_basebackup and pg_rewind copy between instances), so
// every instance of the cluster reads the same pair and a failover changes nothing for clients.

import { existsSync } from 'node:fs';
import { chown, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeOwnedDir, type RunAs } from './run-as.js';

/** Where an instance finds its certificate and key. */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

export function tlsFilesIn(dir: string): TlsFiles {
  return { certFile: join(dir, 'server.crt'), keyFile: join(dir, 'server.key') };
}

/** The certificate in `files`, or undefined when there is none yet. */
export async function readTlsCertificate(files: TlsFiles): Promise<string | undefined> {
  return readFile(files.certFile, 'utf8').catch(() => undefined);
}

/** True when both files exist: an instance serves TLS only then. */
export function tlsFilesPresent(files: TlsFiles | undefined): files is TlsFiles {
  return files !== undefined && existsSync(files.certFile) && existsSync(files.keyFile);
}

/**
 * Writes the pair 0600, owned by the PostgreSQL user (PostgreSQL refuses a key others can read),
 * in a 0700 directory of its own. Each file is replaced by a rename, so a reload never reads half.
 */
export async function writeTlsFiles(files: TlsFiles, pair: { certPem: string; keyPem: string }, runAs: RunAs | undefined): Promise<void> {
  await makeOwnedDir(join(files.certFile, '..'), runAs, 0o700);
  for (const [file, text] of [
    [files.keyFile, pair.keyPem],
    [files.certFile, pair.certPem],
  ] as const) {
    const tmp = `${file}.tmp`;
    await writeFile(tmp, text, { mode: 0o600 });
    if (runAs) await chown(tmp, runAs.uid, runAs.gid);
    await rename(tmp, file);
  }
}

/** The server settings that turn TLS on with `files` (command-line arguments of postgres). */
export function tlsSettings(files: TlsFiles): string[] {
  return ['-c', 'ssl=on', '-c', `ssl_cert_file=${files.certFile}`, '-c', `ssl_key_file=${files.keyFile}`];
}
