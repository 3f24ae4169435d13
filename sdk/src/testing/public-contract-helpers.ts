// What the public API's contract suite needs besides the client: requests sent as curl would send
// them (to see the bytes the server answers, and to ask what the client refuses to send), and a
// client whose requests lose their key on the way (a proxy that strips the header).
import { Agent, request, type Dispatcher } from 'undici';
import { ConfigError } from '../errors.js';
import { postgresApi, type PostgresApi } from '../public/postgres-api.js';
import { resolvePublicConfig, type PublicClientOptions } from '../public/public-config.js';
import { PublicHttp } from '../public/public-http.js';

/** Where and as whom the suite calls the API: a project's `admin` key, and optionally a `read` key. */
export interface PublicContractConnection {
  baseUrl: string;
  apiKey: string;
  projectId: string;
  /** PEM of the CA to trust (Hikube Local, private endpoints). */
  ca?: string | Buffer;
  /** A `read` key of the same project: reads pass with it and writes answer 403. */
  readApiKey?: string;
}

export interface RawAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** One JSON request with the connection's key, outside the SDK: the answer as the server wrote it. */
export async function rawCall(connection: PublicContractConnection, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawAnswer> {
  const dispatcher = new Agent({ connect: connection.ca ? { ca: connection.ca } : {} });
  try {
    const headers: Record<string, string> = { 'x-hikube-api-key': connection.apiKey, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await request(`${connection.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      dispatcher,
    });
    const text = await answer.body.text();
    return { status: answer.statusCode, body: JSON.parse(text) as Record<string, unknown> };
  } finally {
    await dispatcher.close();
  }
}

/** Request headers as undici hands them to a dispatcher, without `x-hikube-api-key`. */
function withoutKey(headers: NonNullable<Dispatcher.DispatchOptions['headers']>): NonNullable<Dispatcher.DispatchOptions['headers']> {
  if (Array.isArray(headers)) {
    const kept: string[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() !== 'x-hikube-api-key') kept.push(String(headers[i]), String(headers[i + 1]));
    }
    return kept;
  }
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    throw new ConfigError('the contract suite expected request headers as an object or a flat array');
  }
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'x-hikube-api-key'));
}

/** The public client whose requests reach the server without their API key. */
export function keylessClient(options: PublicClientOptions): { postgres: PostgresApi; close: () => Promise<void> } {
  const config = resolvePublicConfig(options);
  const agent = new Agent({ connect: config.ca ? { ca: config.ca } : {} });
  const dispatcher = agent.compose(
    (dispatch) => (dispatchOptions, handler) =>
      dispatch(dispatchOptions.headers ? { ...dispatchOptions, headers: withoutKey(dispatchOptions.headers) } : dispatchOptions, handler),
  );
  const http = new PublicHttp(config, { ...options, dispatcher });
  return { postgres: postgresApi(http), close: () => http.close() };
}

/** The extensions to use from the catalog: well-known ones first, so the suite reads the same everywhere. */
export function pickExtensions(catalog: readonly string[], count: number): string[] {
  const preferred = ['pgcrypto', 'pg_trgm', 'citext', 'hstore', 'uuid-ossp'].filter((name) => catalog.includes(name));
  return [...new Set([...preferred, ...catalog])].slice(0, count);
}
