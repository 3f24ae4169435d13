// The API over a real loopback HTTP server (plain HTTP here; TLS is covered by the kubectl suite):
// Status errors with the right code and reason, preconditions, dry runs, finalizers, paging,
// watch resume and 410, discovery and OpenAPI shapes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectService } from '../store/object-service.js';
import { ObjectStore } from '../store/object-store.js';
import { NAMESPACE } from '../store/resource-types.js';
import { Admission } from './admission.js';
import { ApiServer } from './api-server.js';
import { Authenticator } from './auth.js';
import { OpenApiDocuments } from './openapi.js';

const ADMIN = 'admin-token';
const TENANT = 'tenant-token';
const P = '/apis/apps.cozystack.io/v1alpha1/namespaces/team-a/postgreses';

let server: ApiServer;
let base: string;

async function startServer(options: { maxInFlight?: number; historySize?: number } = {}): Promise<{ server: ApiServer; base: string }> {
  const store = await ObjectStore.open({ historySize: options.historySize ?? 1000 });
  const service = new ObjectService(store);
  for (const name of ['team-a', 'team-b']) await service.create(NAMESPACE, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const s = new ApiServer({
    service,
    authenticator: new Authenticator({ admin: ADMIN, tenants: { 'team-a': TENANT } }),
    admission: new Admission(),
    openapi: new OpenApiDocuments(),
    heartbeatMs: 50,
    ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
  });
  const port = await s.listen(0);
  return { server: s, base: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  ({ server, base } = await startServer());
});
afterAll(async () => {
  await server.close();
});

interface Call {
  method?: string;
  path: string;
  token?: string | null;
  body?: unknown;
  raw?: string;
  contentType?: string;
  accept?: string;
}

async function call(c: Call, root = base): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': c.contentType ?? 'application/json' };
  const token = c.token === undefined ? TENANT : c.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  if (c.accept) headers['accept'] = c.accept;
  const init: RequestInit = { method: c.method ?? 'GET', headers };
  if (c.raw !== undefined) init.body = c.raw;
  else if (c.body !== undefined) init.body = JSON.stringify(c.body);
  const res = await fetch(root + c.path, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

const pg = (name: string, spec: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name },
  spec,
});

