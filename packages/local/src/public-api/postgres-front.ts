// The public API's PostgreSQL operations over the same store, admission and controllers as the
// Kubernetes API: each request is checked (key, then body against the document's schema), mapped
// onto the tenant's Postgres objects through the mapping modules, and answered in the API's shapes.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { PostgresSpec } from '@hikube/sdk/kubernetes';
import type { Admission } from '../api/admission.js';
import { ApiStatusError } from '../api/status-error.js';
import { generatedPassword } from '../controllers/generated-password.js';
import type { ProjectKeys } from '../projects/project-keys.js';
import { ConflictError } from '../store/errors.js';
import { POSTGRES_FINALIZER } from '../store/finalizers.js';
import type { ObjectService } from '../store/object-service.js';
import type { Condition, KubeObject } from '../store/kube-object.js';
import { POSTGRES, SERVICE } from '../store/resource-types.js';
import { clusterView, externalHost, externalServiceName, publicStatus, settingsFromSpec, specFromSettings, type ClusterSettings } from './cluster-mapping.js';
import { publicOperations, type PublicOperationId } from '@hikube/sdk/public';
import type { Authorization, Refusal } from '../projects/project-keys.js';
import { checkedExtensions, checkedPreset, presets, readOnce } from './catalogs.js';
import type { FrontFaults } from './front-faults.js';
import { matchOperation, type MatchedOperation } from './operation-routes.js';
import {
  accessDenied,
  alreadyExists,
  invalidField,
  keyCheckUnavailable,
  modeSwitch,
  notFound,
  PublicApiError,
  unauthenticated,
  unsupportedContentType,
} from './public-error.js';
import { parseBody } from './request-body.js';
import { untilApplied } from './until-applied.js';
import {
  databaseFromSpec,
  databaseOf,
  databasesFromSpec,
  specWithDatabase,
  specWithoutDatabase,
  specWithoutUser,
  specWithUser,
  userFromSpec,
  usersFromSpec,
  userOf,
  type UserConfigInput,
} from './roles-mapping.js';

export interface FrontRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  /** The request's Content-Type header, if any. */
  contentType?: string | undefined;
  body: () => Promise<string>;
}

export interface FrontReply {
  status: number;
  body: unknown;
}

export interface PostgresFrontOptions {
  service: ObjectService;
  admission: Admission;
  keys: ProjectKeys;
  /** Diagnostics for unexpected failures; never given a key or a body. */
  log?: (line: string) => void;
  /** The extensions a database may enable (the driver's catalog); read once, on first use. */
  extensionCatalog: () => Promise<readonly string[]>;
  /** Test-only failures (front-faults.ts). */
  faults?: FrontFaults;
}

const versionRank = (version: string): number => Number(version.replace(/^v/, ''));

export class PostgresFront {
  readonly #extensionCatalog: () => Promise<readonly string[]>;

  constructor(private readonly options: PostgresFrontOptions) {
    this.#extensionCatalog = readOnce(options.extensionCatalog);
  }

