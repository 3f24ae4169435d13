import type { z } from 'zod';
import { NetworkError, TimeoutError, ValidationError } from '../errors.js';
import {
  clusterCreateSchema,
  clusterUpdateSchema,
  databaseCreateSchema,
  databaseUpdateSchema,
  userCreateSchema,
  userUpdateSchema,
  type Cluster,
  type ClusterCreate,
  type Database,
  type DatabaseCreate,
  type PasswordRotated,
  type Preset,
  type User,
  type UserCreate,
  type UserCreated,
  type UserDatabaseRoleInput,
} from '../generated/public/zod.js';
import {
  readCluster,
  readClusterList,
  readDatabase,
  readDatabaseList,
  readDeleted,
  readExtensionList,
  readPasswordRotated,
  readPresetList,
  readUser,
  readUserCreated,
  readUserList,
} from '../generated/public/readers.js';
import { fromZodIssues } from '../validation/validation-issue.js';
import { clusterUpdateBody, clusterUpdateIssues, extensionsAfter, userUpdateBody, type ClusterChange, type UserChange } from './complete-update.js';
import { changedSinceRead } from './public-errors.js';
import { waitUntilDeleted, waitUntilReady, type WaitOptions } from './wait-for-cluster.js';
import type { PublicHttp } from './public-http.js';

export interface CallOptions {
  signal?: AbortSignal;
}

/** Every rule of the document is checked here, before anything is sent. */
function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(what, fromZodIssues(result.error.issues));
  return result.data;
}

export interface UpdateOptions extends CallOptions {
  /**
   * The `updatedAt` of the cluster the change was based on: if the cluster changed since, nothing
   * is sent. The API has no concurrency token, so a write between our read and our PATCH can
   * still be lost; this narrows that window to one round trip.
   */
  ifUpdatedAt?: string;
}

/**
 * A create whose answer was lost (the connection dropped, the deadline passed) may have been
 * carried out. Sending it again could only answer 409, so the resource is read back instead: if it
 * is there with what was asked, that is the answer; otherwise the original error stands.
 */
async function recoverLostCreate<T>(error: unknown, read: () => Promise<T>, matches: (found: T) => boolean): Promise<T> {
  if (!(error instanceof NetworkError) && !(error instanceof TimeoutError)) throw error;
  let found: T;
  try {
    found = await read();
  } catch {
    throw error;
  }
  if (!matches(found)) throw error;
  return found;
}

export interface ClustersApi {
  list(options?: CallOptions): Promise<Cluster[]>;
  get(name: string, options?: CallOptions): Promise<Cluster>;
  /** A create whose answer is lost is recovered by reading the cluster back, never by a second POST. */
  create(cluster: ClusterCreate, options?: CallOptions): Promise<Cluster>;
  /**
   * Reads the cluster, applies `change` and sends the complete configuration: the API's PATCH
   * resets what it is not sent (external access, quorum), so nothing left out of `change` moves.
   */
  update(name: string, change: ClusterChange, options?: UpdateOptions): Promise<Cluster>;
  /** Polls until `ready` (the API has no watch); an `error` status stops it at once. */
  waitUntilReady(name: string, options?: WaitOptions): Promise<Cluster>;
  /** Polls until reading the cluster answers 404. */
  waitUntilDeleted(name: string, options?: WaitOptions): Promise<void>;
  /** Accepts the deletion; the cluster disappears later (reading it then answers 404). */
  delete(name: string, options?: CallOptions): Promise<void>;
}

export interface DatabasesApi {
  list(options?: CallOptions): Promise<Database[]>;
  get(databaseName: string, options?: CallOptions): Promise<Database>;
  create(database: DatabaseCreate, options?: CallOptions): Promise<Database>;
  /** Sets the whole extension list (the API replaces it). */
  setExtensions(databaseName: string, extensions: string[], options?: CallOptions): Promise<Database>;
  /** Reads the list and adds to it, keeping the other extensions. */
  addExtensions(databaseName: string, extensions: string[], options?: CallOptions): Promise<Database>;
  /** Reads the list and removes from it, keeping the other extensions. */
  removeExtensions(databaseName: string, extensions: string[], options?: CallOptions): Promise<Database>;
  delete(databaseName: string, options?: CallOptions): Promise<void>;
}

