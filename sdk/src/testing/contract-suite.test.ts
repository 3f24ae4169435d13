import { afterAll, beforeAll } from 'vitest';
import { runSdkContractSuite } from './contract-suite.js';
import { startTestApiServer, type TestApiServer } from './test-api-server.js';

let server: TestApiServer;
beforeAll(async () => {
  server = await startTestApiServer({ tokens: ['contract-token'], namespaces: ['tenant-a'], platform: { readyAfterMs: 30 } });
});
afterAll(() => server.stop());

runSdkContractSuite({
  client: async () => {
    const { createClient } = await import('../client.js');
    return createClient({ server: server.url, token: 'contract-token', namespace: 'tenant-a', kubeconfig: false });
  },
});
