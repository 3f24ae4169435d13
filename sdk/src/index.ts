// The main entry of @hikube/sdk: the client of Hikube's public REST API, what Hikube customers
// have (also served as `@hikube/sdk/public`). The Kubernetes client of self-hosted Cozystack is
// `@hikube/sdk/kubernetes`. Other subpaths: `@hikube/sdk/openapi` (the documents), `@hikube/sdk/testing`.
export * from './public-api.js';
