// What npm start prints about a cluster of the public API: what a Hikube customer sees there
// (status, address, replicas, quorum) and a psql command that never shows the password. Pure.
import { postgresPort, type Cluster } from '@hikube/sdk';

/** `host` is an address served on 5432, as on Hikube; Hikube Local says `address:port` when it could not take 5432. */
export function hostAndPort(host: string): { host: string; port: number } {
  const withPort = /^([^:]+):(\d+)$/.exec(host);
  return withPort?.[1] !== undefined && withPort[2] !== undefined ? { host: withPort[1], port: Number(withPort[2]) } : { host, port: postgresPort };
}

function quorumText(cluster: Cluster): string {
  const { minSyncReplicas, maxSyncReplicas } = cluster.quorum;
  if (Number(maxSyncReplicas) === 0) return 'asynchronous';
  return (
    `quorum: commits wait for ` +
    `${minSyncReplicas === maxSyncReplicas ? String(minSyncReplicas) : `${minSyncReplicas} to ${maxSyncReplicas}`} ` +
    `synchronous standby${Number(maxSyncReplicas) === 1 ? '' : 's'}`
  );
}

export function renderPublicCluster(cluster: Cluster): string[] {
  const replicas = Number(cluster.replicas);
  const header = [
    cluster.name,
    `PostgreSQL ${cluster.version}`,
    cluster.status || 'no status yet',
    `${replicas} replica${replicas === 1 ? '' : 's'}`,
    quorumText(cluster),
  ].join(' · ');
  let address = '  not external: no address outside Hikube';
  if (cluster.external) {
    const { host, port } = hostAndPort(cluster.host);
    address = cluster.host === '' ? '  external, no address assigned yet' : `  host ${host}, port ${port}, TLS (sslmode=require)`;
  }
  return [header, address];
}

export interface PsqlCommandInput {
  host: string;
  port: number;
  user: string;
  database: string;
  /** The shell command that prints the password, e.g. `terraform -chdir=... output -raw app_password`. */
  passwordCommand: string;
}

/** One line to paste: the password comes from Terraform's state into PGPASSWORD, never onto the screen. */
export function psqlCommand(input: PsqlCommandInput): string {
  return `PGPASSWORD="$(${input.passwordCommand})" psql "host=${input.host} port=${input.port} user=${input.user} dbname=${input.database} sslmode=require"`;
}
