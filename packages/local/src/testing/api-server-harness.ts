// A real loopback API server for the api/ unit suites (plain HTTP; TLS is covered by the kubectl
// suite), one per test file, and a `call` that speaks to it as the tenant by default.

import { afterAll, beforeAll } from 'vitest';
import { Admission } from '../api/admission.js';
import { ApiServer } from '../api/api-server.js';
import { Authenticator } from '../api/auth.js';
import { OpenApiDocuments } from '../api/openapi.js';
import { ObjectService } from '../store/object-service.js';
import { ObjectStore } from '../store/object-store.js';
import { NAMESPACE } from '../store/resource-types.js';

export const ADMIN = 'admin-token';
export const TENANT = 'tenant-token';
export const P = '/apis/apps.cozystack.io/v1alpha1/namespaces/team-a/postgreses';

export async function startServer(options: { maxInFlight?: number; historySize?: number } = {}): Promise<{ server: ApiServer; base: string }> {
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

export interface Call {
  method?: string;
  path: string;
  token?: string | null;
  body?: unknown;
  raw?: string;
  contentType?: string;
  accept?: string;
}

export interface CallResult {
  status: number;
  json: Record<string, unknown>;
  headers: Headers;
}

async function callAt(root: string, c: Call): Promise<CallResult> {
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

export const pg = (name: string, spec: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name },
  spec,
});

/** Starts one server for the calling test file (closed after it); `base()` is its URL, `call` defaults to it. */
export function useApiServer(): { base: () => string; call: (c: Call, root?: string) => Promise<CallResult> } {
  let server: ApiServer | undefined;
  let base = '';
  beforeAll(async () => {
    ({ server, base } = await startServer());
  });
  afterAll(async () => {
    await server?.close();
  });
  return { base: () => base, call: (c, root = base) => callAt(root, c) };
}
