// The public API's PostgreSQL operations over the same store, admission and controllers as the
// Kubernetes API: each request is checked (key, then body against the document's schema), mapped
// onto the tenant's Postgres objects through the mapping modules, and answered in the API's shapes.
import { randomInt, randomUUID } from 'node:crypto';
import type { PostgresSpec } from '@hikube/sdk';
import type { Admission } from '../api/admission.js';
import { ApiStatusError } from '../api/status-error.js';
import type { ProjectKeys } from '../projects/project-keys.js';
import type { ObjectService } from '../store/object-service.js';
import type { KubeObject } from '../store/kube-object.js';
import { POSTGRES } from '../store/resource-types.js';
import { clusterView, settingsFromSpec, specFromSettings, type ClusterSettings } from './cluster-mapping.js';
import type { PublicOperationId } from '@hikube/sdk/public';
import { matchOperation } from './operation-routes.js';
import { accessDenied, alreadyExists, invalidField, modeSwitch, notFound, PublicApiError, unauthenticated } from './public-error.js';
import { parseBody } from './request-body.js';
import { databaseFromSpec, databaseOf, databasesFromSpec, specWithDatabase, specWithoutDatabase, specWithoutUser, specWithUser, userFromSpec, usersFromSpec, userOf, type UserConfigInput } from './roles-mapping.js';

export interface FrontRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
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
}

/** The sizes of the `resourcesPreset` values, per instance, as the platform documents them. */
const presets = [
  { name: 'nano', cpu: '250m', memory: '128Mi' },
  { name: 'micro', cpu: '500m', memory: '256Mi' },
  { name: 'small', cpu: '1', memory: '512Mi' },
  { name: 'medium', cpu: '1', memory: '1Gi' },
  { name: 'large', cpu: '2', memory: '2Gi' },
  { name: 'xlarge', cpu: '4', memory: '4Gi' },
  { name: '2xlarge', cpu: '8', memory: '8Gi' },
];

/** Extensions shipped with PostgreSQL's contrib, which every local installation has. */
const extensions = ['btree_gin', 'btree_gist', 'citext', 'cube', 'fuzzystrmatch', 'hstore', 'intarray', 'ltree', 'pg_stat_statements', 'pg_trgm', 'pgcrypto', 'tablefunc', 'unaccent', 'uuid-ossp'];

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 16 alphanumerics, as the platform generates a user's password. */
function generatedPassword(): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

const versionRank = (version: string): number => Number(version.replace(/^v/, ''));

