// Files in the data directory created at first start and reused afterwards: the CA and server
// certificate, the tokens, and the running server's address. Every one is owner-only (0600 in
// 0700 directories), and files left wider by an earlier version are narrowed at start.

import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, lstatSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, narrowToPrivate, openPrivateSync, writePrivateFileSync } from '../files/private-files.js';
import { createLocalPki, type LocalPki } from '../tls/certificates.js';

export const DEFAULT_TENANT = 'tenant-demo';

export interface Tokens {
  admin: string;
  tenants: Record<string, string>;
}

export interface ServerInfo {
  pid: number;
  url: string;
  port: number;
  driver: string;
  /** The `start --detach` supervisor that restarts this server when it dies. */
  supervisorPid?: number;
}

const newToken = (): string => randomBytes(32).toString('base64url');

class DataDirNotOursError extends Error {
  readonly code = 'HIKUBE_LOCAL_DATA_DIR_NOT_OURS';
  constructor(dataDir: string, why: string) {
    super(`the data directory ${dataDir} ${why}: its owner could read every password stored in it; remove it or use another --data-dir`);
    this.name = 'DataDirNotOursError';
  }
}

/**
 * The default data directory sits in the shared temp dir: one planted there by another user (or a
 * link they planted) would stay theirs to open whatever modes we set, so it is refused.
 */
function refuseForeignDataDir(dataDir: string): void {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  const link = lstatSync(dataDir);
  const target = statSync(dataDir);
  if (!target.isDirectory()) throw new DataDirNotOursError(dataDir, 'is not a directory');
  if (link.uid !== uid) throw new DataDirNotOursError(dataDir, `is ${link.isSymbolicLink() ? 'a link ' : ''}owned by uid ${link.uid}, not by us (uid ${uid})`);
  if (target.uid !== uid) throw new DataDirNotOursError(dataDir, `leads to a directory owned by uid ${target.uid}, not by us (uid ${uid})`);
}

/**
 * Creates the data directory owner-only, or narrows an existing one to 0700. A directory already
 * shared traverse-only (0710) with another group keeps that: it is the engine driver's PostgreSQL
 * user reaching its instances (see engine-reconciler.ts), and running instances must not lose it.
 */
export function ensurePrivateDataDir(dataDir: string): void {
  const before = existsSync(dataDir) ? statSync(dataDir) : undefined;
  if (before) refuseForeignDataDir(dataDir);
  const sharedForTraversal = before !== undefined && (before.mode & 0o777) === 0o710 && before.gid !== process.getgid?.();
  if (!sharedForTraversal) ensurePrivateDir(dataDir);
}

export function loadOrCreatePki(dataDir: string): LocalPki {
  const dir = join(dataDir, 'pki');
  const files = { caCert: join(dir, 'ca.crt'), caKey: join(dir, 'ca.key'), cert: join(dir, 'server.crt'), key: join(dir, 'server.key') };
  ensurePrivateDir(dir);
  for (const f of Object.values(files)) narrowToPrivate(f);
  if (Object.values(files).every((f) => existsSync(f))) {
    return {
      ca: { certPem: readFileSync(files.caCert, 'utf8'), keyPem: readFileSync(files.caKey, 'utf8') },
      server: { certPem: readFileSync(files.cert, 'utf8'), keyPem: readFileSync(files.key, 'utf8') },
    };
  }
  const pki = createLocalPki();
  writePrivateFileSync(files.caCert, pki.ca.certPem);
  writePrivateFileSync(files.caKey, pki.ca.keyPem);
  writePrivateFileSync(files.cert, pki.server.certPem);
  writePrivateFileSync(files.key, pki.server.keyPem);
  return pki;
}

/** Tokens for the admin and each tenant; tenants listed in `tenants` are added when missing. */
export function loadOrCreateTokens(dataDir: string, tenants: string[]): Tokens {
  const path = join(dataDir, 'tokens.json');
  narrowToPrivate(path);
  const tokens: Tokens = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Tokens) : { admin: newToken(), tenants: {} };
  let changed = !existsSync(path);
  for (const t of tenants) {
    if (!tokens.tenants[t]) {
      tokens.tenants[t] = newToken();
      changed = true;
    }
  }
  if (changed) writePrivateFileSync(path, JSON.stringify(tokens, null, 2) + '\n');
  return tokens;
}

export function readTokens(dataDir: string): Tokens | undefined {
  const path = join(dataDir, 'tokens.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Tokens) : undefined;
}

const lockedHere = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

class DataDirLockedError extends Error {
  readonly code = 'HIKUBE_LOCAL_DATA_DIR_LOCKED';
  constructor(dataDir: string, pid: number) {
    super(
      `the data directory ${dataDir} is in use by another Hikube Local (pid ${pid}); stop it ` +
        `("hikube-local stop --data-dir ${dataDir}") or use another --data-dir`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Creates the lock file holding our pid; EEXIST when another process holds it. */
function writeLockFile(path: string): void {
  const fd = openPrivateSync(path, 'wx');
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
}

/** One server per data directory: two writers would interleave the store's log. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'lock');
  if (lockedHere.has(dataDir)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeLockFile(path);
      lockedHere.add(dataDir);
      return () => {
        lockedHere.delete(dataDir);
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && pidAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      rmSync(path, { force: true }); // stale: its process is gone (e.g. after kill -9)
    }
  }
  throw new DataDirLockedError(dataDir, Number(readFileSync(path, 'utf8')));
}

const infoPath = (dataDir: string): string => join(dataDir, 'server.json');

export function writeServerInfo(dataDir: string, info: ServerInfo): void {
  writePrivateFileSync(infoPath(dataDir), JSON.stringify(info) + '\n');
}

export function readServerInfo(dataDir: string): ServerInfo | undefined {
  try {
    return JSON.parse(readFileSync(infoPath(dataDir), 'utf8')) as ServerInfo;
  } catch {
    return undefined;
  }
}

export function removeServerInfo(dataDir: string, pid: number): void {
  if (readServerInfo(dataDir)?.pid === pid) rmSync(infoPath(dataDir), { force: true });
}
