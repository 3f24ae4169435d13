// fast-check generator of hostile requests to the tenant Kubernetes API of Hikube Local: Postgres
// objects of `apps.cozystack.io/v1alpha1` with hostile names, users, databases and parameters,
// merge / JSON / strategic / apply patches, hostile paths, queries, content types and tokens.

import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import {
  hostileContentType,
  hostileJson,
  hostileName,
  hostileParameterName,
  hostileParameterValue,
  hostilePathSegment,
  rawHostileBody,
} from './hostile-values.js';

export const TENANT_NAMESPACE = 'tenant-demo';
export const OTHER_NAMESPACE = 'tenant-b';
const GROUP_PATH = '/apis/apps.cozystack.io/v1alpha1';

/** Who sends the request: the tenant mostly, sometimes another tenant, nobody, or a forged token. */
export type Sender = 'tenant' | 'other-tenant' | 'none' | 'forged';

/** What the request means, for the invariants on what an accepted request may store. */
export interface KubeIntent {
  verb: 'create' | 'replace' | 'patch' | 'delete' | 'read' | 'raw';
  /** The object's spec as sent (create, replace, apply): what it asked for. */
  spec?: Record<string, unknown> | undefined;
  dryRun: boolean;
}

export interface KubeCase {
  method: string;
  path: string;
  sender: Sender;
  contentType: string | undefined;
  body: string | undefined;
  protocol: 'http1' | 'http2';
  intent: KubeIntent;
}

const userName = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/) }, { weight: 1, arbitrary: hostileName });
const databaseName = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) }, { weight: 1, arbitrary: hostileName });
const extension = fc.oneof(fc.constantFrom('pg_trgm', 'uuid-ossp', 'hstore', 'citext', 'plpython3u', 'adminpack', 'file_fdw'), hostileName);

const user = fc.oneof(
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
const mostly = <T, U>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>, odds = 5): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: odds, arbitrary: valid }, { weight: 1, arbitrary: hostile });

const validUserName = fc.constantFrom('app', 'alice', 'bob', 'u_1', 'reader', 'constructor');
const validDatabaseName = fc.constantFrom('app', 'shop', 'blog-2', 'db.x', 'valueOf');
const validParameters = fc.dictionary(
  fc.constantFrom('work_mem', 'log_statement', 'max_connections', 'auto_explain.log_min_duration', 'statement_timeout'),
  fc.constantFrom<unknown>('64MB', 'all', 200, '5s', 0),
  { maxKeys: 3 },
);

/** A spec the document accepts, or nearly: names, users, databases and parameters a tenant would write. */
const plausibleSpec: fc.Arbitrary<Record<string, unknown>> = fc.record(
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

const spec = fc.oneof({ weight: 3, arbitrary: plausibleSpec }, { weight: 2, arbitrary: hostileSpec });

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

const postgresObject = fc.record({
  apiVersion: mostly(fc.constant('apps.cozystack.io/v1alpha1'), fc.constantFrom('v1', 'apps.cozystack.io/v1', ''), 8),
  kind: mostly(fc.constant('Postgres'), fc.constantFrom('Secret', 'postgres', ''), 8),
  metadata: metadata(objectName),
  spec: mostly(spec, hostileJson, 8),
  status: fc.option(fc.record({ conditions: hostileJson }), { nil: undefined, freq: 15 }),
});

/** JSON Patch (RFC 6902) operations aimed at the fields that create roles and settings. */
const pointer = fc.oneof(
  fc.constantFrom(
    '',
    '/',
    '/spec',
    '/spec/users',
    '/spec/databases',
    '/spec/postgresql/parameters',
    '/metadata/name',
    '/metadata/namespace',
    '/status',
    '/spec/replicas',
    '/spec/users/-',
    '/spec/~2',
    '/spec/~1x',
    '/kind',
  ),
  fc
    .tuple(
      fc.constantFrom('/spec/users/', '/spec/databases/', '/spec/postgresql/parameters/', '/metadata/labels/'),
      mostly(fc.constantFrom('app', 'bob', 'work_mem', 'shop'), hostileName, 2),
    )
    .map(([a, b]) => a + b.replaceAll('~', '~0').replaceAll('/', '~1')),
);
const jsonPatchOp = fc.record(
  {
    op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'nope'),
    path: pointer,
    from: pointer,
    value: fc.oneof(hostileJson, user, hostileParameterValue),
  },
  { requiredKeys: ['op', 'path'] },
);

const mergePatch = fc.record(
  {
    metadata: fc.record(
      {
        name: fc.option(hostileName, { nil: undefined, freq: 10 }),
        labels: fc.dictionary(hostileName, fc.oneof(hostileName, fc.constant(null)), { maxKeys: 2 }),
        finalizers: fc.array(hostileName, { maxLength: 1 }),
      },
      { requiredKeys: [] },
    ),
    spec: mostly(spec, fc.oneof(fc.constant(null), hostileJson), 6),
    status: hostileJson,
  },
  { requiredKeys: [] },
);

