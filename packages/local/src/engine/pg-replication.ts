import { rm, unlink, writeFile, chown } from 'node:fs/promises';
import { join } from 'node:path';
import { PgRewindFailedError, PgSqlError } from './errors.js';
import { writeInstanceConf } from './pg-conf.js';
import type { PgInstance } from './pg-instance.js';
import { runCommand } from './run-command.js';

/** The role standbys stream as (over the primary's private unix socket). */
export const REPLICATION_USER = 'streaming_replica';

async function sql(instance: PgInstance, action: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  try {
    return await instance.query(text, params);
  } catch (err) {
    throw new PgSqlError(`${action} on ${instance.name}`, err);
  }
}

/** Create the replication role, or give back its rights (an older engine let a tenant spec strip them). */
export async function ensureReplicationRole(primary: PgInstance): Promise<void> {
  await sql(
    primary,
    'creating the replication role',
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${REPLICATION_USER}') THEN
         CREATE ROLE ${REPLICATION_USER} LOGIN REPLICATION;
       ELSIF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${REPLICATION_USER}' AND rolcanlogin AND rolreplication) THEN
         ALTER ROLE ${REPLICATION_USER} LOGIN REPLICATION;
       END IF;
     END $$`,
  );
}

/** Slot names allow [a-z0-9_] only. */
export function slotNameFor(instanceName: string): string {
  return `hikube_${instanceName.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/** Create a physical slot that reserves WAL at once; no-op when it exists. */
async function ensureSlot(primary: PgInstance, slot: string): Promise<void> {
  await sql(
    primary,
    `creating replication slot ${slot}`,
    `SELECT pg_create_physical_replication_slot($1, true)
      WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)`,
    [slot],
  );
}

export async function dropSlot(primary: PgInstance, slot: string): Promise<void> {
  await sql(
    primary,
    `dropping replication slot ${slot}`,
    `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active`,
    [slot],
  );
}

/** Mark a data directory as a standby of `upstream` (standby.signal and the managed instance conf). */
async function configureAsStandby(standby: PgInstance, upstream: PgInstance, slot: string | undefined): Promise<void> {
  const signal = join(standby.dataDir, 'standby.signal');
  await writeFile(signal, '', { mode: 0o600 });
  if (standby.runAs) await chown(signal, standby.runAs.uid, standby.runAs.gid);
  await writeInstanceConf(
    standby.dataDir,
    {
      upstream: {
        host: upstream.socketDir,
        port: upstream.port,
        user: REPLICATION_USER,
        applicationName: standby.name,
        slotName: slot,
      },
    },
    standby.runAs,
  );
}

/**
 * Clone a new standby from the running primary with pg_basebackup (WAL streamed alongside,
 * fast checkpoint), streaming through `slot` afterwards. Any old data directory is removed.
 */
export async function cloneStandby(primary: PgInstance, standby: PgInstance, slot: string): Promise<void> {
  await standby.prepareDirs();
  await rm(standby.dataDir, { recursive: true, force: true });
  await ensureReplicationRole(primary);
  await ensureSlot(primary, slot);
  await runCommand(
    primary.binaries.path('pg_basebackup'),
    ['-h', primary.socketDir, '-p', String(primary.port), '-U', REPLICATION_USER, '-D', standby.dataDir, '-X', 'stream', '-c', 'fast', '-S', slot, '-w'],
    { runAs: standby.runAs, label: `pg_basebackup of ${standby.name} from ${primary.name}` },
  );
  await configureAsStandby(standby, primary, slot);
}

/** Point a standby at a new upstream; a running standby picks it up on reload (PostgreSQL 13+). */
export async function repointStandby(standby: PgInstance, upstream: PgInstance, slot: string): Promise<void> {
  await ensureSlot(upstream, slot);
  await configureAsStandby(standby, upstream, slot);
  if (standby.running) await sql(standby, 'reloading the configuration', 'SELECT pg_reload_conf()');
}

/** Set synchronous_standby_names on a primary ('' = asynchronous) and reload. */
export async function setSynchronousStandbyNames(primary: PgInstance, value: string): Promise<void> {
  await writeInstanceConf(primary.dataDir, { synchronousStandbyNames: value }, primary.runAs);
  if (primary.running) await sql(primary, 'reloading the configuration', 'SELECT pg_reload_conf()');
}

/**
 * Promote a standby. Its managed conf is rewritten first (no upstream, the given
 * synchronous_standby_names), so the first commits on the new primary already honour the quorum.
 */
export async function promote(standby: PgInstance, synchronousStandbyNames = '', waitSeconds = 30): Promise<void> {
  await writeInstanceConf(standby.dataDir, { synchronousStandbyNames }, standby.runAs);
  await sql(standby, 'reloading the configuration', 'SELECT pg_reload_conf()');
  // Idempotent: an earlier attempt may have promoted it already.
  const state = await sql(standby, 'reading the recovery state', 'SELECT pg_is_in_recovery() AS r');
  if (state[0]?.['r'] === false) return;
  const rows = await sql(standby, 'promoting', 'SELECT pg_promote(true, $1) AS ok', [waitSeconds]);
  if (rows[0]?.['ok'] !== true) throw new PgSqlError(`promoting ${standby.name}`, new Error('pg_promote returned false (promotion did not finish in time)'));
}

export async function checkpoint(instance: PgInstance): Promise<void> {
  await sql(instance, 'checkpoint', 'CHECKPOINT');
}

/**
 * Bring a stopped old primary back in line with the new one. pg_rewind needs wal_log_hints
 * (set in every template), the target's WAL back to the divergence (wal_keep_size) and a
 * checkpoint on the source first, or it reads the old timeline and wrongly finds nothing to do.
 */
export async function rewind(target: PgInstance, source: PgInstance, slot: string): Promise<void> {
  if (target.running) throw new PgRewindFailedError(target.name, new Error('the target is still running'));
  try {
    await checkpoint(source);
    await runCommand(
      target.binaries.path('pg_rewind'),
      ['--target-pgdata', target.dataDir, '--source-server', `host=${source.socketDir} port=${source.port} user=postgres dbname=postgres`],
      { runAs: target.runAs, label: `pg_rewind of ${target.name} from ${source.name}` },
    );
  } catch (err) {
    throw new PgRewindFailedError(target.name, err);
  }
  await unlink(join(target.dataDir, 'postmaster.pid')).catch(() => undefined);
  await ensureSlot(source, slot);
  await configureAsStandby(target, source, slot);
}

/** One row of pg_stat_replication as seen from the primary. */
export interface ReplicationRow {
  readonly applicationName: string;
  readonly state: string;
  readonly syncState: string;
  readonly flushLsn: string | null;
  readonly replayLsn: string | null;
}

export async function replicationRows(primary: PgInstance): Promise<ReplicationRow[]> {
  const rows = await sql(
    primary,
    'reading pg_stat_replication',
    `SELECT application_name, state, sync_state, flush_lsn::text AS flush_lsn, replay_lsn::text AS replay_lsn
       FROM pg_stat_replication ORDER BY application_name`,
  );
  return rows.map((r) => ({
    applicationName: String(r['application_name']),
    state: String(r['state']),
    syncState: String(r['sync_state']),
    flushLsn: (r['flush_lsn'] as string | null) ?? null,
    replayLsn: (r['replay_lsn'] as string | null) ?? null,
  }));
}
