import { chown, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PgConfValueError } from './errors.js';
import type { RunAs } from './run-as.js';

/**
 * Managed configuration files inside a data directory. postgresql.conf includes them in this
 * order, later files winning. They are rewritten after every copy (template clone, basebackup,
 * pg_rewind) because those copies carry the source instance's files along.
 */
export const PARAMS_CONF = 'hikube-params.conf';
export const INSTANCE_CONF = 'hikube-instance.conf';

/** Settings every instance needs for streaming, fast promotion and pg_rewind (see reference/performance.md B5). */
export const BASE_SETTINGS: Readonly<Record<string, string>> = {
  wal_level: 'replica',
  wal_log_hints: 'on',
  hot_standby: 'on',
  max_wal_senders: '30',
  max_replication_slots: '30',
  wal_keep_size: '256MB',
  // a standby gone for good must not make its slot hold WAL forever
  max_slot_wal_keep_size: '1GB',
  // With the 5 s default, about one promotion in three waits for the next retry tick.
  wal_retrieve_retry_interval: '100ms',
  wal_receiver_status_interval: '1s',
  logging_collector: 'off',
  log_line_prefix: '%m [%p] ',
  password_encryption: 'scram-sha-256',
};

/** Quote a value for postgresql.conf. */
export function confQuote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Quote a value inside a libpq connection string. */
function conninfoQuote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function renderConf(settings: Readonly<Record<string, string | number>>): string {
  const lines = Object.entries(settings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => {
      if (!/^[a-z_][a-z0-9_.]*$/i.test(k)) throw new TypeError(`invalid PostgreSQL parameter name "${k}"`);
      const text = String(v);
      // A newline would end the quoted value and start a line of its own; PostgreSQL then refuses the file at the next start.
      if (hasControlCharacter(text)) throw new PgConfValueError(k);
      return `${k} = ${confQuote(text)}`;
    });
  return `# managed by hikube-local; rewritten on every reconcile\n${lines.join('\n')}\n`;
}

async function writeOwned(file: string, text: string, runAs: RunAs | undefined): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  if (runAs) await chown(tmp, runAs.uid, runAs.gid);
  await rename(tmp, file);
}

/** Cluster-wide user parameters (postgresql.parameters). */
export function writeParamsConf(dataDir: string, params: Readonly<Record<string, string | number>>, runAs?: RunAs): Promise<void> {
  return writeOwned(join(dataDir, PARAMS_CONF), renderConf(params), runAs);
}

/** Where a standby streams from. */
export interface UpstreamSpec {
  /** Unix socket directory of the primary. */
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** application_name the standby reports; synchronous_standby_names matches it. */
  readonly applicationName: string;
  readonly slotName?: string | undefined;
}

export interface InstanceConf {
  readonly upstream?: UpstreamSpec | undefined;
  /** Only meaningful on a primary; '' means asynchronous. */
  readonly synchronousStandbyNames?: string | undefined;
}

export function renderInstanceConf(conf: InstanceConf): string {
  const s: Record<string, string> = {};
  if (conf.upstream) {
    const u = conf.upstream;
    s['primary_conninfo'] = [
      `host=${conninfoQuote(u.host)}`,
      `port=${u.port}`,
      `user=${conninfoQuote(u.user)}`,
      `application_name=${conninfoQuote(u.applicationName)}`,
      'connect_timeout=2',
    ].join(' ');
    s['primary_slot_name'] = u.slotName ?? '';
  }
  s['synchronous_standby_names'] = conf.synchronousStandbyNames ?? '';
  return renderConf(s);
}

/** Per-instance settings: upstream and synchronous_standby_names. */
export function writeInstanceConf(dataDir: string, conf: InstanceConf, runAs?: RunAs): Promise<void> {
  return writeOwned(join(dataDir, INSTANCE_CONF), renderInstanceConf(conf), runAs);
}
