import { resolvePublicConfig, type PublicClientOptions } from './public-config.js';
import { PublicHttp } from './public-http.js';
import { postgresApi, type PostgresApi } from './postgres-api.js';

/** A client of Hikube's public REST API, for one project. */
export interface PublicClient {
  postgres: PostgresApi;
  /** Closes the client's connections. */
  close(): Promise<void>;
}

/**
 * Reads the configuration (options, else HIKUBE_API, HIKUBE_API_KEY, HIKUBE_PROJECT_ID,
 * HIKUBE_CA_CERT) and checks it before any request: a bad key or project id throws here.
 */
export function createPublicClient(options: PublicClientOptions = {}): PublicClient {
  const http = new PublicHttp(resolvePublicConfig(options), options);
  return { postgres: postgresApi(http), close: () => http.close() };
}