  /**
   * The reply to a request under /postgres/. A path no documented operation has is a 404 in this
   * API's body: the Kubernetes front has nothing there, and its 401 for a missing bearer token
   * told a caller with a good API key the wrong thing.
   */
  async handle(request: FrontRequest): Promise<FrontReply> {
    const requestId = randomUUID().replaceAll('-', '');
    try {
      const matched = matchOperation(request.method, request.path);
      if (matched === undefined) throw new PublicApiError(404, undefined, `no operation has the path ${request.path.slice(0, 200)}`);
      if (matched === 'methodMismatch') throw new PublicApiError(404, undefined, `no ${request.method} operation on ${request.path}`);
      if (request.apiKey === undefined || request.apiKey === '') throw unauthenticated();
      const checked = this.#authorize(request.apiKey, matched.params['projectId'], matched.scope, requestId);
      if (!checked.ok) throw refusalOf(checked.refusal, matched.params['projectId']);
      this.options.faults?.operation?.(matched.id);
      if (takesBody(matched.id)) checkContentType(request.contentType);
      const namespace = checked.project.namespace;
      return { status: 200, body: await this.#operation(matched.id, matched.params, namespace, checked.project.id, request.body) };
    } catch (err) {
      if (err instanceof PublicApiError) return { status: err.status, body: err.body(requestId) };
      // A limit of the HTTP layer (e.g. a body too large) keeps its status, in this API's body.
      if (err instanceof ApiStatusError) return { status: err.httpCode, body: new PublicApiError(err.httpCode, undefined, err.message).body(requestId) };
      this.options.log?.(redactKeys(`public API request ${requestId} failed: ${(err as Error).stack ?? String(err)}`, request.apiKey));
      return { status: 500, body: new PublicApiError(500, undefined, 'internal server error').body(requestId) };
    }
  }

  /** The key check; a key store that cannot answer is a 503 10004 (retry), not a refusal. */
  #authorize(apiKey: string, projectId: string | undefined, scope: MatchedScope, requestId: string): Authorization {
    try {
      this.options.faults?.keyCheck?.();
      return this.options.keys.authorize(apiKey, projectId, scope);
    } catch (err) {
      this.options.log?.(redactKeys(`public API request ${requestId}: the key could not be checked: ${(err as Error).message}`, apiKey));
      throw keyCheckUnavailable();
    }
  }

