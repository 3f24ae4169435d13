import pg from 'pg';
import type { PgInstance } from './pg-instance.js';

/** What one probe saw. */
export type InstanceHealth =
  | {
      readonly reachable: true;
      readonly inRecovery: boolean;
      /** Primary only: where it writes. */
      readonly currentLsn: string | null;
      /** Standby only: WAL received and flushed, and replayed. */
      readonly receiveLsn: string | null;
      readonly replayLsn: string | null;
      /** Standby only: the WAL receiver is streaming. */
      readonly streaming: boolean;
    }
  | { readonly reachable: false; readonly error: string };

const PROBE_SQL = `SELECT pg_is_in_recovery() AS in_recovery,
  CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn()::text END AS current_lsn,
  pg_last_wal_receive_lsn()::text AS receive_lsn,
  pg_last_wal_replay_lsn()::text AS replay_lsn,
  COALESCE((SELECT status = 'streaming' FROM pg_stat_wal_receiver LIMIT 1), false) AS streaming`;

/**
 * A health probe that keeps one session open, so a probe costs one round trip and a dead
 * server shows up as a broken session at once. It reconnects after any failure.
 */
export class InstanceProbe {
  readonly instance: PgInstance;
  #client: pg.Client | undefined;

  constructor(instance: PgInstance) {
    this.instance = instance;
  }

  /**
   * `fresh` opens a new session for this probe: it proves the postmaster still accepts
   * connections (an existing session to a backend can outlive a hung postmaster).
   */
  async probe(timeoutMs = 500, options: { fresh?: boolean } = {}): Promise<InstanceHealth> {
    if (options.fresh) this.#drop();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const row = await Promise.race([this.#run(timeoutMs), timeout]);
      return {
        reachable: true,
        inRecovery: row['in_recovery'] === true,
        currentLsn: (row['current_lsn'] as string | null) ?? null,
        receiveLsn: (row['receive_lsn'] as string | null) ?? null,
        replayLsn: (row['replay_lsn'] as string | null) ?? null,
        streaming: row['streaming'] === true,
      };
    } catch (err) {
      this.#drop();
      return { reachable: false, error: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  async #run(timeoutMs: number): Promise<Record<string, unknown>> {
    if (!this.#client) {
      const client = new pg.Client({ ...this.instance.adminConnection(), connectionTimeoutMillis: timeoutMs });
      client.on('error', () => this.#drop());
      this.#client = client;
      await client.connect();
    }
    const res = await this.#client.query(PROBE_SQL);
    return res.rows[0] as Record<string, unknown>;
  }

  #drop(): void {
    const c = this.#client;
    this.#client = undefined;
    if (c) void c.end().catch(() => undefined);
  }

  close(): void {
    this.#drop();
  }
}