export interface UsersApi {
  list(options?: CallOptions): Promise<User[]>;
  get(username: string, options?: CallOptions): Promise<User>;
  /**
   * The answer carries the generated password; it is never returned again. If that answer is lost
   * (a NetworkError or TimeoutError), the user may exist without a known password: read it, then
   * rotate its password.
   */
  create(user: UserCreate, options?: CallOptions): Promise<UserCreated>;
  /** Reads the user, applies `change` and sends the complete configuration, so untouched roles and privileges stay. */
  update(username: string, change: UserChange, options?: CallOptions): Promise<User>;
  /** Gives the user `role` on one database, keeping its other roles. */
  grant(username: string, databaseName: string, role: NonNullable<UserDatabaseRoleInput['role']>, options?: CallOptions): Promise<User>;
  /** Takes the user's role on one database away, keeping its other roles. */
  revoke(username: string, databaseName: string, options?: CallOptions): Promise<User>;
  delete(username: string, options?: CallOptions): Promise<void>;
  /** A new generated password; the old one stops working at once. */
  rotatePassword(username: string, options?: CallOptions): Promise<PasswordRotated>;
}

export interface PostgresApi {
  clusters: ClustersApi;
  databases(clusterName: string): DatabasesApi;
  users(clusterName: string): UsersApi;
  presets(options?: CallOptions): Promise<Preset[]>;
  extensions(options?: CallOptions): Promise<string[]>;
}