  async #operation(id: PublicOperationId, params: Record<string, string>, namespace: string, projectId: string, body: () => Promise<string>): Promise<unknown> {
    const clusterName = params['name'] ?? params['clusterName'] ?? '';
    switch (id) {
      case 'PostgresService_ListPostgresPresets':
        return { presets };
      case 'PostgresService_ListExtensions':
        return { extensions: [...(await this.#extensionCatalog())] };
      case 'PostgresService_ListPostgresClusters': {
        const clusters = this.options.service.list(POSTGRES, { namespace }).items.map((object) => this.#view(object, projectId));
        return { totalCount: String(clusters.length), clusters };
      }
      case 'PostgresService_GetPostgresCluster':
        return this.#view(this.#cluster(namespace, clusterName), projectId);
      case 'PostgresService_CreatePostgresCluster':
        return this.#createCluster(namespace, projectId, await body());
      case 'PostgresService_UpdatePostgresCluster':
        return this.#updateCluster(namespace, projectId, clusterName, await body());
      case 'PostgresService_DeletePostgresCluster':
        this.#cluster(namespace, clusterName);
        await this.options.service.delete(POSTGRES, namespace, clusterName);
        return {};
      default:
        return this.#rolesOperation(id, params, namespace, clusterName, body);
    }
  }

  async #rolesOperation(
    id: Exclude<PublicOperationId, ClusterOperation>,
    params: Record<string, string>,
    namespace: string,
    clusterName: string,
    body: () => Promise<string>,
  ): Promise<unknown> {
    const cluster = this.#cluster(namespace, clusterName);
    const spec = (cluster['spec'] ?? {}) as PostgresSpec;
    const databaseName = params['databaseName'] ?? '';
    const username = params['username'] ?? '';
    switch (id) {
      case 'PostgresService_ListDatabases': {
        const databases = databasesFromSpec(spec);
        return { totalCount: String(databases.length), databases };
      }
      case 'PostgresService_GetDatabase':
        return databaseFromSpec(spec, databaseName) ?? notFoundThrow(`database "${databaseName}" of cluster "${clusterName}"`);
      case 'PostgresService_CreateDatabase': {
        const input = parseBody<{ databaseName: string; extensions?: string[] }>(await body(), 'DatabaseCreate');
        if (databaseOf(spec, input.databaseName)) throw alreadyExists(`database "${input.databaseName}"`);
        const next = await this.#write(
          cluster,
          specWithDatabase(spec, input.databaseName, checkedExtensions(input.extensions ?? [], await this.#extensionCatalog())),
        );
        return databaseFromSpec(next, input.databaseName);
      }
      case 'PostgresService_UpdateDatabase': {
        const input = parseBody<{ extensions: string[] }>(await body(), 'DatabaseUpdate');
        if (!databaseOf(spec, databaseName)) throw notFound(`database "${databaseName}" of cluster "${clusterName}"`);
        return databaseFromSpec(
          await this.#write(cluster, specWithDatabase(spec, databaseName, checkedExtensions(input.extensions, await this.#extensionCatalog()))),
          databaseName,
        );
      }
      case 'PostgresService_DeleteDatabase':
        if (!databaseOf(spec, databaseName)) throw notFound(`database "${databaseName}" of cluster "${clusterName}"`);
        await this.#write(cluster, specWithoutDatabase(spec, databaseName));
        return {};
      case 'PostgresService_ListUsers': {
        const users = usersFromSpec(spec);
        return { totalCount: String(users.length), users };
      }
      case 'PostgresService_GetUser':
        return userFromSpec(spec, username) ?? notFoundThrow(`user "${username}" of cluster "${clusterName}"`);
      case 'PostgresService_CreateUser': {
        const input = parseBody<{ username: string; config?: UserConfigInput }>(await body(), 'UserCreate');
        if (userOf(spec, input.username)) throw alreadyExists(`user "${input.username}"`);
        const password = generatedPassword();
        const next = await this.#writeApplied(cluster, specWithUser(spec, input.username, input.config ?? {}, password));
        return { ...userFromSpec(next, input.username), password };
      }
      case 'PostgresService_UpdateUser': {
        const input = parseBody<{ config: UserConfigInput }>(await body(), 'UserUpdate');
        if (!userOf(spec, username)) throw notFound(`user "${username}" of cluster "${clusterName}"`);
        return userFromSpec(await this.#write(cluster, specWithUser(spec, username, input.config)), username);
      }
      case 'PostgresService_DeleteUser':
        if (!userOf(spec, username)) throw notFound(`user "${username}" of cluster "${clusterName}"`);
        await this.#write(cluster, specWithoutUser(spec, username));
        return {};
      case 'PostgresService_RotateUserPassword': {
        const user = userFromSpec(spec, username) ?? notFoundThrow(`user "${username}" of cluster "${clusterName}"`);
        const password = generatedPassword();
        // at once, as on Hikube: the answer comes when the server refuses the old password
        await this.#writeApplied(cluster, specWithUser(spec, username, { privileges: user.config.privileges, databases: user.config.databases }, password));
        return { username, password };
      }
      default:
        return unhandled(id);
    }
  }

  /** The cluster as the API shows it; `host` comes from the platform's LoadBalancer Service, as on Hikube. */
  #view(object: KubeObject, projectId: string): ReturnType<typeof clusterView> {
    const service = this.options.service.find(SERVICE, object.metadata.namespace ?? '', externalServiceName(object.metadata.name));
    return clusterView(object, projectId, externalHost(service));
  }

  #cluster(namespace: string, name: string): KubeObject {
    return this.options.service.find(POSTGRES, namespace, name) ?? notFoundThrow(`cluster "${name}"`);
  }

  async #createCluster(namespace: string, projectId: string, text: string): Promise<unknown> {
    const input = parseBody<ClusterSettings & { name: string; config?: { maxConnections?: number } }>(text, 'ClusterCreate');
    if (this.options.service.find(POSTGRES, namespace, input.name)) throw alreadyExists(`cluster "${input.name}"`);
    const settings = settingsOf(input);
    if (settings.preset !== undefined) checkedPreset(settings.preset);
    // The finalizer, as the Kubernetes front adds it: deleting waits until the processes and data are gone.
    const metadata = { name: input.name, namespace, finalizers: [POSTGRES_FINALIZER] };
    const object = this.#admitted({ apiVersion: POSTGRES_API_VERSION, kind: 'Postgres', metadata, spec: specFromSettings(settings) }, undefined);
    return this.#view(await this.options.service.create(POSTGRES, object), projectId);
  }

  async #updateCluster(namespace: string, projectId: string, name: string, text: string): Promise<unknown> {
    const current = this.#cluster(namespace, name);
    const input = parseBody<ClusterSettings & { config?: { maxConnections?: number } }>(text, 'ClusterUpdate');
    const before = settingsFromSpec((current['spec'] ?? {}) as PostgresSpec);
    // The documented PATCH: version and size required, external and quorum reset, the rest kept.
    const after: ClusterSettings = {
      ...settingsOf(input),
      replicas: input.replicas ?? before.replicas,
      preset: input.preset ?? before.preset,
      maxConnections: input.config?.maxConnections ?? before.maxConnections,
      external: input.external ?? false,
      quorum: input.quorum ?? { minSyncReplicas: 0, maxSyncReplicas: 0 },
    };
    if ((before.replicas === 1) !== (after.replicas === 1)) throw modeSwitch(before.replicas, after.replicas ?? before.replicas);
    if (versionRank(after.version) < versionRank(before.version))
      throw invalidField('version', `a cluster cannot go back from ${before.version} to ${after.version}`);
    if (after.preset !== undefined) checkedPreset(after.preset);
    const spec = specFromSettings(after, (current['spec'] ?? {}) as PostgresSpec);
    return this.#view(await this.#replaceSpec(current, spec), projectId);
  }

