// The main entry of @hikube/sdk. Today it is the Kubernetes client, also served as
// `@hikube/sdk/kubernetes`; Hikube's public API is `@hikube/sdk/public` and will take this entry's
// place. Other subpaths: `@hikube/sdk/openapi` (the documents), `@hikube/sdk/testing`.
export * from './kubernetes.js';
