// Projects (a UUID over a tenant namespace) and their API keys, kept in one owner-only file of the
// data directory. The file holds key ids, scopes, times and secret hashes, never a secret.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { narrowToPrivate, writePrivateFileSync } from '../files/private-files.js';
import { expiryOf, hashSecret, isScope, isValidity, newApiKey, parseApiKey, scopeAllows, secretMatches, type Scope, type Validity } from './api-key.js';

export interface Project {
  id: string;
  namespace: string;
}

export interface KeyRecord {
  keyId: string;
  projectId: string;
  scope: Scope;
  secretHash: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/** A key as `keys list` shows it. */
export type KeySummary = Pick<KeyRecord, 'keyId' | 'projectId' | 'scope' | 'expiresAt' | 'createdAt'> & { lastUsedAt?: string; revoked: boolean };

/** Last use of each key, by key id. Its own file, written only by the server, so that recording a
 * use never rewrites `projects.json` over a revocation another process has just written. */
type KeyUsage = Record<string, string>;

interface ProjectsFile {
  projects: Project[];
  keys: KeyRecord[];
}

/** Why a key was refused; the API answers every one of them with the same 403. */
export type Refusal = 'malformed' | 'unknown' | 'revoked' | 'expired' | 'other-project' | 'scope';

export type Authorization = { ok: true; key: KeyRecord; project: Project } | { ok: false; refusal: Refusal };

/** Times to the minute, as Hikube lists `lastUsedAt`. */
function toMinute(at: Date): string {
  return at.toISOString().replace(/:\d{2}\.\d{3}Z$/, ':00Z');
}

export class ProjectKeys {
  readonly #path: string;
  readonly #usagePath: string;
  readonly #now: () => Date;
  #data: ProjectsFile;

  private constructor(path: string, now: () => Date) {
    this.#path = path;
    this.#usagePath = join(dirname(path), 'key-usage.json');
    this.#now = now;
    this.#data = { projects: [], keys: [] };
    this.#reload();
  }

  /** The projects file of `dataDir` (`projects.json`), created empty when missing. */
  static open(dataDir: string, now: () => Date = () => new Date()): ProjectKeys {
    const path = join(dataDir, 'projects.json');
    narrowToPrivate(path);
    narrowToPrivate(join(dataDir, 'key-usage.json'));
    return new ProjectKeys(path, now);
  }

  /**
   * Rereads the file, which another process (`hikube-local keys ...`) may have changed: a revoked
   * key must be refused from the next request. The file is small; a modification time could miss
   * two writes within its resolution.
   */
  #reload(): void {
    if (existsSync(this.#path)) this.#data = JSON.parse(readFileSync(this.#path, 'utf8')) as ProjectsFile;
  }

  get projects(): readonly Project[] {
    this.#reload();
    return this.#data.projects;
  }

  /** The project over `namespace`, created (with a new UUID) the first time. */
  ensureProject(namespace: string): Project {
    this.#reload();
    const found = this.#data.projects.find((p) => p.namespace === namespace);
    if (found) return found;
    const project = { id: randomUUID(), namespace };
    this.#data.projects.push(project);
    this.#save();
    return project;
  }

  project(id: string): Project | undefined {
    this.#reload();
    return this.#data.projects.find((p) => p.id === id);
  }

  /** A new key; its text (with the secret) is returned here and nowhere else. */
  createKey(projectId: string, scope: string, validity: string = '90d'): { text: string; key: KeySummary } {
    if (!this.project(projectId)) throw new Error(`no project ${projectId}: use one of ${this.#data.projects.map((p) => p.id).join(', ') || 'none'}`);
    if (!isScope(scope)) throw new Error(`scope "${scope}" is not one of read, write, admin, superadmin`);
    if (!isValidity(validity)) throw new Error(`validity "${validity}" is not one of 1d, 7d, 30d, 90d, 180d, 365d`);
    const { keyId, secret, text } = newApiKey();
    const now = this.#now();
    const record: KeyRecord = {
      keyId,
      projectId,
      scope,
      secretHash: hashSecret(secret),
      createdAt: now.toISOString(),
      expiresAt: expiryOf(now, validity as Validity).toISOString(),
    };
    this.#data.keys.push(record);
    this.#save();
    return { text, key: summary(record, undefined) };
  }

  list(projectId?: string): KeySummary[] {
    this.#reload();
    const usage = this.#usage();
    return this.#data.keys.filter((k) => projectId === undefined || k.projectId === projectId).map((k) => summary(k, usage[k.keyId]));
  }

  /** Revokes a key; the next request that presents it is refused. False when there is no such key. */
  revoke(keyId: string): boolean {
    this.#reload();
    const record = this.#data.keys.find((k) => k.keyId === keyId);
    if (!record) return false;
    record.revokedAt ??= this.#now().toISOString();
    this.#save();
    return true;
  }

  /** Whether `keyText` may act on `projectId` with `scope`; on success its last use is recorded. */
  authorize(keyText: string, projectId: string | undefined, scope: Scope): Authorization {
    const parts = parseApiKey(keyText);
    if (!parts) return { ok: false, refusal: 'malformed' };
    this.#reload();
    const record = this.#data.keys.find((k) => k.keyId === parts.keyId);
    // The secret is compared even for an unknown id, so the answer takes as long either way.
    const matches = secretMatches(parts.secret, record?.secretHash ?? hashSecret(''));
    if (!record || !matches) return { ok: false, refusal: 'unknown' };
    const now = this.#now();
    if (record.revokedAt !== undefined) return { ok: false, refusal: 'revoked' };
    if (Date.parse(record.expiresAt) <= now.getTime()) return { ok: false, refusal: 'expired' };
    const project = this.#data.projects.find((p) => p.id === record.projectId);
    if (!project || (projectId !== undefined && projectId !== record.projectId)) return { ok: false, refusal: 'other-project' };
    if (!scopeAllows(record.scope, scope)) return { ok: false, refusal: 'scope' };
    const minute = toMinute(now);
    const usage = this.#usage();
    if (usage[record.keyId] !== minute) writePrivateFileSync(this.#usagePath, JSON.stringify({ ...usage, [record.keyId]: minute }, null, 2) + '\n');
    return { ok: true, key: record, project };
  }

  #usage(): KeyUsage {
    return existsSync(this.#usagePath) ? (JSON.parse(readFileSync(this.#usagePath, 'utf8')) as KeyUsage) : {};
  }

  #save(): void {
    writePrivateFileSync(this.#path, JSON.stringify(this.#data, null, 2) + '\n');
  }
}

function summary(record: KeyRecord, lastUsedAt: string | undefined): KeySummary {
  return {
    keyId: record.keyId,
    projectId: record.projectId,
    scope: record.scope,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    revoked: record.revokedAt !== undefined,
  };
}
