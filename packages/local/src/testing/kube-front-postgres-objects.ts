// Postgres objects of `apps.cozystack.io/v1alpha1` for the request generators: specs a tenant
// would write, specs with any hostile value, and the metadata around them.

import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { hostileJson, hostileName, hostileParameterName, hostileParameterValue } from './hostile-values.js';
import { OTHER_NAMESPACE, TENANT_NAMESPACE } from './kube-front-case.js';

const userName = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/) }, { weight: 1, arbitrary: hostileName });
const databaseName = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) }, { weight: 1, arbitrary: hostileName });
const extension = fc.oneof(fc.constantFrom('pg_trgm', 'uuid-ossp', 'hstore', 'citext', 'plpython3u', 'adminpack', 'file_fdw'), hostileName);

export const user = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ password: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{8,16}$/), hostileName), replication: fc.boolean() }, { requiredKeys: [] }),
  },
  { weight: 1, arbitrary: hostileJson },
);
const database = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        extensions: fc.array(extension, { maxLength: 3 }),
        roles: fc.record({ admin: fc.array(userName, { maxLength: 2 }), readonly: fc.array(userName, { maxLength: 2 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: hostileJson },
);

/** Mostly `valid`, sometimes `hostile`: requests must get past the first check to probe the next ones. */
export const mostly = <T, U>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>, odds = 5): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: odds, arbitrary: valid }, { weight: 1, arbitrary: hostile });

export const validUserName = fc.constantFrom('app', 'alice', 'bob', 'u_1', 'reader', 'constructor');
const validDatabaseName = fc.constantFrom('app', 'shop', 'blog-2', 'db.x', 'valueOf');
const validParameters = fc.dictionary(
  fc.constantFrom('work_mem', 'log_statement', 'max_connections', 'auto_explain.log_min_duration', 'statement_timeout'),
  fc.constantFrom<unknown>('64MB', 'all', 200, '5s', 0),
  { maxKeys: 3 },
);

/** A spec the document accepts, or nearly: names, users, databases and parameters a tenant would write. */
export const plausibleSpec: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    replicas: fc.integer({ min: 1, max: 3 }),
    version: fc.constantFrom('v18', 'v17', 'v15'),
    resourcesPreset: fc.constantFrom('nano', 'micro', 't1.small'),
    size: fc.constantFrom('1Gi', '10Gi'),
    external: fc.boolean(),
    schedulingClass: fc.constantFrom('', 'spread', 'gland'),
    quorum: fc.constant({ minSyncReplicas: 0, maxSyncReplicas: 0 }),
    postgresql: fc.record({ parameters: mostly(validParameters, fc.dictionary(hostileParameterName, hostileParameterValue, { maxKeys: 2 }), 2) }),
    users: fc.dictionary(
      mostly(validUserName, userName, 3),
      mostly(fc.record({ password: fc.stringMatching(/^[A-Za-z0-9]{8,16}$/), replication: fc.boolean() }, { requiredKeys: [] }), user, 3),
      { maxKeys: 3 },
    ),
    databases: fc.dictionary(
      mostly(validDatabaseName, databaseName, 3),
      mostly(
        fc.record(
          {
            extensions: fc.array(fc.constantFrom('pg_trgm', 'hstore'), { maxLength: 2 }),
            roles: fc.record({ admin: fc.array(validUserName, { maxLength: 1 }) }),
          },
          { requiredKeys: [] },
        ),
        database,
        3,
      ),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: [] },
);

/** Every field of the spec, each with any hostile value. */
const hostileSpec: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    replicas: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, -1, 9, 1.5, '2', null, 2 ** 53)),
    version: fc.oneof(fc.constantFrom('v18', 'v17', 'v15'), hostileName),
    resourcesPreset: fc.oneof(fc.constantFrom('nano', 'micro', 't1.small'), hostileName),
    size: fc.oneof(fc.constantFrom('1Gi', '10Gi', '0', '-1Gi', '1Ei', '1.5Gi'), hostileName),
    storageClass: fc.constantFrom('', 'local', 'replicated', 'x'),
    external: fc.oneof(fc.boolean(), fc.constantFrom('true', 1)),
    schedulingClass: fc.oneof(fc.constantFrom('', 'spread', 'gland', 'primary-geneva'), hostileName),
    quorum: fc.record({ minSyncReplicas: fc.integer({ min: -1, max: 3 }), maxSyncReplicas: fc.integer({ min: -1, max: 3 }) }, { requiredKeys: [] }),
    postgresql: fc.record({ parameters: fc.dictionary(hostileParameterName, hostileParameterValue, { maxKeys: 4 }) }, { requiredKeys: [] }),
    users: fc.dictionary(userName, user, { maxKeys: 3 }),
    databases: fc.dictionary(databaseName, database, { maxKeys: 2 }),
    backup: hostileJson,
    unknownField: hostileJson,
  },
  { requiredKeys: [] },
);

export const spec = fc.oneof({ weight: 3, arbitrary: plausibleSpec }, { weight: 2, arbitrary: hostileSpec });

/** Names for new objects: a small pool, so creates collide and patches find them, plus hostile ones. */
const objectName = mostly(fc.constantFrom('fuzz-a', 'fuzz-b', 'fuzz-c', 'keep'), hostileName, 6);

const metadata = (name: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> =>
  mostly(
    fc.record(
      { name, namespace: fc.constant(TENANT_NAMESPACE), labels: fc.dictionary(fc.constantFrom('team', 'app.kubernetes.io/name'), fc.constantFrom('a', 'b')) },
      { requiredKeys: ['name'] },
    ),
    fc.record(
      {
        name,
        namespace: fc.constantFrom(TENANT_NAMESPACE, OTHER_NAMESPACE, 'default', ''),
        labels: fc.dictionary(hostileName, fc.oneof(hostileName, hostileJson), { maxKeys: 2 }),
        finalizers: fc.array(hostileName, { maxLength: 2 }),
        ownerReferences: hostileJson,
        resourceVersion: fc.constantFrom('1', '0', 'x', '999999999'),
        uid: hostileName,
      },
      { requiredKeys: ['name'] },
    ),
    3,
  );

export const postgresObject = fc.record({
  apiVersion: mostly(fc.constant('apps.cozystack.io/v1alpha1'), fc.constantFrom('v1', 'apps.cozystack.io/v1', ''), 8),
  kind: mostly(fc.constant('Postgres'), fc.constantFrom('Secret', 'postgres', ''), 8),
  metadata: metadata(objectName),
  spec: mostly(spec, hostileJson, 8),
  status: fc.option(fc.record({ conditions: hostileJson }), { nil: undefined, freq: 15 }),
});

export const objectText = (object: unknown, contentType: string | undefined, asYaml: boolean): string =>
  asYaml && contentType?.includes('yaml') ? toYaml(object) : JSON.stringify(object);
