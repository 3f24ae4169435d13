import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseApiKey } from './api-key.js';
import { ProjectKeys, type Refusal } from './project-keys.js';

let dir: string;
let now: Date;
const clock = (): Date => now;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-keys-'));
  now = new Date('2026-01-01T10:00:30Z');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ProjectKeys', () => {
  it('gives a namespace one project, a UUID, kept across reopenings', () => {
    const first = ProjectKeys.open(dir, clock).ensureProject('tenant-demo');
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ProjectKeys.open(dir, clock).ensureProject('tenant-demo')).toEqual(first);
    expect(ProjectKeys.open(dir, clock).ensureProject('tenant-other').id).not.toBe(first.id);
  });

  it('stores no secret in clear, in an owner-only file', () => {
    const keys = ProjectKeys.open(dir, clock);
    const project = keys.ensureProject('tenant-demo');
    const { text } = keys.createKey(project.id, 'admin');
    const file = join(dir, 'projects.json');
    const secret = parseApiKey(text)?.secret ?? text;
    expect(readFileSync(file, 'utf8')).not.toContain(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a bad scope or validity by name, and stores nothing', () => {
    const keys = ProjectKeys.open(dir, clock);
    const project = keys.ensureProject('tenant-demo');
    expect(() => keys.createKey(project.id, 'owner')).toThrow(/scope "owner"/);
    expect(() => keys.createKey(project.id, 'read', '2d')).toThrow(/validity "2d"/);
    expect(() => keys.createKey('nope', 'read')).toThrow(/no project nope/);
    expect(keys.list()).toEqual([]);
  });

  describe('authorize', () => {
    type Setup = (keys: ProjectKeys, ids: { demo: string; other: string }) => { key: string; project: string };
    const cases: { name: string; setup: Setup; scope?: 'read' | 'admin'; want: true | Refusal }[] = [
      { name: 'an admin key on its project', setup: (k, p) => ({ key: k.createKey(p.demo, 'admin').text, project: p.demo }), want: true },
      { name: 'a read key reading', setup: (k, p) => ({ key: k.createKey(p.demo, 'read').text, project: p.demo }), scope: 'read', want: true },
      { name: 'a read key writing', setup: (k, p) => ({ key: k.createKey(p.demo, 'read').text, project: p.demo }), want: 'scope' },
      { name: 'a key of another project', setup: (k, p) => ({ key: k.createKey(p.other, 'admin').text, project: p.demo }), want: 'other-project' },
      {
        name: 'a project that does not exist',
        setup: (k, p) => ({ key: k.createKey(p.demo, 'admin').text, project: '00000000-0000-4000-8000-000000000000' }),
        want: 'other-project',
      },
      { name: 'a malformed key', setup: (_k, p) => ({ key: 'sk_hk_nothex_secret', project: p.demo }), want: 'malformed' },
      { name: 'an unknown key', setup: (_k, p) => ({ key: `sk_hk_${'0'.repeat(32)}_${'A'.repeat(43)}`, project: p.demo }), want: 'unknown' },
      {
        name: 'a known id with a wrong secret',
        setup: (k, p) => ({ key: `${k.createKey(p.demo, 'admin').text.slice(0, 39)}${'B'.repeat(43)}`, project: p.demo }),
        want: 'unknown',
      },
      {
        name: 'a revoked key',
        setup: (k, p) => {
          const { text, key } = k.createKey(p.demo, 'admin');
          k.revoke(key.keyId);
          return { key: text, project: p.demo };
        },
        want: 'revoked',
      },
      {
        name: 'an expired key',
        setup: (k, p) => {
          const { text } = k.createKey(p.demo, 'admin', '1d');
          now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
          return { key: text, project: p.demo };
        },
        want: 'expired',
      },
    ];
    for (const { name, setup, scope, want } of cases) {
      it(name, () => {
        const keys = ProjectKeys.open(dir, clock);
        const ids = { demo: keys.ensureProject('tenant-demo').id, other: keys.ensureProject('tenant-other').id };
        const { key, project } = setup(keys, ids);
        const result = keys.authorize(key, project, scope ?? 'admin');
        expect(result.ok ? true : result.refusal).toBe(want);
      });
    }
  });

  it('lists keys with their scope, expiry and last use to the minute', () => {
    const keys = ProjectKeys.open(dir, clock);
    const project = keys.ensureProject('tenant-demo');
    const { text, key } = keys.createKey(project.id, 'read', '7d');
    expect(keys.authorize(text, project.id, 'read').ok).toBe(true);
    expect(keys.list(project.id)).toEqual([
      {
        keyId: key.keyId,
        projectId: project.id,
        scope: 'read',
        createdAt: '2026-01-01T10:00:30.000Z',
        expiresAt: '2026-01-08T10:00:30.000Z',
        lastUsedAt: '2026-01-01T10:00:00Z',
        revoked: false,
      },
    ]);
  });

  it('recording a use leaves projects.json as it was, so it cannot write over a revocation made meanwhile', () => {
    const keys = ProjectKeys.open(dir, clock);
    const project = keys.ensureProject('tenant-demo');
    const { text } = keys.createKey(project.id, 'read');
    const before = readFileSync(join(dir, 'projects.json'), 'utf8');
    expect(keys.authorize(text, project.id, 'read').ok).toBe(true);
    expect(readFileSync(join(dir, 'projects.json'), 'utf8')).toBe(before);
    expect(statSync(join(dir, 'key-usage.json')).mode & 0o777).toBe(0o600);
  });

  it('a key revoked through another handle on the same file is refused from the next request', () => {
    const server = ProjectKeys.open(dir, clock);
    const project = server.ensureProject('tenant-demo');
    const { text, key } = server.createKey(project.id, 'admin');
    expect(server.authorize(text, project.id, 'admin').ok).toBe(true);
    expect(ProjectKeys.open(dir, clock).revoke(key.keyId)).toBe(true);
    const result = server.authorize(text, project.id, 'admin');
    expect(result.ok ? 'ok' : result.refusal).toBe('revoked');
  });
});
