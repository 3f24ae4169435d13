import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import {
  clusterCreateSchema,
  clusterListSchema,
  clusterSchema,
  databaseCreateSchema,
  databaseListSchema,
  databaseSchema,
  deletedSchema,
  extensionListSchema,
  passwordRotatedSchema,
  presetListSchema,
  userCreatedSchema,
  userCreateSchema,
  userListSchema,
  userSchema,
  type Cluster,
  type ClusterCreate,
  type Database,
  type DatabaseCreate,
  type PasswordRotated,
  type Preset,
  type User,
  type UserCreate,
  type UserCreated,
} from '../generated/public/zod.js';
import { fromZodIssues } from '../validation/validation-issue.js';
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

export interface ClustersApi {
  list(options?: CallOptions): Promise<Cluster[]>;
  get(name: string, options?: CallOptions): Promise<Cluster>;
  create(cluster: ClusterCreate, options?: CallOptions): Promise<Cluster>;
  /** Accepts the deletion; the cluster disappears later (reading it then answers 404). */
  delete(name: string, options?: CallOptions): Promise<void>;
}

export interface DatabasesApi {
  list(options?: CallOptions): Promise<Database[]>;
  get(databaseName: string, options?: CallOptions): Promise<Database>;
  create(database: DatabaseCreate, options?: CallOptions): Promise<Database>;
  delete(databaseName: string, options?: CallOptions): Promise<void>;
}

export interface UsersApi {
  list(options?: CallOptions): Promise<User[]>;
  get(username: string, options?: CallOptions): Promise<User>;
  /** The answer carries the generated password; it is never returned again. */
  create(user: UserCreate, options?: CallOptions): Promise<UserCreated>;
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
      return (await http.call({ operationId: 'PostgresService_ListPostgresClusters', resource, signal: options.signal }, clusterListSchema)).clusters;
    },
    get(name, options = {}) {
      return http.call({ operationId: 'PostgresService_GetPostgresCluster', params: { name }, resource: `cluster "${name}"`, signal: options.signal }, clusterSchema);
    },
    async create(cluster, options = {}) {
      const resource = `cluster "${String(cluster.name)}"`;
      const body = checked(clusterCreateSchema, cluster, resource);
      return http.call({ operationId: 'PostgresService_CreatePostgresCluster', body, resource, signal: options.signal }, clusterSchema);
    },
    async delete(name, options = {}) {
      await http.call({ operationId: 'PostgresService_DeletePostgresCluster', params: { name }, resource: `cluster "${name}"`, signal: options.signal }, deletedSchema);
    },
  };

  const databases = (clusterName: string): DatabasesApi => {
    const of = (databaseName: string) => `database "${databaseName}" of cluster "${clusterName}"`;
    return {
      async list(options = {}) {
        const call = { operationId: 'PostgresService_ListDatabases', params: { clusterName }, resource: `the databases of cluster "${clusterName}"`, signal: options.signal } as const;
        return (await http.call(call, databaseListSchema)).databases;
      },
      get(databaseName, options = {}) {
        return http.call({ operationId: 'PostgresService_GetDatabase', params: { clusterName, databaseName }, resource: of(databaseName), signal: options.signal }, databaseSchema);
      },
      async create(database, options = {}) {
        const resource = of(String(database.databaseName));
        const body = checked(databaseCreateSchema, database, resource);
        return http.call({ operationId: 'PostgresService_CreateDatabase', params: { clusterName }, body, resource, signal: options.signal }, databaseSchema);
      },
      async delete(databaseName, options = {}) {
        await http.call({ operationId: 'PostgresService_DeleteDatabase', params: { clusterName, databaseName }, resource: of(databaseName), signal: options.signal }, deletedSchema);
      },
    };
  };

  const users = (clusterName: string): UsersApi => {
    const of = (username: string) => `user "${username}" of cluster "${clusterName}"`;
    return {
      async list(options = {}) {
        const call = { operationId: 'PostgresService_ListUsers', params: { clusterName }, resource: `the users of cluster "${clusterName}"`, signal: options.signal } as const;
        return (await http.call(call, userListSchema)).users;
      },
      get(username, options = {}) {
        return http.call({ operationId: 'PostgresService_GetUser', params: { clusterName, username }, resource: of(username), signal: options.signal }, userSchema);
      },
      async create(user, options = {}) {
        const resource = of(String(user.username));
        const body = checked(userCreateSchema, user, resource);
        return http.call({ operationId: 'PostgresService_CreateUser', params: { clusterName }, body, resource, signal: options.signal }, userCreatedSchema);
      },
      async delete(username, options = {}) {
        await http.call({ operationId: 'PostgresService_DeleteUser', params: { clusterName, username }, resource: of(username), signal: options.signal }, deletedSchema);
      },
      rotatePassword(username, options = {}) {
        return http.call({ operationId: 'PostgresService_RotateUserPassword', params: { clusterName, username }, resource: of(username), signal: options.signal }, passwordRotatedSchema);
      },
    };
  };

  return {
    clusters,
    databases,
    users,
    async presets(options = {}) {
      return (await http.call({ operationId: 'PostgresService_ListPostgresPresets', resource: 'the presets catalog', signal: options.signal }, presetListSchema)).presets;
    },
    async extensions(options = {}) {
      return (await http.call({ operationId: 'PostgresService_ListExtensions', resource: 'the extensions catalog', signal: options.signal }, extensionListSchema)).extensions;
    },
  };
}