describe('Status errors', () => {
  beforeAll(async () => {
    expect((await call({ method: 'POST', path: P, body: pg('exists') })).status).toBe(201);
  });

  const cases: { name: string; req: Call; code: number; reason: string; message?: RegExp }[] = [
    { name: 'no token', req: { path: P, token: null }, code: 401, reason: 'Unauthorized' },
    { name: 'wrong token', req: { path: P, token: 'nope' }, code: 401, reason: 'Unauthorized' },
    { name: 'another namespace', req: { path: P.replace('team-a', 'team-b') }, code: 403, reason: 'Forbidden', message: /in the namespace "team-b"/ },
    { name: 'all namespaces', req: { path: '/apis/apps.cozystack.io/v1alpha1/postgreses' }, code: 403, reason: 'Forbidden', message: /at the cluster scope/ },
    {
      name: 'cluster-scoped write',
      req: { method: 'POST', path: '/apis/cozystack.io/v1alpha1/schedulingclasses', body: { metadata: { name: 'x' }, spec: {} } },
      code: 403,
      reason: 'Forbidden',
    },
    { name: 'missing object', req: { path: `${P}/nope` }, code: 404, reason: 'NotFound', message: /^postgreses\.apps\.cozystack\.io "nope" not found$/ },
    { name: 'unknown resource', req: { path: '/apis/apps.cozystack.io/v1alpha1/namespaces/team-a/widgets' }, code: 404, reason: 'NotFound' },
    { name: 'duplicate create', req: { method: 'POST', path: P, body: pg('exists') }, code: 409, reason: 'AlreadyExists', message: /"exists" already exists/ },
    {
      name: 'stale update',
      req: { method: 'PUT', path: `${P}/exists`, body: { ...pg('exists'), metadata: { name: 'exists', resourceVersion: '1' } } },
      code: 409,
      reason: 'Conflict',
      message: /the object has been modified/,
    },
    {
      name: 'stale merge patch',
      req: { method: 'PATCH', path: `${P}/exists`, contentType: 'application/merge-patch+json', body: { metadata: { resourceVersion: '1' } } },
      code: 409,
      reason: 'Conflict',
    },
    { name: 'malformed JSON', req: { method: 'POST', path: P, raw: '{"metadata":' }, code: 400, reason: 'BadRequest', message: /not valid JSON/ },
    {
      name: 'malformed YAML apply',
      req: { method: 'PATCH', path: `${P}/y?fieldManager=t`, contentType: 'application/apply-patch+yaml', raw: 'a: [b' },
      code: 400,
      reason: 'BadRequest',
      message: /not valid YAML/,
    },
    {
      name: 'body too large',
      req: { method: 'POST', path: P, raw: JSON.stringify({ ...pg('big'), pad: 'x'.repeat(3 * 1024 * 1024) }) },
      code: 413,
      reason: 'RequestEntityTooLarge',
    },
    {
      name: 'strategic merge patch',
      req: { method: 'PATCH', path: `${P}/exists`, contentType: 'application/strategic-merge-patch+json', body: {} },
      code: 415,
      reason: 'UnsupportedMediaType',
    },
    {
      name: 'writing a read-only kind',
      req: { method: 'POST', path: '/api/v1/namespaces/team-a/services', body: { metadata: { name: 's' } } },
      code: 405,
      reason: 'MethodNotAllowed',
    },
    {
      name: 'tenant writing status',
      req: { method: 'PATCH', path: `${P}/exists/status`, contentType: 'application/merge-patch+json', body: { status: {} } },
      code: 403,
      reason: 'Forbidden',
    },
    {
      name: 'unknown field (Strict)',
      req: { method: 'POST', path: `${P}?fieldValidation=Strict`, body: pg('f', { bogus: 1 }) },
      code: 400,
      reason: 'BadRequest',
      message: /unknown field "spec\.bogus"/,
    },
  ];
  it.each(cases)('$name -> $code $reason', async ({ req, code, reason, message }) => {
    const r = await call(req);
    expect(r.status).toBe(code);
    expect(r.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason });
    if (message) expect(r.json['message']).toMatch(message);
  });

  it('422 Invalid names the bad name; the spec is left to the release, as the aggregated API does', async () => {
    const r = await call({ method: 'POST', path: P, body: pg('Bad', { replicas: 'three', version: 'v9', users: { postgres: {} } }) });
    expect(r.status).toBe(422);
    expect(r.json['reason']).toBe('Invalid');
    const causes = (r.json['details'] as { causes: { field: string; reason: string }[] }).causes;
    expect(causes.map((c) => c.field)).toEqual(['metadata.name']);
    expect(r.json['message']).toMatch(/^Postgres\.apps\.cozystack\.io "Bad" is invalid: /);
    const stored = await call({ method: 'POST', path: P, body: pg('bad', { replicas: 'three', version: 'v9', users: { postgres: {} } }) });
    expect(stored.status).toBe(201);
    expect(stored.json['spec']).toMatchObject({ replicas: 'three', version: 'v9', users: { postgres: {} } });
  });

  it('warns instead of failing for unknown fields with fieldValidation=Warn', async () => {
    const r = await call({ method: 'POST', path: `${P}?fieldValidation=Warn`, body: pg('warned', { bogus: 1 }) });
    expect(r.status).toBe(201);
    expect(r.headers.get('warning')).toBe('299 - "unknown field \\"spec.bogus\\""');
  });

  it.each([
    {
      validation: 'Warn',
      warning: ['extra', 'metadata.extra', 'spec.users.alice.x', 'spec.users["a.b"].y', 'spec.bogus']
        .map((f) => `299 - ${JSON.stringify(`unknown field "${f}"`)}`)
        .join(', '),
    },
    { validation: 'Ignore', warning: null },
  ])(
    'drops unknown fields under fieldValidation=$validation, as kube-apiserver prunes them (the property suite found them stored)',
    async ({ validation, warning }) => {
      const name = `pruned-${validation.toLowerCase()}`;
      const body = {
        ...pg(name, { users: { alice: { x: 1 }, 'a.b': { y: true, replication: true } }, bogus: { z: 1 } }),
        extra: 1,
        metadata: { name, extra: 2 },
      };
      const r = await call({ method: 'POST', path: `${P}?fieldValidation=${validation}`, body });
      expect(r.status).toBe(201);
      expect(r.headers.get('warning')).toBe(warning);
      const stored = (await call({ path: `${P}/${name}` })).json;
      expect(stored['spec']).toMatchObject({ users: { alice: {}, 'a.b': { replication: true } } });
      expect(stored['spec']).not.toHaveProperty('bogus');
      expect((stored['spec'] as { users: Record<string, unknown> }).users).toEqual({ alice: {}, 'a.b': { replication: true } });
      expect(stored).not.toHaveProperty('extra');
      expect(stored['metadata']).not.toHaveProperty('extra');
    },
  );

  it('warns about an unknown field named in any script, in an ASCII header (the property suite found a 500)', async () => {
    const r = await call({ method: 'POST', path: `${P}?fieldValidation=Warn`, body: pg('scripts', { users: { app: { 字段: 1, '\u{58977}': 2 } } }) });
    expect(r.status).toBe(201);
    const header = r.headers.get('warning') ?? '';
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const texts = header.split(', 299 - ').map((w) => JSON.parse(w.replace(/^299 - /, '')) as string);
    expect(texts).toEqual(['unknown field "spec.users.app["字段"]"', 'unknown field "spec.users.app["\u{58977}"]"']);
  });

  it('logs the stack of an unexpected failure inside a resource handler, and answers 500', async () => {
    const logged: string[] = [];
    const failing = new Admission({
      Postgres: {
        validate: () => {
          throw new Error('policy exploded');
        },
        applyDefaults: (spec) => spec,
      },
    });
    const store = await ObjectStore.open({});
    const service = new ObjectService(store);
    await service.create(NAMESPACE, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    const s = new ApiServer({
      service,
      authenticator: new Authenticator({ admin: ADMIN, tenants: { 'team-a': TENANT } }),
      admission: failing,
      openapi: new OpenApiDocuments(),
      log: (line) => logged.push(line),
    });
    const root = `http://127.0.0.1:${await s.listen(0)}`;
    try {
      const r = await call({ method: 'POST', path: P, body: pg('boom') }, root);
      expect(r.status).toBe(500);
      expect(r.json).toMatchObject({ reason: 'InternalError', message: 'an error on the server has prevented the request from succeeding' });
      expect(logged).toEqual([
        expect.stringMatching(/^internal error on POST \/apis\/apps\.cozystack\.io\/v1alpha1\/namespaces\/team-a\/postgreses: Error: policy exploded\n\s+at /),
      ]);
    } finally {
      await s.close();
    }
  });

  it('429 when too many requests are in flight', async () => {
    const busy = await startServer({ maxInFlight: 0 });
    try {
      const r = await call({ path: P }, busy.base);
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('1');
    } finally {
      await busy.server.close();
    }
  });
});

