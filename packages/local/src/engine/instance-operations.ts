// The multi-step actions a cluster's controller asks of its PostgreSQL instances. Each one only
// acts; which instance, when, and what to do when it fails is decided by the caller.

import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeInstanceConf, writeParamsConf } from './pg-conf.js';
import type { PgInstance } from './pg-instance.js';
import { checkpoint, cloneStandby, dropSlot, ensureReplicationRole, repointStandby, rewind, slotNameFor } from './pg-replication.js';
import { cloneTemplate } from './pg-template.js';
import type { RunAs } from './run-as.js';

type Parameters = Readonly<Record<string, string>>;

/** A new primary: the template's data directory with the cluster's parameters, started, with the replication role. */
export async function createPrimary(instance: PgInstance, template: string, parameters: Parameters, runAs: RunAs | undefined): Promise<void> {
  await instance.prepareDirs();
  await rm(instance.dataDir, { recursive: true, force: true });
  await cloneTemplate(template, instance.dataDir);
  await writeParamsConf(instance.dataDir, parameters, runAs);
  await writeInstanceConf(instance.dataDir, {}, runAs);
  await instance.start();
  await ensureReplicationRole(instance);
}

/** The standby's data directory replaced by a clone of the primary's (fed by its own slot), with the cluster's parameters. */
export async function cloneStandbyData(primary: PgInstance, standby: PgInstance, parameters: Parameters, runAs: RunAs | undefined): Promise<void> {
  await cloneStandby(primary, standby, slotNameFor(standby.name));
  await writeParamsConf(standby.dataDir, parameters, runAs);
}

/** Follow `upstream` from the standby's own slot (takes effect at the next start, or by reload when running). */
export function followPrimary(standby: PgInstance, upstream: PgInstance): Promise<void> {
  return repointStandby(standby, upstream, slotNameFor(standby.name));
}

/** pg_rewind onto `primary`'s timeline, then start streaming from it. */
export async function rewindAndStart(instance: PgInstance, primary: PgInstance): Promise<void> {
  await rewind(instance, primary, slotNameFor(instance.name));
  await instance.start();
}

/** Stop a primary so its standbys receive all its WAL: a checkpoint, then a fast shutdown (which sends the shutdown checkpoint). */
export async function stopForHandover(primary: PgInstance): Promise<void> {
  await checkpoint(primary).catch(() => undefined);
  await primary.stop('fast');
}

/** After an instance left the cluster and stopped: free its slot on the primary and delete its files. */
export async function releaseSlotAndFiles(instance: PgInstance, primary: PgInstance | undefined): Promise<void> {
  if (primary?.running) await dropSlot(primary, slotNameFor(instance.name)).catch(() => undefined);
  await instance.removeFiles();
}

/** Running instances reread their configuration files. */
export async function reloadConfiguration(instances: readonly PgInstance[], onError: 'ignore' | 'throw'): Promise<void> {
  await Promise.all(
    instances
      .filter((i) => i.running)
      .map((i) => {
        const reloaded = i.query('SELECT pg_reload_conf()');
        return onError === 'ignore' ? reloaded.catch(() => undefined) : reloaded;
      }),
  );
}

/** Where the primary writes now. */
export async function currentWalLsn(primary: PgInstance): Promise<string | undefined> {
  const rows = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  return rows[0]?.lsn;
}

/**
 * Call `check` until it returns true; past `timeoutMs` throw `timeoutError()`. A deadline of an
 * action, not a rule: the health rules take their time from the controller's clock.
 */
export async function pollUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs: number, timeoutError: () => Error): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw timeoutError();
    await sleep(intervalMs);
  }
}
