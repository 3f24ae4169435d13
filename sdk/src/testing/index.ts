// Subpath `@hikube/sdk/testing`: the contract suites of both clients (they need vitest) and the in-test Kubernetes API store with fault injection.
export { runSdkContractSuite, type ContractSuiteOptions } from './contract-suite.js';
export { TestApiServer, startTestApiServer, type SeenRequest, type TestApiServerOptions } from './test-api-server.js';
export type { Fault } from './fault-injection.js';
export type { KubeObject } from './kube-object.js';
// The public client's contract suite: run it against any server of Hikube's public API.
export { runPublicContractSuite, type PublicContractConnection, type PublicContractSuiteOptions } from './public-contract-suite.js';
// Postgres objects exactly as the current Cozystack returns them, with the source of each field.
export { cozystackFixtures, cozystackDefaultSpec, type CozystackFixture } from './cozystack-fixtures.js';
