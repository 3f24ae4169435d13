// Public entry of @hikube/local.
export { startHikubeLocal, type HikubeLocal, type StartOptions, type DriverChoice, type TenantCredentials } from './server/start-hikube-local.js';
export { EXTRA_POSTGRES_FIELDS, type ExtraPostgresField } from './api/extra-postgres-fields.js';
export type { PublicRequestEntry } from './public-api/request-log.js';
export { renderKubeconfig } from './server/kubeconfig.js';
export { DEFAULT_TENANT } from './server/data-dir.js';
// What `source DIR/hikube.env` gives a shell: the public API's address, CA and project keys.
export { readHikubeEnv } from './projects/hikube-env.js';
export { createLocalPki, type LocalPki } from './tls/certificates.js';
export { DeterministicReconciler, type DeterministicOptions } from './controllers/deterministic/deterministic-reconciler.js';
export {
  SITES,
  SITE_NODE_PREFIX,
  POSTGRES_FINALIZER,
  type Site,
  type Reconciler,
  type ReconcilerFactory,
  type ReconcilerHost,
  type ReconcileContext,
  type ReconcileResult,
  type FinalizeResult,
  type OwnedKind,
  type OwnedObject,
  type Placement,
  type PostgresStatus,
} from './controllers/reconciler.js';
export type { KubeObject, ObjectMeta, Condition, OwnerReference } from './store/kube-object.js';
// What another local user could read under a directory: the check the data-directory tests share.
export { filesNotOwnerOnly, listPathModes, openToOthers, type PathMode } from './files/path-modes.js';