export class PostgresFront {
  constructor(private readonly options: PostgresFrontOptions) {}

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
      const checked = this.options.keys.authorize(request.apiKey, matched.params['projectId'], matched.scope);
      if (!checked.ok) throw accessDenied();
      const namespace = checked.project.namespace;
      return { status: 200, body: await this.#operation(matched.id, matched.params, namespace, checked.project.id, request.body) };
    } catch (err) {
      if (err instanceof PublicApiError) return { status: err.status, body: err.body(requestId) };
      // A limit of the HTTP layer (e.g. a body too large) keeps its status, in this API's body.
      if (err instanceof ApiStatusError) return { status: err.httpCode, body: new PublicApiError(err.httpCode, undefined, err.message).body(requestId) };
      this.options.log?.(`public API request ${requestId} failed: ${(err as Error).stack ?? String(err)}`);
      return { status: 500, body: new PublicApiError(500, undefined, 'internal server error').body(requestId) };
    }
  }

  async #operation(id: PublicOperationId, params: Record<string, string>, namespace: string, projectId: string, body: () => Promise<string>): Promise<unknown> {
    const clusterName = params['name'] ?? params['clusterName'] ?? '';
    switch (id) {
      case 'PostgresService_ListPostgresPresets':
        return { presets };
      case 'PostgresService_ListExtensions':
        return { extensions };
      case 'PostgresService_ListPostgresClusters': {
        const clusters = this.options.service.list(POSTGRES, { namespace }).items.map((object) => clusterView(object, projectId));
        return { totalCount: String(clusters.length), clusters };
      }
      case 'PostgresService_GetPostgresCluster':
        return clusterView(this.#cluster(namespace, clusterName), projectId);
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

  async #rolesOperation(id: Exclude<PublicOperationId, ClusterOperation>, params: Record<string, string>, namespace: string, clusterName: string, body: () => Promise<string>): Promise<unknown> {
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
        const next = await this.#write(cluster, specWithDatabase(spec, input.databaseName, checkedExtensions(input.extensions ?? [])));
        return databaseFromSpec(next, input.databaseName);
      }
      case 'PostgresService_UpdateDatabase': {
        const input = parseBody<{ extensions: string[] }>(await body(), 'DatabaseUpdate');
        if (!databaseOf(spec, databaseName)) throw notFound(`database "${databaseName}" of cluster "${clusterName}"`);
        return databaseFromSpec(await this.#write(cluster, specWithDatabase(spec, databaseName, checkedExtensions(input.extensions))), databaseName);
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
        const next = await this.#write(cluster, specWithUser(spec, input.username, input.config ?? {}, password));
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
        await this.#write(cluster, specWithUser(spec, username, { privileges: user.config.privileges, databases: user.config.databases }, password));
        return { username, password };
      }
      default:
        return unhandled(id);
    }
  }

  #cluster(namespace: string, name: string): KubeObject {
    return this.options.service.find(POSTGRES, namespace, name) ?? notFoundThrow(`cluster "${name}"`);
  }

  async #createCluster(namespace: string, projectId: string, text: string): Promise<unknown> {
    const input = parseBody<ClusterSettings & { name: string; config?: { maxConnections?: number } }>(text, 'ClusterCreate');
    if (this.options.service.find(POSTGRES, namespace, input.name)) throw alreadyExists(`cluster "${input.name}"`);
    const settings = settingsOf(input);
    if (settings.preset !== undefined) checkedPreset(settings.preset);
    const object = this.#admitted({ apiVersion: POSTGRES_API_VERSION, kind: 'Postgres', metadata: { name: input.name, namespace }, spec: specFromSettings(settings) }, undefined);
    return clusterView(await this.options.service.create(POSTGRES, object), projectId);
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
    if (versionRank(after.version) < versionRank(before.version)) throw invalidField('version', `a cluster cannot go back from ${before.version} to ${after.version}`);
    if (after.preset !== undefined) checkedPreset(after.preset);
    const spec = specFromSettings(after, (current['spec'] ?? {}) as PostgresSpec);
    return clusterView(await this.#replaceSpec(current, spec), projectId);
  }

  /** Writes the spec through admission (as a kubectl apply would); returns the stored spec. */
  async #write(current: KubeObject, spec: PostgresSpec): Promise<PostgresSpec> {
    return ((await this.#replaceSpec(current, spec))['spec'] ?? {}) as PostgresSpec;
  }

  async #replaceSpec(current: KubeObject, spec: PostgresSpec): Promise<KubeObject> {
    const object = this.#admitted({ ...current, spec }, current);
    const expectedRv = current.metadata.resourceVersion;
    const { object: stored } = await this.options.service.update(POSTGRES, object, expectedRv !== undefined ? { expectedRv } : {}).catch((err: unknown) => {
      if (err instanceof ApiStatusError && err.httpCode === 409) throw new PublicApiError(409, 80002, 'the cluster was modified at the same time; read it again and retry');
      throw err;
    });
    return stored;
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

function checkedPreset(preset: string): void {
  if (preset !== '' && !presets.some((p) => p.name === preset)) throw invalidField('preset', `"${preset}" is not in the presets catalog (${presets.map((p) => p.name).join(', ')})`);
}

function checkedExtensions(names: readonly string[]): readonly string[] {
  const unknown = names.find((name) => !extensions.includes(name));
  if (unknown !== undefined) throw invalidField('extensions', `"${unknown}" is not in the extensions catalog`);
  return names;
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
