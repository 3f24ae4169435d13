import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHikubeEnv } from './hikube-env.js';
import { ProjectKeys } from './project-keys.js';
import { startProjects, type StartedProject } from './start-project.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-project-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const options = (apiUrl = 'https://127.0.0.1:6443', namespaces = ['tenant-demo']) => ({
  dataDir: dir,
  namespaces,
  apiUrl,
  caCertPath: join(dir, 'pki', 'ca.crt'),
});
const startProject = (keys: ProjectKeys, given: ReturnType<typeof options>): StartedProject => startProjects(keys, given)[0] as StartedProject;

describe('startProject', () => {
  it('writes an owner-only hikube.env with the API, an admin key, the project and the CA', () => {
    const keys = ProjectKeys.open(dir);
    const started = startProject(keys, options());
    expect(statSync(started.envPath).mode & 0o777).toBe(0o600);
    expect(readHikubeEnv(dir)).toEqual({
      HIKUBE_API: 'https://127.0.0.1:6443',
      HIKUBE_API_KEY: started.adminKey,
      HIKUBE_PROJECT_ID: started.project.id,
      HIKUBE_CA_CERT: join(dir, 'pki', 'ca.crt'),
      HIKUBE_API_READ_KEY: started.readKey,
      PROJECT_ID: started.project.id,
    });
    expect(readFileSync(started.envPath, 'utf8')).toMatch(/^export HIKUBE_API_KEY='sk_hk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}'$/m);
    expect(
      keys
        .list(started.project.id)
        .map((k) => k.scope)
        .sort(),
    ).toEqual(['admin', 'read']);
    const admin = keys.authorize(started.adminKey, started.project.id, 'admin');
    const read = keys.authorize(started.readKey, started.project.id, 'admin');
    expect([admin.ok, read.ok ? 'ok' : read.refusal]).toEqual([true, 'scope']);
  });

  it('a restart keeps the working keys and writes the new address', () => {
    const first = startProject(ProjectKeys.open(dir), options());
    const second = startProject(ProjectKeys.open(dir), options('https://127.0.0.1:7443'));
    expect([second.adminKey, second.readKey, second.project]).toEqual([first.adminKey, first.readKey, first.project]);
    expect(readHikubeEnv(dir)?.HIKUBE_API).toBe('https://127.0.0.1:7443');
    expect(ProjectKeys.open(dir).list()).toHaveLength(2);
  });

  it('a restart after the admin key was revoked makes a new one', () => {
    const first = startProject(ProjectKeys.open(dir), options());
    const keys = ProjectKeys.open(dir);
    const revoked = keys.list().find((k) => k.scope === 'admin');
    keys.revoke(revoked?.keyId ?? '');
    const second = startProject(ProjectKeys.open(dir), options());
    expect(second.adminKey).not.toBe(first.adminKey);
    expect(second.readKey).toBe(first.readKey);
    expect(ProjectKeys.open(dir).authorize(second.adminKey, second.project.id, 'admin').ok).toBe(true);
  });

  it('several projects: each its own namespace, keys and suffixed variables; a restart keeps them all', () => {
    const namespaces = ['tenant-demo', 'tenant-demo2', 'tenant-demo3'];
    const first = startProjects(ProjectKeys.open(dir), options(undefined, namespaces));
    expect(first.map((p) => p.project.namespace)).toEqual(namespaces);
    expect(new Set(first.map((p) => p.project.id)).size).toBe(3);
    expect(readHikubeEnv(dir)).toMatchObject({
      HIKUBE_PROJECT_ID: first[0]?.project.id,
      PROJECT_ID: first[0]?.project.id,
      HIKUBE_API_KEY_2: first[1]?.adminKey,
      HIKUBE_API_READ_KEY_2: first[1]?.readKey,
      HIKUBE_PROJECT_ID_3: first[2]?.project.id,
      HIKUBE_API_KEY_3: first[2]?.adminKey,
    });
    const keys = ProjectKeys.open(dir);
    expect(keys.authorize(first[1]?.adminKey ?? '', first[0]?.project.id, 'read')).toEqual({ ok: false, refusal: 'other-project' });
    const again = startProjects(ProjectKeys.open(dir), options(undefined, namespaces));
    expect(again.map((p) => [p.adminKey, p.readKey])).toEqual(first.map((p) => [p.adminKey, p.readKey]));
    expect(ProjectKeys.open(dir).list()).toHaveLength(6);
  });
});
