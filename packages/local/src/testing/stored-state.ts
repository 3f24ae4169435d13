// What a Hikube Local holds, read over its own API with the admin token: the store's resourceVersion
// (one counter over every kind, so an unchanged value means nothing at all was written), every
// Postgres, and every credentials Secret. Property suites compare it before and after a request.

import type { RawHttpsClient } from './raw-https-client.js';

export interface StoredPostgres {
  namespace: string;
  name: string;
  resourceVersion: string;
  spec: Record<string, unknown>;
  readyReason: string | undefined;
}

export interface StoredState {
  resourceVersion: string;
  postgres: StoredPostgres[];
  /** `namespace/postgres-<name>-credentials` -> the user names it holds. */
  credentials: Map<string, string[]>;
}

interface ListBody {
  metadata: { resourceVersion: string };
  items: {
    metadata: { name: string; namespace: string; resourceVersion: string };
    spec?: Record<string, unknown>;
    status?: { conditions?: { type: string; reason?: string }[] };
    data?: Record<string, string>;
  }[];
}

async function list(client: RawHttpsClient, adminToken: string, path: string): Promise<ListBody> {
  const answer = await client.send({ method: 'GET', path, headers: { authorization: `Bearer ${adminToken}` } });
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  return JSON.parse(answer.text) as ListBody;
}

export async function readStoredState(client: RawHttpsClient, adminToken: string): Promise<StoredState> {
  const postgres = await list(client, adminToken, '/apis/apps.cozystack.io/v1alpha1/postgreses');
  const secrets = await list(client, adminToken, '/api/v1/secrets');
  const credentials = new Map<string, string[]>();
  for (const s of secrets.items) {
    if (s.metadata.name.startsWith('postgres-') && s.metadata.name.endsWith('-credentials'))
      credentials.set(`${s.metadata.namespace}/${s.metadata.name}`, Object.keys(s.data ?? {}).sort());
  }
  return {
    resourceVersion: postgres.metadata.resourceVersion,
    postgres: postgres.items.map((o) => ({
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      resourceVersion: o.metadata.resourceVersion,
      spec: o.spec ?? {},
      readyReason: o.status?.conditions?.find((c) => c.type === 'Ready')?.reason,
    })),
    credentials,
  };
}

/** The keys of an object-valued field of a spec (users, databases, parameters), sorted. */
export function keysAt(spec: Record<string, unknown> | undefined, ...path: string[]): string[] {
  let value: unknown = spec;
  for (const p of path) value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[p] : undefined;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).sort() : [];
}
