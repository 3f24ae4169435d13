// The SDK's own contract suite (the one it runs against its in-test server) run against Hikube
// Local through the tenant kubeconfig, so the SDK and the emulator cannot drift apart. Tenants
// may only read SchedulingClasses, as on Hikube.

import { runSdkContractSuite } from '@hikube/sdk/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

let dir: string;
let local: HikubeLocal;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-local-contract-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
});
afterAll(async () => {
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

runSdkContractSuite({
  client: async () => {
    const { createClient } = await import('@hikube/sdk/kubernetes');
    return createClient({ kubeconfig: local.kubeconfigPath });
  },
  schedulingClasses: 'readOnly',
  readyTimeoutMs: 30_000,
});
