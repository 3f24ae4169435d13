import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { parseApiKey } from './api-key.js';
import { ProjectKeys } from './project-keys.js';

let dir: string;
let out: string;
let err: string;
const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s) };
const keys = (...args: string[]): Promise<number> => runCli(['keys', ...args, '--data-dir', dir], io);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-keys-cli-'));
  out = '';
  err = '';
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hikube-local keys', () => {
  it('create prints the key once; list shows it; revoke makes the next check refuse it', async () => {
    const project = ProjectKeys.open(dir).ensureProject('tenant-demo');
    expect(await keys('create', '--scope', 'write', '--valid', '7d')).toBe(0);
    const text = out.trim();
    expect(text).toMatch(/^sk_hk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(err).not.toContain(parseApiKey(text)?.secret ?? text);
    const keyId = text.slice('sk_hk_'.length, 'sk_hk_'.length + 32);
    expect(ProjectKeys.open(dir).authorize(text, project.id, 'read').ok).toBe(true);

    out = '';
    expect(await keys('list')).toBe(0);
    expect(out).toMatch(new RegExp(`^${keyId} write +\\S+Z +\\S+ +no$`, 'm'));
    expect(out).not.toContain(parseApiKey(text)?.secret ?? text);

    expect(await keys('revoke', keyId)).toBe(0);
    const again = ProjectKeys.open(dir).authorize(text, project.id, 'read');
    expect(again.ok ? 'ok' : again.refusal).toBe('revoked');
  });

  const refusals: { name: string; args: string[]; code: number; message: RegExp }[] = [
    { name: 'no scope', args: ['create'], code: 2, message: /needs --scope/ },
    { name: 'an unknown scope', args: ['create', '--scope', 'owner'], code: 2, message: /scope "owner"/ },
    { name: 'an unknown validity', args: ['create', '--scope', 'read', '--valid', '2d'], code: 2, message: /validity "2d"/ },
    { name: 'an unknown project', args: ['create', '--scope', 'read', '--project', 'nope'], code: 2, message: /no project nope/ },
    { name: 'revoke without an id', args: ['revoke'], code: 2, message: /needs the key id/ },
    { name: 'revoke of an unknown key', args: ['revoke', 'f'.repeat(32)], code: 1, message: /no key f{32}/ },
  ];
  for (const { name, args, code, message } of refusals) {
    it(`${name}: exit ${code}, a message naming it, no key stored`, async () => {
      ProjectKeys.open(dir).ensureProject('tenant-demo');
      expect(await keys(...args)).toBe(code);
      expect(err).toMatch(message);
      expect(ProjectKeys.open(dir).list()).toEqual([]);
    });
  }

  it('projects lists each project with its namespace', async () => {
    const project = ProjectKeys.open(dir).ensureProject('tenant-demo');
    expect(await keys('projects')).toBe(0);
    expect(out).toContain(`${project.id} tenant-demo\n`);
  });

  it('says to start first when the data directory has no project', async () => {
    expect(await keys('list')).toBe(1);
    expect(err).toMatch(/run "hikube-local start" once first/);
  });
});
