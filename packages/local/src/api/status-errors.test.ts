// Status errors of the API over a real loopback server: each code and reason, 422 causes, the Warn
// header, a 500 with its stack logged, and 429 under load.

import { beforeAll, describe, expect, it } from 'vitest';
import { ObjectService } from '../store/object-service.js';
import { ObjectStore } from '../store/object-store.js';
import { NAMESPACE } from '../store/resource-types.js';
import { Admission } from './admission.js';
import { ApiServer } from './api-server.js';
import { Authenticator } from './auth.js';
import { OpenApiDocuments } from './openapi.js';
import { ADMIN, type Call, P, pg, startServer, TENANT, useApiServer } from '../testing/api-server-harness.js';

const { call } = useApiServer();

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
