import { ConfigError } from '../errors.js';
import type { Cluster } from '../generated/public/zod.js';

export interface ConnectionSecrets {
  user: string;
  /** From the user's create or rotate-password answer: the API never returns it again. */
  password: string;
  /** Default `postgres`, which every cluster has. */
  database?: string;
}

/** Port and TLS mode come from Hikube's guides; the API only reports the host. */
export const postgresPort = 5432;

/**
 * A libpq URI for the cluster's public address. The API reports `host` only for an external
 * cluster, and only once its address is assigned; before that this throws rather than guessing.
 */
export function connectionString(cluster: Cluster, secrets: ConnectionSecrets): string {
  if (!cluster.external) {
    throw new ConfigError(
      `cluster "${cluster.name}" is not external, so the API gives it no address; update it with ` +
        `external: true (it gets a public IPv4), or reach it from inside Hikube`,
    );
  }
  if (cluster.host === '') {
    throw new ConfigError(`cluster "${cluster.name}" has no address yet (status ${cluster.status || '(none)'}); wait until it is ready and read it again`);
  }
  const { host, port } = hostAndPort(cluster.host);
  const user = encodeURIComponent(secrets.user);
  const password = encodeURIComponent(secrets.password);
  const database = encodeURIComponent(secrets.database ?? 'postgres');
  return `postgresql://${user}:${password}@${host}:${port}/${database}?sslmode=require`;
}

/**
 * `host` is an address (IPv6 bare) served on 5432, as on Hikube; Hikube Local reports
 * `address:port` or `[v6]:port` when it could not take 5432 for the cluster.
 */
function hostAndPort(reported: string): { host: string; port: number } {
  const withPort = /^\[([^\]]+)\]:(\d+)$/.exec(reported) ?? /^([^:]+):(\d+)$/.exec(reported);
  if (withPort) {
    const [, address = '', port = ''] = withPort;
    return { host: address.includes(':') ? `[${address}]` : address, port: Number(port) };
  }
  return { host: reported.includes(':') ? `[${reported}]` : reported, port: postgresPort };
}