export function postgresApi(http: PublicHttp): PostgresApi {
  const inProject = () => `project ${http.projectId}`;

  const clusters: ClustersApi = {
    async list(options = {}) {
      const resource = `the clusters of ${inProject()}`;
      return (await http.call({ operationId: 'PostgresService_ListPostgresClusters', resource, signal: options.signal }, readClusterList)).clusters;
    },
    get(name, options = {}) {
      return http.call(
        { operationId: 'PostgresService_GetPostgresCluster', params: { name }, resource: `cluster "${name}"`, signal: options.signal },
        readCluster,
      );
    },
    async create(cluster, options = {}) {
      const resource = `cluster "${String(cluster.name)}"`;
      const body = checked(clusterCreateSchema, cluster, resource);
      try {
        return await http.call({ operationId: 'PostgresService_CreatePostgresCluster', body, resource, signal: options.signal }, readCluster);
      } catch (error) {
        const asked = (found: Cluster) =>
          found.version === body.version && found.size === body.size && (body.replicas === undefined || found.replicas === body.replicas);
        return recoverLostCreate(error, () => clusters.get(body.name, options), asked);
      }
    },
    async update(name, change, options = {}) {
      const resource = `cluster "${name}"`;
      const current = await clusters.get(name, options);
      if (options.ifUpdatedAt !== undefined && current.updatedAt !== options.ifUpdatedAt) {
        throw changedSinceRead('PostgresService_UpdatePostgresCluster', resource, options.ifUpdatedAt, current.updatedAt);
      }
      const body = checked(clusterUpdateSchema, clusterUpdateBody(current, change), resource);
      const issues = clusterUpdateIssues(current, body);
      if (issues.length > 0) throw new ValidationError(resource, issues);
      return http.call({ operationId: 'PostgresService_UpdatePostgresCluster', params: { name }, body, resource, signal: options.signal }, readCluster);
    },
    waitUntilReady(name, options = {}) {
      return waitUntilReady(clusters, name, options);
    },
    waitUntilDeleted(name, options = {}) {
      return waitUntilDeleted(clusters, name, options);
    },
    async delete(name, options = {}) {
      await http.call(
        { operationId: 'PostgresService_DeletePostgresCluster', params: { name }, resource: `cluster "${name}"`, signal: options.signal },
        readDeleted,
      );
    },
  };

  const databases = (clusterName: string): DatabasesApi => {
    const of = (databaseName: string) => `database "${databaseName}" of cluster "${clusterName}"`;
    // Methods call each other through `api`, not `this`, so they can be passed around alone.
    const api: DatabasesApi = {
      async list(options = {}) {
        const call = {
          operationId: 'PostgresService_ListDatabases',
          params: { clusterName },
          resource: `the databases of cluster "${clusterName}"`,
          signal: options.signal,
        } as const;
        return (await http.call(call, readDatabaseList)).databases;
      },
      get(databaseName, options = {}) {
        return http.call(
          { operationId: 'PostgresService_GetDatabase', params: { clusterName, databaseName }, resource: of(databaseName), signal: options.signal },
          readDatabase,
        );
      },
      async create(database, options = {}) {
        const resource = of(String(database.databaseName));
        const body = checked(databaseCreateSchema, database, resource);
        try {
          return await http.call(
            { operationId: 'PostgresService_CreateDatabase', params: { clusterName }, body, resource, signal: options.signal },
            readDatabase,
          );
        } catch (error) {
          const asked = (found: Database) => (body.extensions ?? []).every((name) => found.extensions.includes(name));
          return recoverLostCreate(error, () => api.get(body.databaseName, options), asked);
        }
      },
      async setExtensions(databaseName, extensions, options = {}) {
        const body = checked(databaseUpdateSchema, { extensions }, of(databaseName));
        const call = {
          operationId: 'PostgresService_UpdateDatabase',
          params: { clusterName, databaseName },
          body,
          resource: of(databaseName),
          signal: options.signal,
        } as const;
        return http.call(call, readDatabase);
      },
      async addExtensions(databaseName, extensions, options = {}) {
        const current = await api.get(databaseName, options);
        return api.setExtensions(databaseName, extensionsAfter(current.extensions, extensions, []), options);
      },
      async removeExtensions(databaseName, extensions, options = {}) {
        const current = await api.get(databaseName, options);
        return api.setExtensions(databaseName, extensionsAfter(current.extensions, [], extensions), options);
      },
      async delete(databaseName, options = {}) {
        await http.call(
          { operationId: 'PostgresService_DeleteDatabase', params: { clusterName, databaseName }, resource: of(databaseName), signal: options.signal },
          readDeleted,
        );
      },
    };
    return api;
  };

  const users = (clusterName: string): UsersApi => {
    const of = (username: string) => `user "${username}" of cluster "${clusterName}"`;
    const api: UsersApi = {
      async list(options = {}) {
        const call = {
          operationId: 'PostgresService_ListUsers',
          params: { clusterName },
          resource: `the users of cluster "${clusterName}"`,
          signal: options.signal,
        } as const;
        return (await http.call(call, readUserList)).users;
      },
      get(username, options = {}) {
        return http.call(
          { operationId: 'PostgresService_GetUser', params: { clusterName, username }, resource: of(username), signal: options.signal },
          readUser,
        );
      },
      async create(user, options = {}) {
        const resource = of(String(user.username));
        const body = checked(userCreateSchema, user, resource);
        return http.call({ operationId: 'PostgresService_CreateUser', params: { clusterName }, body, resource, signal: options.signal }, readUserCreated);
      },
      async update(username, change, options = {}) {
        const current = await api.get(username, options);
        const body = checked(userUpdateSchema, userUpdateBody(current, change), of(username));
        return http.call(
          { operationId: 'PostgresService_UpdateUser', params: { clusterName, username }, body, resource: of(username), signal: options.signal },
          readUser,
        );
      },
      grant(username, databaseName, role, options = {}) {
        return api.update(username, { databases: { [databaseName]: { role } } }, options);
      },
      revoke(username, databaseName, options = {}) {
        return api.update(username, { databases: { [databaseName]: { role: '' } } }, options);
      },
      async delete(username, options = {}) {
        await http.call(
          { operationId: 'PostgresService_DeleteUser', params: { clusterName, username }, resource: of(username), signal: options.signal },
          readDeleted,
        );
      },
      rotatePassword(username, options = {}) {
        return http.call(
          { operationId: 'PostgresService_RotateUserPassword', params: { clusterName, username }, resource: of(username), signal: options.signal },
          readPasswordRotated,
        );
      },
    };
    return api;
  };

  return {
    clusters,
    databases,
    users,
    async presets(options = {}) {
      return (await http.call({ operationId: 'PostgresService_ListPostgresPresets', resource: 'the presets catalog', signal: options.signal }, readPresetList))
        .presets;
    },
    async extensions(options = {}) {
      return (await http.call({ operationId: 'PostgresService_ListExtensions', resource: 'the extensions catalog', signal: options.signal }, readExtensionList))
        .extensions;
    },
  };
}