  /** Writes the spec through admission (as a kubectl apply would); returns the stored spec. */
  async #write(current: KubeObject, spec: PostgresSpec): Promise<PostgresSpec> {
    return ((await this.#replaceSpec(current, spec))['spec'] ?? {}) as PostgresSpec;
  }

  /**
   * #write, answered once the platform applied it when the cluster is ready: a password returned
   * works (and a rotated one is refused) on the next connection. A cluster not ready applies it later.
   */
  async #writeApplied(current: KubeObject, spec: PostgresSpec): Promise<PostgresSpec> {
    const wasReady = publicStatus((current['status'] as { conditions?: Condition[] } | undefined)?.conditions) === 'ready';
    const stored = await this.#replaceSpec(current, spec);
    const { namespace = '', name } = stored.metadata;
    const readyAsWritten = (stored['status'] as { conditions?: Condition[] } | undefined)?.conditions?.find((c) => c.type === 'Ready');
    // A write that changed nothing starts no release: nothing to wait for.
    const changed = stored.metadata.generation !== current.metadata.generation;
    if (wasReady && changed) await untilApplied(() => this.options.service.find(POSTGRES, namespace, name), readyAsWritten);
    return (stored['spec'] ?? {}) as PostgresSpec;
  }

  async #replaceSpec(current: KubeObject, spec: PostgresSpec): Promise<KubeObject> {
    await this.options.faults?.beforeWrite?.();
    for (let attempt = 1; ; attempt += 1) {
      const object = this.#admitted({ ...current, spec }, current);
      const expectedRv = current.metadata.resourceVersion;
      try {
        return (await this.options.service.update(POSTGRES, object, expectedRv !== undefined ? { expectedRv } : {})).object;
      } catch (err) {
        if (!(err instanceof ConflictError || (err instanceof ApiStatusError && err.httpCode === 409))) throw err;
        // The platform's own writes (status, while a cluster provisions) move the resourceVersion
        // without touching what the request was based on: apply it to the latest object. Any other
        // write in between (through either API) has no code of its own, unlike a name taken (80002).
        const latest = this.options.service.find(POSTGRES, current.metadata.namespace ?? '', current.metadata.name);
        if (latest === undefined || attempt >= maxPlatformRetries || !sameRequestBasis(current, latest)) {
          throw new PublicApiError(409, undefined, 'the cluster was modified at the same time; read it again and retry');
        }
        current = latest;
      }
    }
  }

  /** The object as admission defaults it; a refusal becomes a 400 naming the public field. */
  #admitted(object: KubeObject, old: KubeObject | undefined): KubeObject {
    try {
      return this.options.admission.admit(POSTGRES, object, old, 'Strict').object;
    } catch (err) {
      if (!(err instanceof ApiStatusError)) throw err;
      const cause = err.details?.causes?.[0];
      throw invalidField(publicFieldOf(cause?.field ?? 'body'), cause?.message ?? err.message);
    }
  }
}

