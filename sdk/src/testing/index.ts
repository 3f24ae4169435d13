// Subpath `@hikube/sdk/testing`: the SDK's contract suite (needs vitest) and the in-test API server.
export { runSdkContractSuite, type ContractSuiteOptions } from './contract-suite.js';
export { TestApiServer, startTestApiServer, mergePatch, type Fault, type KubeObject, type SeenRequest, type TestApiServerOptions } from './test-api-server.js';
