// Requests a tenant could send to hurt the server (issue 18), over real TLS on 127.0.0.1, on
// HTTP/1.1 and HTTP/2: each gets a 4xx Status, the server keeps answering, nothing stored changes.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectService } from '../store/object-service.js';
import { ObjectStore } from '../store/object-store.js';
import { NAMESPACE, POSTGRES } from '../store/resource-types.js';
import { RawHttpsClient } from '../testing/raw-https-client.js';
import { runCurl } from '../testing/run-curl.js';
import { createLocalPki } from '../tls/certificates.js';
import { Admission } from './admission.js';
import { ApiServer } from './api-server.js';
import { Authenticator } from './auth.js';
import { BODY_LIMITS } from './body-limits.js';
import { OpenApiDocuments } from './openapi.js';

const TENANT = 'tenant-token';
const P = '/apis/apps.cozystack.io/v1alpha1/namespaces/team-a/postgreses';

let server: ApiServer;
let service: ObjectService;
let base: string;
let ca: string;
let dir: string;
const logged: string[] = [];

beforeAll(async () => {
  const pki = createLocalPki();
  ca = pki.ca.certPem;
  dir = mkdtempSync(join(tmpdir(), 'hikube-hostile-'));
  writeFileSync(join(dir, 'ca.crt'), ca);
  service = new ObjectService(await ObjectStore.open({}));
  await service.create(NAMESPACE, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  server = new ApiServer({
    service,
    authenticator: new Authenticator({ admin: 'admin-token', tenants: { 'team-a': TENANT } }),
    admission: new Admission(),
    openapi: new OpenApiDocuments(),
    tls: { key: pki.server.keyPem, cert: pki.server.certPem },
    log: (line) => logged.push(line),
  });
  base = `https://127.0.0.1:${await server.listen(0)}`;
  for (const name of ['inj', 'keep'])
    await service.create(POSTGRES, { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name, namespace: 'team-a' }, spec: {} });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  json: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

interface Ask {
  method: string;
  path: string;
  body?: string | Buffer;
  contentType?: string;
  token?: string;
}

function toAnswer(status: number, text: string, headers: Answer['headers']): Answer {
  return { status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers };
}

/** HTTP/1.1 over TLS; the path goes out exactly as given (no dot-segment removal). */
function http1(a: Ask): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${base}/`,
      { method: a.method, path: a.path, ca, headers: { authorization: `Bearer ${a.token ?? TENANT}`, 'content-type': a.contentType ?? 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve(toAnswer(res.statusCode ?? 0, text, res.headers)));
      },
    );
    req.on('error', reject);
    req.end(a.body);
  });
}

let h2: RawHttpsClient | undefined;
async function http2(a: Ask): Promise<Answer> {
  h2 ??= new RawHttpsClient(base, ca);
  const headers = { authorization: `Bearer ${a.token ?? TENANT}`, 'content-type': a.contentType ?? 'application/json' };
  const r = await h2.send({ method: a.method, path: a.path, headers, protocol: 'http2', ...(a.body !== undefined ? { body: a.body } : {}) });
  return toAnswer(r.status, r.text, r.headers);
}
afterAll(() => h2?.close());

const protocols = [
  { protocol: 'HTTP/1.1', send: http1 },
  { protocol: 'HTTP/2', send: http2 },
];

async function names(): Promise<string[]> {
  return service
    .list(POSTGRES, { namespace: 'team-a' })
    .items.map((o) => o.metadata.name)
    .sort();
}

const pg = (name: string): Record<string, unknown> => ({ apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name }, spec: {} });

describe.each(protocols)('over $protocol', ({ send }) => {
  it.each([
    {
      name: 'YAML nested 30,000 deep (row 1)',
      body: `a: ${'['.repeat(30_000)}${']'.repeat(30_000)}`,
      contentType: 'application/yaml',
      message: /nested deeper than 100 levels/,
    },
    {
      name: 'JSON nested 100,000 deep (row 9)',
      body: '['.repeat(100_000) + ']'.repeat(100_000),
      contentType: 'application/json',
      message: /nested deeper than 100 levels/,
    },
    {
      name: 'JSON objects nested 1,000 deep in metadata',
      body: `{"metadata":{"name":"deep","labels":${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}}}`,
      contentType: 'application/json',
      message: /nested deeper than 100 levels/,
    },
    {
      name: 'an apply patch nested 30,000 deep',
      body: `metadata: ${'['.repeat(30_000)}`,
      contentType: 'application/apply-patch+yaml',
      message: /nested deeper than 100 levels/,
      method: 'PATCH',
      path: `${P}/keep?fieldManager=x`,
    },
    {
      name: 'too many keys',
      body: `{${Array.from({ length: BODY_LIMITS.maxKeys + 1 }, (_, i) => `"k${i}":1`).join(',')}}`,
      contentType: 'application/json',
      message: /more than 20000 object keys/,
    },
  ])('answers 400 BadRequest to $name and keeps serving', async ({ body, contentType, message, method, path }) => {
    const r = await send({ method: method ?? 'POST', path: path ?? P, body, contentType });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(r.json['message']).toMatch(message);
    expect((await send({ method: 'GET', path: `${P}/keep` })).status).toBe(200);
  });

  it.each([
    { name: 'an encoded ..', path: `${P}/inj/%2e%2e` },
    { name: 'an upper-case encoded ..', path: `${P}/inj/%2E%2E` },
    { name: 'a raw ..', path: `${P}/inj/..` },
    { name: 'an encoded .', path: `${P}/%2e` },
    { name: 'an encoded / in a name', path: `${P}/inj%2F..` },
    { name: 'broken percent-encoding', path: `${P}/%zz` },
  ])('refuses DELETE with $name in the path (row 8), deleting nothing', async ({ path }) => {
    const r = await send({ method: 'DELETE', path });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    expect(await names()).toEqual(expect.arrayContaining(['inj', 'keep']));
  });

  it('answers 415 UnsupportedMediaType to a text/plain body (row 11)', async () => {
    const r = await send({ method: 'POST', path: P, body: JSON.stringify(pg('plain')), contentType: 'text/plain' });
    expect(r.status).toBe(415);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 });
    expect(r.json['message']).toMatch(/accepted media types include: application\/json, application\/yaml/);
    expect(await names()).not.toContain('plain');
  });

  it('takes JSON sent as application/json; charset=utf-8 and as application/yaml', async () => {
    expect(
      (await send({ method: 'POST', path: `${P}?dryRun=All`, body: JSON.stringify(pg('charset')), contentType: 'application/json; charset=utf-8' })).status,
    ).toBe(201);
    expect((await send({ method: 'POST', path: `${P}?dryRun=All`, body: 'metadata:\n  name: yaml\nspec: {}\n', contentType: 'application/yaml' })).status).toBe(
      201,
    );
  });

  it('reports duplicate JSON keys: 400 under Strict, a warning under Warn, nothing under Ignore (row 11)', async () => {
    const body = '{"apiVersion":"apps.cozystack.io/v1alpha1","kind":"Postgres","metadata":{"name":"dup"},"spec":{"replicas":1,"replicas":3}}';
    const strict = await send({ method: 'POST', path: `${P}?fieldValidation=Strict&dryRun=All`, body });
    expect(strict.status).toBe(400);
    expect(strict.json).toMatchObject({ reason: 'BadRequest', message: 'strict decoding error: duplicate field "spec.replicas"' });
    const warn = await send({ method: 'POST', path: `${P}?fieldValidation=Warn&dryRun=All`, body });
    expect(warn.status).toBe(201);
    expect(warn.headers['warning']).toBe('299 - "duplicate field \\"spec.replicas\\""');
    const ignore = await send({ method: 'POST', path: `${P}?fieldValidation=Ignore&dryRun=All`, body });
    expect(ignore.status).toBe(201);
    expect(ignore.headers['warning']).toBeUndefined();
  });

  it('reports duplicate keys in a merge patch the same way, and a refused patch changes nothing (row 11)', async () => {
    const before = (await send({ method: 'GET', path: `${P}/keep` })).json;
    const body = '{"spec":{"replicas":2,"replicas":4}}';
    const patch = (query: string) => send({ method: 'PATCH', path: `${P}/keep?${query}`, body, contentType: 'application/merge-patch+json' });
    const strict = await patch('fieldValidation=Strict');
    expect(strict.status).toBe(400);
    expect(strict.json).toMatchObject({ reason: 'BadRequest', message: 'strict decoding error: duplicate field "spec.replicas"' });
    expect((await send({ method: 'GET', path: `${P}/keep` })).json).toEqual(before);
    const warn = await patch('fieldValidation=Warn&dryRun=All');
    expect(warn.status).toBe(200);
    expect(warn.headers['warning']).toBe('299 - "duplicate field \\"spec.replicas\\""');
  });

  it.each([
    {
      name: 'in spec',
      query: '',
      body: '{"spec":{"__proto__":{"replicas":5,"users":{"evil":{}}}}}',
      status: 200,
      warning: '299 - "unknown field \\"spec.__proto__\\""',
    },
    { name: 'at the top', query: '', body: '{"__proto__":{"spec":{"replicas":5}}}', status: 200, warning: '299 - "unknown field \\"__proto__\\""' },
    {
      name: 'in spec under Strict',
      query: '?fieldValidation=Strict',
      body: '{"spec":{"__proto__":{"replicas":5}}}',
      status: 400,
      message: 'strict decoding error: unknown field "spec.__proto__"',
    },
  ])('takes __proto__ in a merge patch $name as an unknown field, never as a prototype', async ({ query, body, status, warning, message }) => {
    const merge = (text: string, q = '') => send({ method: 'PATCH', path: `${P}/keep${q}`, body: text, contentType: 'application/merge-patch+json' });
    expect((await merge('{}')).status).toBe(200);
    const before = (await send({ method: 'GET', path: `${P}/keep` })).json['spec'];
    const r = await merge(body, query);
    expect(r.status).toBe(status);
    if (warning !== undefined) expect(r.headers['warning']).toBe(warning);
    if (message !== undefined) expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', message });
    expect((await send({ method: 'GET', path: `${P}/keep` })).json['spec']).toEqual(before);
    // The server runs in this process: a prototype it changed would show on every object here.
    const plain: Record<string, unknown> = {};
    expect([plain['replicas'], plain['users'], plain['spec']]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    { name: 'a body over the size limit', size: BODY_LIMITS.maxBytes + 512 * 1024 },
    { name: 'a body over twice the size limit (reset once the answer is out)', size: 2 * BODY_LIMITS.maxBytes + 1024 * 1024 },
  ])('answers 413 to $name and ends the exchange (row 10)', async ({ size }) => {
    const r = await send({ method: 'POST', path: P, body: Buffer.alloc(size, 0x20) });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'RequestEntityTooLarge', code: 413 });
    expect((await send({ method: 'GET', path: `${P}/keep` })).status).toBe(200);
  });

  it('answers 401 to a large body with a bad token without reading it, and keeps serving', async () => {
    const r = await send({ method: 'POST', path: P, body: Buffer.alloc(BODY_LIMITS.maxBytes, 0x20), token: 'not-a-token' });
    expect(r.status).toBe(401);
    expect((await send({ method: 'GET', path: `${P}/keep` })).status).toBe(200);
  });
});

it.each([
  { name: 'a method HTTP/1.1 does not know', request: `BREW ${P}/keep HTTP/1.1\r\nhost: a\r\ncontent-length: 1\r\n\r\nx` },
  { name: 'a header line without a colon', request: `GET ${P}/keep HTTP/1.1\r\nhost: a\r\nbroken\r\n\r\n` },
])('answers 400 to $name (the property suite found a reset instead) and keeps serving', async ({ request }) => {
  const answer = await rawTls(request);
  expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  expect(answer).toMatch(/connection: close/i);
  expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
  expect((await http1({ method: 'GET', path: `${P}/keep` })).status).toBe(200);
});

/** Bytes over TLS (HTTP/1.1 by ALPN), as written: what Node's HTTP client would refuse to send. */
function rawTls(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port: Number(new URL(base).port), ca, ALPNProtocols: ['http/1.1'] }, () => socket.end(text));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

it('logs nothing for refused bodies: they are client errors, not server faults', () => {
  expect(logged).toEqual([]);
});

describe('curl, the client of the report', () => {
  const curl = (args: string[]): ReturnType<typeof runCurl> => runCurl(['--cacert', join(dir, 'ca.crt'), '-H', `authorization: Bearer ${TENANT}`, ...args]);

  it('gets the 413 for a 4 MB body over HTTP/2 and returns', async () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, Buffer.alloc(4 * 1024 * 1024, 0x20));
    const r = await curl(['--http2', '-X', 'POST', '-H', 'content-type: application/json', '--data-binary', `@${file}`, `${base}${P}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"reason":"RequestEntityTooLarge"[\s\S]*\n413 2$/);
  });

  it('gets a 400 for DELETE .../inj/%2e%2e sent as is', async () => {
    const r = await curl(['--http2', '--path-as-is', '-X', 'DELETE', `${base}${P}/inj/%2e%2e`]);
    expect(r.stdout).toMatch(/\n400 2$/);
    expect(await names()).toEqual(expect.arrayContaining(['inj', 'keep']));
  });
});
