// The public client's contract suite (the one anyone can run against Hikube with a project key)
// run against Hikube Local's public front over real HTTPS, with the admin and read keys of
// DIR/hikube.env. The deterministic driver makes clusters ready without PostgreSQL processes: this
// suite checks the API's behaviour; examples/sdk-node connects to real clusters through it.
import { runPublicContractSuite } from '@hikube/sdk/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

let dir: string;
let local: HikubeLocal;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-local-public-contract-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
});
afterAll(async () => {
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

runPublicContractSuite({
  connection: () => ({
    baseUrl: local.url,
    apiKey: local.publicApi.adminKey,
    readApiKey: local.publicApi.readKey,
    projectId: local.publicApi.project.id,
    ca: local.caCertPem,
  }),
  readyTimeoutMs: 30_000,
  pollIntervalMs: 50,
});
