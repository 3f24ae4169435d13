// Files in the data directory created at first start and reused afterwards: the CA and server
// certificate, the tokens (mode 0600), and the running server's address.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function writePrivate(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

const newToken = (): string => randomBytes(32).toString('base64url');

export function loadOrCreatePki(dataDir: string): LocalPki {
  const dir = join(dataDir, 'pki');
  const files = { caCert: join(dir, 'ca.crt'), caKey: join(dir, 'ca.key'), cert: join(dir, 'server.crt'), key: join(dir, 'server.key') };
  if (Object.values(files).every((f) => existsSync(f))) {
    return {
      ca: { certPem: readFileSync(files.caCert, 'utf8'), keyPem: readFileSync(files.caKey, 'utf8') },
      server: { certPem: readFileSync(files.cert, 'utf8'), keyPem: readFileSync(files.key, 'utf8') },
    };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pki = createLocalPki();
  writeFileSync(files.caCert, pki.ca.certPem);
  writePrivate(files.caKey, pki.ca.keyPem);
  writeFileSync(files.cert, pki.server.certPem);
  writePrivate(files.key, pki.server.keyPem);
  return pki;
}

/** Tokens for the admin and each tenant; tenants listed in `tenants` are added when missing. */
export function loadOrCreateTokens(dataDir: string, tenants: string[]): Tokens {
  const path = join(dataDir, 'tokens.json');
  const tokens: Tokens = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Tokens) : { admin: newToken(), tenants: {} };
  let changed = !existsSync(path);
  for (const t of tenants) {
    if (!tokens.tenants[t]) {
      tokens.tenants[t] = newToken();
      changed = true;
    }
  }
  if (changed) writePrivate(path, JSON.stringify(tokens, null, 2) + '\n');
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

export class DataDirLockedError extends Error {
  readonly code = 'HIKUBE_LOCAL_DATA_DIR_LOCKED';
  constructor(dataDir: string, pid: number) {
    super(`the data directory ${dataDir} is in use by another Hikube Local (pid ${pid}); stop it ("hikube-local stop --data-dir ${dataDir}") or use another --data-dir`);
    this.name = 'DataDirLockedError';
  }
}

/** One server per data directory: two writers would interleave the store's log. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'lock');
  if (lockedHere.has(dataDir)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
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
  writePrivate(infoPath(dataDir), JSON.stringify(info) + '\n');
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
