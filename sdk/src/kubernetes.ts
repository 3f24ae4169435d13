// Subpath `@hikube/sdk/kubernetes`: the client of the Kubernetes API of `apps.cozystack.io`
// (self-hosted Cozystack, and Hikube projects that still hold a kubeconfig), with its types,
// schemas, validation and defaults.
export type {
  Condition,
  DeleteOptions,
  Event,
  EventList,
  ListMeta,
  ObjectMeta,
  Pod,
  PodList,
  Postgres,
  PostgresBackup,
  PostgresBootstrap,
  PostgresDatabase,
  PostgresDatabaseRoles,
  PostgresList,
  PostgresQuorum,
  PostgresResources,
  PostgresServerConfig,
  PostgresSpec,
  PostgresStatus,
  PostgresTls,
  PostgresUser,
  PostgresWatchEvent,
  Quantity,
  SchedulingClass,
  SchedulingClassList,
  SchedulingClassSpec,
  NodeAffinity,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PreferredSchedulingTerm,
  LabelSelector,
  LabelSelectorRequirement,
  PodAffinity,
  PodAffinityTerm,
  WeightedPodAffinityTerm,
  TopologySpreadConstraint,
  Secret,
  Service,
  ServiceList,
  Status as KubeStatus,
  StatusCause as KubeStatusCause,
  TenantSecret,
  WatchEvent,
} from './generated/types.js';
export type { components, paths, operations } from './generated/openapi.js';
export {
  conditionSchema,
  eventListSchema,
  eventSchema,
  objectMetaSchema,
  podListSchema,
  podSchema,
  postgresListSchema,
  postgresNameSchema,
  postgresSchema,
  postgresSpecSchema,
  postgresStatusSchema,
  schedulingClassListSchema,
  schedulingClassSchema,
  schedulingClassSpecSchema,
  secretSchema,
  serviceListSchema,
  serviceSchema,
  statusSchema as kubeStatusSchema,
  tenantSecretSchema,
  watchEventSchema,
} from './generated/zod.js';
export type { ValidationIssue } from './validation/validation-issue.js';
export {
  validatePostgres,
  validatePostgresName,
  validatePostgresSpecPatch,
  blockedPostgresParameters,
  operatorManagedPostgresParameters,
  reservedPostgresUsers,
  reservedPostgresUserPrefixes,
  reservedPostgresDatabases,
  reservedPostgresDatabasePrefixes,
  postgresNamePrefix,
  postgresPresetSizes,
} from './validation/validate-postgres.js';
export { postgresSpecWarnings } from './validation/postgres-warnings.js';
export { validateSchedulingClass, validateSchedulingClassName } from './validation/validate-scheduling-class.js';
export {
  applyPostgresDefaults,
  applySchedulingClassDefaults,
  type PostgresSpecWithDefaults,
  type SchedulingClassSpecWithDefaults,
} from './validation/apply-defaults.js';
export { createClient, PostgresClient, type ClientOptions, type DeleteOptions as PostgresDeleteOptions, type HikubeClient } from './client.js';
export {
  HikubeError,
  ApiError,
  NotFoundError,
  AlreadyExistsError,
  ConflictError,
  GoneError,
  InvalidError,
  UnauthorizedError,
  ForbiddenError,
  TooManyRequestsError,
  ServerError,
  BadResponseError,
  TimeoutError,
  AbortError,
  NetworkError,
  ValidationError,
  ConfigError,
  type ResourceRef,
} from './errors.js';
export type { CallOptions } from './transport/http-transport.js';
export type { ConnectionOptions } from './transport/connection.js';
export type { RetryPolicy } from './transport/backoff.js';
export type { LogEvent, Logger } from './transport/log-event.js';
export type { ListOptions } from './resources/list-pages.js';
export type { WatchEvent as ObjectWatchEvent, WatchOptions } from './resources/watch-objects.js';
export { createIdAnnotation } from './resources/create-once.js';
export { applyMergePatch } from './merge-patch.js';
export {
  instanceRoleLabel,
  type ConnectionStringOptions,
  type Endpoint,
  type MergePatch,
  type PostgresEndpoints,
  type PostgresInput,
  type PostgresInstance,
  type PostgresPatch,
} from './resources/postgres.js';
export { capabilitiesFromDocument, type PostgresCapabilities } from './resources/platform-capabilities.js';
export type { SchedulingClassesResource, SchedulingClassInput } from './resources/scheduling-classes.js';
export { hikubeNodePrefixes, zoneOfNode } from './placement/node-zone.js';
export {
  labelSelectorMatches,
  nodeFitsSchedulingClass,
  nodeKeysOfSchedulingClass,
  nodePreferenceScore,
  nodeTermMatches,
  zoneTopologyKey,
  zonesNamedBySchedulingClass,
  zonesOfSchedulingClass,
  type NodeView,
} from './placement/node-affinity.js';
export { WaitFailedError, WaitTimeoutError } from './waiters/poll-until.js';
export { isNewerCondition, readyCondition } from './waiters/ready-since.js';
export { failedCondition, isTerminalReason, type ReadinessLevel, type WaitForReadyOptions, type WaitProgress } from './waiters/postgres-ready.js';
