import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { parseApiKey } from '../projects/api-key.js';
import { readHikubeEnv } from '../projects/hikube-env.js';
import { ProjectKeys } from '../projects/project-keys.js';
import { startHikubeLocal } from './start-hikube-local.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

it('start creates a project per tenant, an admin and a read key, and an owner-only hikube.env; no secret is stored elsewhere', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hikube-local-project-'));
  dirs.push(dir);
  const local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic', tenants: ['tenant-b'] });
  try {
    expect(
      ProjectKeys.open(dir)
        .projects.map((p) => p.namespace)
        .sort(),
    ).toEqual(['tenant-b', 'tenant-demo']);
    const env = readHikubeEnv(dir);
    expect(env).toEqual({
      HIKUBE_API: local.url,
      HIKUBE_API_KEY: local.publicApi.adminKey,
      HIKUBE_PROJECT_ID: local.publicApi.project.id,
      HIKUBE_CA_CERT: join(dir, 'pki', 'ca.crt'),
      HIKUBE_API_READ_KEY: local.publicApi.readKey,
      PROJECT_ID: local.publicApi.project.id,
    });
    expect(local.publicApi.project.namespace).toBe('tenant-demo');
    expect(statSync(join(dir, 'hikube.env')).mode & 0o777).toBe(0o600);
    expect(readFileSync(env?.HIKUBE_CA_CERT ?? '', 'utf8')).toBe(local.caCertPem);
    // The whole secret part: base64url may itself hold a `_`, so not the text after the last one.
    const secrets = [local.publicApi.adminKey, local.publicApi.readKey].map((key) => parseApiKey(key)?.secret ?? key);
    for (const file of filesUnder(dir).filter((f) => !f.endsWith('hikube.env'))) {
      const text = readFileSync(file, 'latin1');
      for (const secret of secrets) expect(text.includes(secret), file).toBe(false);
    }
  } finally {
    await local.stop();
  }
});
