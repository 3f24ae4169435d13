// The contract suite against the in-test server, a store with no platform behind it: everything but
// readiness, credentials, endpoints and instances (those run against Hikube Local, in
// packages/local/src/api/sdk-contract-suite.e2e.test.ts).
import { afterAll, beforeAll } from 'vitest';
import { runSdkContractSuite } from './contract-suite.js';
import { startTestApiServer, type TestApiServer } from './test-api-server.js';

let server: TestApiServer;
beforeAll(async () => {
  server = await startTestApiServer({ tokens: ['contract-token'], namespaces: ['tenant-a'] });
});
afterAll(() => server.stop());

runSdkContractSuite({
  client: async () => {
    const { createClient } = await import('../client.js');
    return createClient({ server: server.url, token: 'contract-token', namespace: 'tenant-a', kubeconfig: false });
  },
  platform: false,
});