const query = fc
  .record(
    {
      fieldValidation: mostly(fc.constantFrom('Strict', 'Warn', 'Ignore'), fc.constantFrom('strict', 'x', '')),
      dryRun: mostly(fc.constant('All'), fc.constantFrom('all', 'x', ''), 1),
      fieldManager: mostly(fc.constant('fuzz'), hostileName),
      force: fc.constantFrom('true', 'false', 'x'),
      propagationPolicy: mostly(fc.constantFrom('Background', 'Foreground', 'Orphan'), fc.constant('x')),
      extra: hostileName,
    },
    { requiredKeys: [] },
  )
  .map((q) => ({
    q,
    text: Object.entries(q)
      .map(([k, v]) => `${k}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, 'x'))}`)
      .join('&'),
  }));

const namespaceSegment = fc.oneof(
  { weight: 12, arbitrary: fc.constant(TENANT_NAMESPACE) },
  { weight: 1, arbitrary: fc.constant(OTHER_NAMESPACE) },
  { weight: 1, arbitrary: hostilePathSegment },
);
const nameSegment = mostly(fc.constantFrom('keep', 'fuzz-a', 'fuzz-b'), hostilePathSegment, 3);

const resourcePath = fc
  .record({ ns: namespaceSegment, name: nameSegment, sub: mostly(fc.constant(''), fc.constantFrom('/status', '/scale', '/x/y'), 6) })
  .map(({ ns, name, sub }) => ({
    name,
    collection: `${GROUP_PATH}/namespaces/${ns}/postgreses`,
    named: `${GROUP_PATH}/namespaces/${ns}/postgreses/${name}${sub}`,
  }));

const sender: fc.Arbitrary<Sender> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Sender>('tenant') },
  { weight: 1, arbitrary: fc.constantFrom<Sender>('other-tenant', 'none', 'forged') },
);
const protocol = fc.constantFrom<'http1' | 'http2'>('http1', 'http1', 'http2');

const objectText = (object: unknown, contentType: string | undefined, asYaml: boolean): string =>
  asYaml && contentType?.includes('yaml') ? toYaml(object) : JSON.stringify(object);

/** Anything at all: every part of the request may be hostile. */
const hostileKubeRequest: fc.Arbitrary<KubeCase> = fc
  .record({ paths: resourcePath, query, sender, protocol, asYaml: fc.boolean(), raw: rawHostileBody })
  .chain(({ paths, query: { q, text }, sender, protocol, asYaml, raw }) => {
    const dryRun = q.dryRun === 'All';
    const withQuery = (path: string): string => (text ? `${path}?${text}` : path);
    const common = { sender, protocol };
    const create = fc
      .record({ object: postgresObject, contentType: hostileContentType(['application/json', 'application/yaml']) })
      .map(({ object, contentType }) => ({
        ...common,
        method: 'POST',
        path: withQuery(paths.collection),
        contentType,
        body: objectText(object, contentType, asYaml),
        intent: { verb: 'create' as const, spec: asSpec(object.spec), dryRun },
      }));
    // A replacement names the object of its URL, mostly (kubectl replace does).
    const replacement = fc
      .record({ object: postgresObject, sameName: fc.boolean() })
      .map(({ object, sameName }) => (sameName ? { ...object, metadata: { ...object.metadata, name: paths.name } } : object));
    const replace = fc
      .record({ object: replacement, contentType: hostileContentType(['application/json', 'application/yaml']) })
      .map(({ object, contentType }) => ({
        ...common,
        method: 'PUT',
        path: withQuery(paths.named),
        contentType,
        body: objectText(object, contentType, asYaml),
        intent: { verb: 'replace' as const, spec: asSpec(object.spec), dryRun },
      }));
    const patch = fc
      .oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            body: mergePatch.map((p) => JSON.stringify(p)),
            contentType: hostileContentType(['application/merge-patch+json']),
            spec: fc.constant(undefined),
          }),
        },
        {
          weight: 3,
          arbitrary: fc.record({
            body: fc.array(jsonPatchOp, { maxLength: 4 }).map((p) => JSON.stringify(p)),
            contentType: hostileContentType(['application/json-patch+json']),
            spec: fc.constant(undefined),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            body: mergePatch.map((p) => JSON.stringify(p)),
            contentType: fc.constant('application/strategic-merge-patch+json'),
            spec: fc.constant(undefined),
          }),
        },
        {
          weight: 3,
          arbitrary: replacement.chain((object) =>
            fc.record({
              body: fc.constant(objectText(object, 'yaml', asYaml)),
              contentType: hostileContentType(['application/apply-patch+yaml']),
              spec: fc.constant(asSpec(object.spec)),
            }),
          ),
        },
      )
      .map(({ body, contentType, spec }) => ({
        ...common,
        method: 'PATCH',
        path: withQuery(paths.named),
        contentType,
        body,
        intent: { verb: 'patch' as const, ...(spec ? { spec } : {}), dryRun },
      }));
    const remove = fc
      .record({
        body: fc.option(
          fc.oneof(
            hostileJson.map((v) => JSON.stringify(v)),
            fc.constant('{"dryRun":["All"]}'),
            fc.constant('{"preconditions":{"resourceVersion":"1"}}'),
          ),
          { nil: undefined },
        ),
        collection: mostly(fc.constant(false), fc.constant(true), 3),
      })
      .map(({ body, collection }) => ({
        ...common,
        method: 'DELETE',
        path: withQuery(collection ? paths.collection : paths.named),
        contentType: body === undefined ? undefined : 'application/json',
        body,
        intent: { verb: 'delete' as const, dryRun },
      }));
    const read = fc
      .record({
        collection: fc.boolean(),
        selector: fc.constantFrom(
          '',
          'labelSelector=a%20in%20(',
          'fieldSelector=metadata.name%3D%3D',
          'limit=-1',
          'limit=x',
          'continue=%00',
          'resourceVersion=x',
          'watch=false',
        ),
      })
      .map(({ collection, selector }) => ({
        ...common,
        method: 'GET',
        path: `${collection ? paths.collection : paths.named}${selector ? `?${selector}` : ''}`,
        contentType: undefined,
        body: undefined,
        intent: { verb: 'read' as const, dryRun: false },
      }));
    const rawBody = fc
      .record({
        method: fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'BREW'),
        collection: fc.boolean(),
        contentType: hostileContentType(['application/json', 'application/yaml', 'application/merge-patch+json', 'application/apply-patch+yaml']),
      })
      .map(({ method, collection, contentType }) => ({
        ...common,
        method,
        path: withQuery(collection ? paths.collection : paths.named),
        contentType,
        body: raw,
        intent: { verb: 'raw' as const, dryRun },
      }));
    return fc.oneof(
      { weight: 4, arbitrary: create },
      { weight: 2, arbitrary: replace },
      { weight: 4, arbitrary: patch },
      { weight: 1, arbitrary: remove },
      { weight: 1, arbitrary: read },
      { weight: 2, arbitrary: rawBody },
    );
  });

