// Subpath `@hikube/sdk/public`, and the main entry: the client of Hikube's public REST API (preview).
export { createPublicClient, type PublicClient } from './public/public-client.js';
export { defaultPublicApiUrl, ApiKey, type PublicClientOptions } from './public/public-config.js';
export type { CallOptions, ClustersApi, DatabasesApi, PostgresApi, UpdateOptions, UsersApi } from './public/postgres-api.js';
export { clusterUpdateIssues, type ClusterChange, type UserChange } from './public/complete-update.js';
export { publicBodyIssues } from './public/body-issues.js';
export type { ValidationIssue } from './validation/validation-issue.js';
export type { WaitOptions } from './public/wait-for-cluster.js';
export { connectionString, postgresPort, type ConnectionSecrets } from './public/connection-string.js';
export {
  PublicAlreadyExistsError,
  PublicApiError,
  PublicBadRequestError,
  PublicBadResponseError,
  PublicConflictError,
  PublicForbiddenError,
  PublicNotFoundError,
  PublicServerError,
  PublicUnauthorizedError,
  PublicUnavailableError,
} from './public/public-errors.js';
export type { paths as PublicPaths, components as PublicComponents, operations as PublicOperations } from './generated/public/openapi.js';
export { AbortError, ConfigError, HikubeError, NetworkError, TimeoutError, ValidationError } from './errors.js';
export { WaitFailedError, WaitTimeoutError } from './waiters/poll-until.js';
export type {
  Cluster,
  ClusterCreate,
  Database,
  DatabaseCreate,
  ErrorBody,
  PasswordRotated,
  Preset,
  User,
  UserCreate,
  UserCreated,
} from './generated/public/zod.js';
export { publicExtensions, publicOperations, type PublicOperationId } from './generated/public/rules.js';
// The document's generated schemas, so a server of this API (Hikube Local) validates with the same ones.
export * as publicSchemas from './generated/public/zod.js';