describe('SchedulingClass (cluster-scoped, admin-written, SDK-validated)', () => {
  const SC = '/apis/cozystack.io/v1alpha1/schedulingclasses';
  const zoneIn = (values: string[]) => ({ nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values }] }] });
  it.each([
    {
      name: 'a valid class',
      body: {
        metadata: { name: 'two-sites' },
        spec: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: zoneIn(['gland', 'geneva']) },
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }],
        },
      },
      code: 201,
    },
    {
      name: 'In without values',
      body: { metadata: { name: 'bad-in' }, spec: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: zoneIn([]) } } },
      code: 422,
      field: 'spec.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values',
    },
    { name: 'the invented zones field (Strict)', body: { metadata: { name: 'typo' }, spec: { zones: ['gland'] } }, code: 400 },
  ])('admin creates $name -> $code', async ({ body, code, field }) => {
    const r = await call({
      method: 'POST',
      path: `${SC}?fieldValidation=Strict`,
      token: ADMIN,
      body: { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', ...body },
    });
    expect(r.status).toBe(code);
    if (field) expect((r.json['details'] as { causes: { field: string }[] }).causes.map((c) => c.field)).toEqual([field]);
  });

  it('lets tenants read classes', async () => {
    expect((await call({ path: `${SC}/two-sites` })).status).toBe(200);
    expect((await call({ path: SC })).status).toBe(200);
  });

  // cozy:schedulingclass:view grants tenants get, list and watch only.
  it.each([
    {
      verb: 'create',
      req: { method: 'POST', path: SC, body: { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name: 'mine' }, spec: {} } },
    },
    {
      verb: 'update',
      req: {
        method: 'PUT',
        path: `${SC}/two-sites`,
        body: { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name: 'two-sites' }, spec: {} },
      },
    },
    {
      verb: 'patch',
      req: { method: 'PATCH', path: `${SC}/two-sites`, contentType: 'application/merge-patch+json', body: { spec: { nodeSelector: { a: 'b' } } } },
    },
    { verb: 'delete', req: { method: 'DELETE', path: `${SC}/two-sites` } },
  ])('refuses a tenant $verb of a class with 403, as RBAC does', async ({ verb, req }) => {
    const r = await call(req as Call);
    expect(r.status).toBe(403);
    expect(r.json['message']).toMatch(new RegExp(`cannot ${verb} resource "schedulingclasses" in API group "cozystack.io" at the cluster scope`));
    expect((await call({ path: `${SC}/two-sites`, token: ADMIN })).json['spec']).toHaveProperty('topologySpreadConstraints');
  });

  it("lets the admin, not a tenant, label a namespace with the tenant's class", async () => {
    const label = { metadata: { labels: { 'scheduler.cozystack.io/scheduling-class': 'two-sites' } } };
    const ns = '/api/v1/namespaces/team-a';
    expect((await call({ method: 'PATCH', path: ns, contentType: 'application/merge-patch+json', body: label })).status).toBe(403);
    const patched = await call({ method: 'PATCH', path: ns, contentType: 'application/merge-patch+json', body: label, token: ADMIN });
    expect(patched.status).toBe(200);
    expect((await call({ path: ns })).json['metadata']).toMatchObject(label.metadata);
  });
});

