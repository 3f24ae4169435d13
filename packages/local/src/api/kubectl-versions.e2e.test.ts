// kubectl 1.27 to 1.33: the gcloud dispatcher runs the kubectl matching the minor version the
// server reports, so each case starts a server reporting that minor and runs the core workflow.
// 1.27/1.28 ask for aggregated discovery v2beta1 only; 1.33 is the newest installed.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kubectl } from '@hikube/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { startHikubeLocal } from '../server/start-hikube-local.js';

const quickStart = fileURLToPath(new URL('../../testdata/manifests/quick-start.yaml', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(['27', '28', '33'])('kubectl 1.%s', (minor) => {
  it('applies, lists as a table, waits, server-side applies, patches and deletes', async () => {
    const dir = mkdtempSync(join(tmpdir(), `hikube-local-kubectl-1.${minor}-`));
    dirs.push(dir);
    const local = await startHikubeLocal({
      dataDir: join(dir, 'data'),
      port: 0,
      driver: 'deterministic',
      version: { major: '1', minor, gitVersion: `v1.${minor}.0-hikube-local` },
    });
    const runner = await Kubectl.create({ kubeconfig: local.kubeconfigPath });
    const kubectl = (...args: string[]) => runner.run(args);
    try {
      const version = await kubectl('version', '-o', 'json');
      expect((JSON.parse(version.stdout) as { clientVersion: { minor: string } }).clientVersion.minor).toBe(minor);
      expect((await kubectl('apply', '-f', quickStart)).stdout).toBe('postgres.apps.cozystack.io/quickstart created\n');
      expect((await kubectl('wait', '--for=condition=Ready', 'pg/quickstart', '--timeout=30s')).exitCode).toBe(0);
      expect((await kubectl('get', 'pg')).stdout).toMatch(/^NAME\s+READY\s+AGE\s+VERSION\nquickstart\s+True\s+\S+\s+0\.18\.0\n$/);
      const patched = join(dir, 'ssa.yaml');
      writeFileSync(patched, 'apiVersion: apps.cozystack.io/v1alpha1\nkind: Postgres\nmetadata:\n  name: quickstart\nspec:\n  replicas: 2\n');
      const ssa = await kubectl('apply', '--server-side', '--force-conflicts', '-f', patched);
      expect(ssa.stderr).toBe('');
      expect((await kubectl('patch', 'pg', 'quickstart', '--type=merge', '-p', '{"spec":{"replicas":1}}')).stdout).toBe(
        'postgres.apps.cozystack.io/quickstart patched\n',
      );
      expect((await kubectl('delete', 'pg', 'quickstart')).stdout).toBe('postgres.apps.cozystack.io "quickstart" deleted\n');
    } finally {
      await runner.dispose();
      await local.stop();
    }
  });
});
