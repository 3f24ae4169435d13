// Requests where anything may be hostile: paths, queries, senders, content types, JSON / merge /
// strategic / apply patches and raw bodies aimed at the tenant Kubernetes API.

import fc from 'fast-check';
import { hostileContentType, hostileJson, hostileName, hostileParameterValue, hostilePathSegment, rawHostileBody } from './hostile-values.js';
import { GROUP_PATH, OTHER_NAMESPACE, protocol, TENANT_NAMESPACE, type Sender, type KubeCase } from './kube-front-case.js';
import { mostly, objectText, postgresObject, spec, user } from './kube-front-postgres-objects.js';

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
/** Anything at all: every part of the request may be hostile. */
export const hostileKubeRequest: fc.Arbitrary<KubeCase> = fc
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