describe('object semantics', () => {
  it('fills system metadata and defaults, bumps generation only on spec changes', async () => {
    const created = (await call({ method: 'POST', path: P, body: pg('gen') })).json as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
    expect(created.metadata).toMatchObject({ generation: 1, namespace: 'team-a', finalizers: ['local.hikube.io/cleanup'] });
    expect(created.spec['replicas']).toBe(2);
    const labelled = await call({ method: 'PATCH', path: `${P}/gen`, contentType: 'application/merge-patch+json', body: { metadata: { labels: { a: 'b' } } } });
    expect((labelled.json['metadata'] as { generation: number }).generation).toBe(1);
    const scaled = await call({ method: 'PATCH', path: `${P}/gen`, contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    expect((scaled.json['metadata'] as { generation: number }).generation).toBe(2);
    const same = await call({ method: 'PATCH', path: `${P}/gen`, contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    expect((same.json['metadata'] as { resourceVersion: string }).resourceVersion).toBe(
      (scaled.json['metadata'] as { resourceVersion: string }).resourceVersion,
    );
  });

  it('keeps the cleanup finalizer of a live object when a replace omits it', async () => {
    const created = await call({ method: 'POST', path: P, body: pg('keep') });
    const rv = (created.json['metadata'] as { resourceVersion: string }).resourceVersion;
    const replaced = await call({
      method: 'PUT',
      path: `${P}/keep`,
      body: { ...pg('keep', { replicas: 1 }), metadata: { name: 'keep', resourceVersion: rv } },
    });
    expect(replaced.status).toBe(200);
    expect((replaced.json['metadata'] as { finalizers: string[] }).finalizers).toEqual(['local.hikube.io/cleanup']);
  });

  it('honours dryRun in the DELETE body and waits for finalizers', async () => {
    await call({ method: 'POST', path: P, body: pg('fin') });
    expect((await call({ method: 'DELETE', path: `${P}/fin`, body: { dryRun: ['All'] } })).status).toBe(200);
    expect((await call({ path: `${P}/fin` })).status).toBe(200);
    const pending = await call({ method: 'DELETE', path: `${P}/fin`, body: { propagationPolicy: 'Background' } });
    expect(pending.status).toBe(202);
    expect((pending.json['metadata'] as { deletionTimestamp?: string }).deletionTimestamp).toBeDefined();
    const released = await call({ method: 'PATCH', path: `${P}/fin`, contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
    expect(released.status).toBe(200);
    expect((await call({ path: `${P}/fin` })).status).toBe(404);
  });

  it('pages lists with limit/continue and filters by selectors', async () => {
    for (let i = 0; i < 5; i++)
      await call({ method: 'POST', path: P, body: { ...pg(`page-${i}`), metadata: { name: `page-${i}`, labels: { group: 'paging' } } } });
    const names: string[] = [];
    let cont = '';
    do {
      const r = await call({ path: `${P}?labelSelector=group%3Dpaging&limit=2${cont ? `&continue=${cont}` : ''}` });
      names.push(...(r.json['items'] as { metadata: { name: string } }[]).map((i) => i.metadata.name));
      cont = (r.json['metadata'] as { continue?: string }).continue ?? '';
    } while (cont);
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    const one = await call({ path: `${P}?fieldSelector=metadata.name%3Dpage-3` });
    expect((one.json['items'] as unknown[]).length).toBe(1);
  });

  it('returns a Table when asked', async () => {
    const r = await call({ path: `${P}/gen`, accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(r.json['kind']).toBe('Table');
    expect((r.json['columnDefinitions'] as { name: string }[]).map((c) => c.name)).toEqual(['Name', 'Ready', 'Age', 'Version']);
  });
});

describe('watch', () => {
  async function readEvents(path: string, count: number): Promise<{ type: string; object: Record<string, unknown> }[]> {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${TENANT}` } });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buf = '';
    const events: { type: string; object: Record<string, unknown> }[] = [];
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) events.push(JSON.parse(line) as { type: string; object: Record<string, unknown> });
      }
    }
    await reader.cancel();
    return events;
  }

  it('replays changes after a resourceVersion', async () => {
    const created = await call({ method: 'POST', path: P, body: pg('watched') });
    const rv = (created.json['metadata'] as { resourceVersion: string }).resourceVersion;
    await call({ method: 'PATCH', path: `${P}/watched`, contentType: 'application/merge-patch+json', body: { spec: { replicas: 1 } } });
    await call({ method: 'DELETE', path: `${P}/watched` });
    const events = await readEvents(`${P}?watch=true&resourceVersion=${rv}&fieldSelector=metadata.name%3Dwatched`, 2);
    expect(events.map((e) => e.type)).toEqual(['MODIFIED', 'MODIFIED']);
  });

  it('turns a label change that leaves or enters the selection into DELETED or ADDED', async () => {
    const created = await call({ method: 'POST', path: P, body: { ...pg('moving'), metadata: { name: 'moving', labels: { tier: 'a' } } } });
    const rv = (created.json['metadata'] as { resourceVersion: string }).resourceVersion;
    const relabel = (tier: string) =>
      call({ method: 'PATCH', path: `${P}/moving`, contentType: 'application/merge-patch+json', body: { metadata: { labels: { tier } } } });
    await relabel('b');
    await relabel('a');
    const events = await readEvents(`${P}?watch=true&resourceVersion=${rv}&labelSelector=tier%3Da`, 2);
    expect(events.map((e) => e.type)).toEqual(['DELETED', 'ADDED']);
  });

  it('sends ADDED for existing objects when resourceVersion is 0', async () => {
    const events = await readEvents(`${P}?watch=true&resourceVersion=0&fieldSelector=metadata.name%3Dgen`, 1);
    expect(events[0]?.type).toBe('ADDED');
  });

  it('answers 410 Expired as an ERROR event for a too old resourceVersion', async () => {
    const small = await startServer({ historySize: 2 });
    try {
      for (let i = 0; i < 10; i++) await call({ method: 'POST', path: P, body: pg(`h${i}`) }, small.base);
      const res = await fetch(`${small.base}${P}?watch=true&resourceVersion=1`, { headers: { authorization: `Bearer ${TENANT}` } });
      const line = JSON.parse((await res.text()).trim()) as { type: string; object: { code: number; reason: string } };
      expect(line).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
    } finally {
      await small.server.close();
    }
  });
});

describe('discovery and OpenAPI', () => {
  it('serves aggregated discovery only with the exact content type asked for', async () => {
    const res = await fetch(`${base}/apis`, {
      headers: { authorization: `Bearer ${TENANT}`, accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' },
    });
    expect(res.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = (await res.json()) as { items: { metadata: { name: string }; versions: { resources: { resource: string; shortNames?: string[] }[] }[] }[] };
    const apps = body.items.find((i) => i.metadata.name === 'apps.cozystack.io');
    expect(apps?.versions[0]?.resources[0]).toMatchObject({ resource: 'postgreses', shortNames: ['pg'] });
    const legacy = await call({ path: '/apis' });
    expect(legacy.json['kind']).toBe('APIGroupList');
  });

  it('indexes OpenAPI v3 without leading slashes and declares fieldValidation on PATCH', async () => {
    const root = await call({ path: '/openapi/v3' });
    const paths = root.json['paths'] as Record<string, { serverRelativeURL: string }>;
    const gv = paths['apis/apps.cozystack.io/v1alpha1'];
    expect(gv?.serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\.cozystack\.io\/v1alpha1\?hash=/);
    const doc = await call({ path: gv?.serverRelativeURL ?? '' });
    const item = (doc.json['paths'] as Record<string, { patch: { parameters: { name: string }[] } }>)[
      '/apis/apps.cozystack.io/v1alpha1/namespaces/{namespace}/postgreses/{name}'
    ];
    expect(item?.patch.parameters.map((p) => p.name)).toContain('fieldValidation');
    expect((await call({ path: '/openapi/v2' })).status).toBe(404);
    const v2 = await fetch(`${base}/openapi/v2`, {
      headers: { authorization: `Bearer ${TENANT}`, accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' },
    });
    expect(v2.headers.get('content-type')).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(Buffer.from(await v2.arrayBuffer()).includes('fieldValidation')).toBe(true);
  });
});