function asSpec(spec: unknown): Record<string, unknown> | undefined {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as Record<string, unknown>) : undefined;
}

const validJsonPatchOp = fc.oneof(
  fc.record({ op: fc.constantFrom('add', 'replace'), path: validUserName.map((u) => `/spec/users/${u}`), value: fc.constant({}) }),
  fc.record({ op: fc.constant('remove'), path: fc.constantFrom('/spec/users/app', '/spec/databases/app', '/spec/postgresql/parameters/max_connections') }),
  fc.record({
    op: fc.constantFrom('add', 'replace'),
    path: fc.constantFrom('/spec/postgresql/parameters/work_mem', '/spec/postgresql/parameters/log_statement'),
    value: fc.constantFrom('64MB', 'all', 'ddl'),
  }),
);

/** What a tenant would send, with hostile names, users, databases and parameters inside: most of it is stored. */
const plausibleKubeRequest: fc.Arbitrary<KubeCase> = fc
  .record({ name: fc.constantFrom('keep', 'fuzz-a', 'fuzz-b', 'fuzz-c'), spec: plausibleSpec, yaml: fc.boolean(), protocol, dryRun: fc.boolean() })
  .chain(({ name, spec, yaml, protocol, dryRun }) => {
    const collection = `${GROUP_PATH}/namespaces/${TENANT_NAMESPACE}/postgreses`;
    const object = { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name }, spec };
    const objectType = yaml ? 'application/yaml' : 'application/json';
    const query = (extra: string): string => [extra, dryRun ? 'dryRun=All' : ''].filter(Boolean).join('&');
    const base = { sender: 'tenant' as const, protocol, intent: { verb: 'create' as const, spec, dryRun } };
    return fc
      .constantFrom<KubeCase>(
        {
          ...base,
          method: 'POST',
          path: `${collection}?${query('fieldValidation=Strict')}`,
          contentType: objectType,
          body: objectText(object, objectType, yaml),
        },
        {
          ...base,
          method: 'PUT',
          path: `${collection}/${name}?${query('')}`,
          contentType: objectType,
          body: objectText(object, objectType, yaml),
          intent: { ...base.intent, verb: 'replace' },
        },
        {
          ...base,
          method: 'PATCH',
          path: `${collection}/${name}?${query('')}`,
          contentType: 'application/merge-patch+json',
          body: JSON.stringify({ spec }),
          intent: { verb: 'patch', dryRun },
        },
        {
          ...base,
          method: 'PATCH',
          path: `${collection}/${name}?${query('fieldManager=fuzz&force=true')}`,
          contentType: 'application/apply-patch+yaml',
          body: objectText(object, 'yaml', yaml),
          intent: { ...base.intent, verb: 'patch' },
        },
      )
      .chain((c) =>
        c.method === 'PATCH' && c.contentType === 'application/merge-patch+json'
          ? fc.oneof(
              fc.constant(c),
              fc
                .array(validJsonPatchOp, { minLength: 1, maxLength: 3 })
                .map((ops) => ({ ...c, contentType: 'application/json-patch+json', body: JSON.stringify(ops) })),
            )
          : fc.constant(c),
      );
  });

/** One request to the tenant Kubernetes API: half what a tenant would send, half anything. */
export const kubeFrontRequest: fc.Arbitrary<KubeCase> = fc.oneof(plausibleKubeRequest, hostileKubeRequest);