const POSTGRES_API_VERSION = 'apps.cozystack.io/v1alpha1';

/** How many times a write is re-applied after the platform's own writes got in between. */
const maxPlatformRetries = 5;

/** Whether only the platform wrote between the two reads: spec, labels, annotations and deletion unchanged. */
function sameRequestBasis(read: KubeObject, latest: KubeObject): boolean {
  const basis = (object: KubeObject) => ({
    spec: object['spec'],
    labels: object.metadata.labels,
    annotations: object.metadata.annotations,
    deletionTimestamp: object.metadata.deletionTimestamp,
  });
  return isDeepStrictEqual(basis(read), basis(latest));
}

type MatchedScope = MatchedOperation['scope'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One identical 403 for every refusal, but a project id that cannot be a project's (not a UUID) is
 * the caller's typo, told as a 400 to a caller whose key is valid: it says nothing about any key.
 */
function refusalOf(refusal: Refusal, projectId: string | undefined): PublicApiError {
  if (refusal === 'other-project' && projectId !== undefined && !UUID.test(projectId))
    return invalidField('projectId', `"${projectId}" is not a project id (a UUID)`);
  return accessDenied();
}

/** The operations the document gives a request body. */
function takesBody(id: PublicOperationId): boolean {
  return publicOperations[id].requestBody !== null;
}

/** A body in another format than JSON is refused by name; a body without a Content-Type is read as JSON (as curl -d sends it with -H). */
function checkContentType(contentType: string | undefined): void {
  if (contentType === undefined || contentType === '') return;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]*\+json$/.test(mediaType)) throw unsupportedContentType(mediaType);
}

/** A diagnostic line without the request's key, nor anything shaped like a key. */
function redactKeys(line: string, apiKey: string | undefined): string {
  const scrubbed = apiKey ? line.replaceAll(apiKey, '<api key>') : line;
  return scrubbed.replace(/sk_hk_[0-9a-f]{32}_[A-Za-z0-9_-]+/g, '<api key>');
}

type ClusterOperation =
  | 'PostgresService_ListPostgresPresets'
  | 'PostgresService_ListExtensions'
  | 'PostgresService_ListPostgresClusters'
  | 'PostgresService_GetPostgresCluster'
  | 'PostgresService_CreatePostgresCluster'
  | 'PostgresService_UpdatePostgresCluster'
  | 'PostgresService_DeletePostgresCluster';

/** A document operation without a handler fails the type check here. */
function unhandled(id: never): never {
  throw new Error(`operation ${String(id)} has no handler`);
}

function notFoundThrow(what: string): never {
  throw notFound(what);
}

function settingsOf(input: ClusterSettings & { config?: { maxConnections?: number } }): ClusterSettings {
  const { version, size, replicas, preset, external, quorum } = input;
  const maxConnections = input.config?.maxConnections;
  return {
    version,
    size,
    ...(replicas !== undefined ? { replicas } : {}),
    ...(preset !== undefined ? { preset } : {}),
    ...(external !== undefined ? { external } : {}),
    ...(quorum !== undefined ? { quorum } : {}),
    ...(maxConnections !== undefined ? { maxConnections } : {}),
  };
}

/** The public field a Kubernetes spec path stands for, so a refusal names what the caller sent. */
function publicFieldOf(specPath: string): string {
  const path = specPath.replace(/^spec\./, '');
  if (path.startsWith('resourcesPreset')) return 'preset';
  if (path.startsWith('postgresql.parameters.max_connections')) return 'config.maxConnections';
  if (path.startsWith('users.')) return `username (${path.slice('users.'.length)})`;
  if (path.startsWith('databases.')) return `databaseName (${path.slice('databases.'.length)})`;
  return path;
}
