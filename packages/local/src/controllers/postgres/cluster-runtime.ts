import { rm } from 'node:fs/promises';
import { reloadConfiguration } from '../../engine/instance-operations.js';
import { replicationRows, type ReplicationRow } from '../../engine/pg-replication.js';
import { ClusterCore } from './cluster-core.js';
import { loadClusterState } from './cluster-state.js';
import type { ClusterDesired, ClusterEvent, ClusterRuntimeOptions, ClusterSnapshot } from './cluster-types.js';
import { failover, repairStandby, switchover } from './failover-operations.js';
import { decideHealthActions } from './health-rules.js';
import { claimed, rejoinNeeded, siteChanged } from './instance-state.js';
import { ensureCluster, reopenCluster } from './topology-operations.js';

// The runtime's public shapes, for its callers (the reconciler, status, tests).
export type { ClusterDesired, ClusterEvent, ClusterRuntimeOptions, ClusterSnapshot, InstanceSnapshot } from './cluster-types.js';
export type { ClusterPhase } from './health-rules.js';

/**
 * One replicated PostgreSQL cluster: the primary, its standbys, the rw/ro/r proxies, and the
 * health loop that fails over. Operations that change topology run one at a time; the health
 * loop only observes and queues them.
 */
export class PgClusterRuntime {
  readonly root: string;
  readonly baseName: string;
  readonly #c: ClusterCore;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #failoverQueued = false;
  #opsInFlight = 0;

  constructor(options: ClusterRuntimeOptions) {
    this.root = options.root;
    this.baseName = options.baseName;
    this.#c = new ClusterCore(options);
    this.#c.hooks = { queueFailover: (reason) => this.#queueFailover(reason), kick: () => this.#kick() };
  }

  // ---- public surface -------------------------------------------------------------------

  /** Reopen a cluster from its state file after a restart: adopt running postmasters, start the rest. */
  async open(): Promise<boolean> {
    const state = await loadClusterState(this.root);
    if (!state) return false;
    await this.#serial(() => reopenCluster(this.#c, state));
    this.#startLoop();
    return true;
  }

  /** Bring the cluster in line with `desired`. Idempotent; returns when instances serve. */
  ensure(desired: ClusterDesired): Promise<void> {
    return this.#serial(() => ensureCluster(this.#c, desired)).finally(() => this.#startLoop());
  }

  snapshot(): ClusterSnapshot {
    return this.#c.snapshot();
  }

  /** pg_stat_replication on the primary, as the platform's operators would read it. */
  async replication(): Promise<ReplicationRow[]> {
    const p = this.#c.requirePrimary();
    return replicationRows(p.instance);
  }

  /** Events since the last call (the reconciler records them on the Postgres). */
  drainEvents(): ClusterEvent[] {
    return this.#c.events.splice(0);
  }

  /** Abrupt loss of an instance (kubectl delete pod): SIGKILL; the health loop heals it. */
  async killInstance(ordinal: number): Promise<void> {
    const m = this.#c.members.get(ordinal);
    if (!m) return;
    this.#c.event('Warning', 'InstanceKilled', `Instance ${m.name} was deleted; it is killed and healed`);
    await m.instance.stop('kill');
    if (m.state.role === 'primary') this.#queueFailover('the primary was deleted');
  }

  /** Stop (down) or restart (up) every instance in a site. */
  async site(operation: 'down' | 'up', site: string): Promise<void> {
    const c = this.#c;
    const inSite = [...c.members.values()].filter((m) => m.site === site);
    if (inSite.length === 0) return;
    if (operation === 'down') {
      for (const m of inSite) m.state = siteChanged(m.state, true);
      await Promise.all(inSite.map((m) => m.instance.stop('kill')));
      c.event('Warning', 'SiteDown', `Site ${site} is down: ${inSite.map((m) => m.name).join(', ')} stopped`);
      if (inSite.some((m) => m.state.role === 'primary')) this.#queueFailover(`site ${site} is down`);
    } else {
      for (const m of inSite) m.state = siteChanged(m.state, false);
      c.event('Normal', 'SiteUp', `Site ${site} is back: restarting ${inSite.map((m) => m.name).join(', ')}`);
      this.#kick();
    }
    c.changed();
  }

  /** Planned switchover to a standby (the most advanced one when not given). */
  switchover(to?: number): Promise<void> {
    return this.#serial(() => switchover(this.#c, to));
  }

  /** Running instances reread their configuration, and their TLS files (a new certificate). */
  reload(): Promise<void> {
    return this.#serial(() =>
      reloadConfiguration(
        [...this.#c.members.values()].map((m) => m.instance),
        'ignore',
      ),
    );
  }

  /** Stop the loop and proxies and shut the instances down cleanly; data stays (restart adopts it). */
  async close(): Promise<void> {
    await this.#shutDown();
    await Promise.all(
      [...this.#c.members.values()].map(async (m) => {
        m.probe.close();
        await m.instance.stop('fast').catch(() => undefined);
      }),
    );
  }

  /**
   * Let go without stopping PostgreSQL, as a crash of Hikube Local would: the next `open`
   * adopts the running postmasters.
   */
  async detach(): Promise<void> {
    await this.#shutDown();
    for (const m of this.#c.members.values()) m.probe.close();
  }

  /** Stop everything and remove all data. */
  async destroy(): Promise<void> {
    await this.#shutDown();
    await Promise.all(
      [...this.#c.members.values()].map(async (m) => {
        m.probe.close();
        await m.instance.stop('immediate', 10_000).catch(() => undefined);
        await m.instance.removeFiles();
      }),
    );
    this.#c.members.clear();
    await rm(this.root, { recursive: true, force: true });
  }

  /** No new work: the loop stops, queued operations finish, the endpoints close. */
  async #shutDown(): Promise<void> {
    this.#c.closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#queue.catch(() => undefined);
    const proxies = this.#c.proxies;
    this.#c.proxies = undefined;
    await proxies?.close();
  }

  // ---- the queue: operations run one at a time -------------------------------------------

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    this.#opsInFlight++;
    const run = this.#queue
      .catch(() => undefined)
      .then(fn)
      .finally(() => {
        this.#opsInFlight--;
      });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #queueBusy(): boolean {
    return this.#opsInFlight > 0 || this.#failoverQueued;
  }

  #queueFailover(reason: string): void {
    if (this.#failoverQueued || this.#c.closed) return;
    this.#failoverQueued = true;
    void this.#serial(() => failover(this.#c, reason))
      .catch((err: unknown) => this.#c.fail(err))
      .finally(() => {
        this.#failoverQueued = false;
      });
  }

  // ---- health loop: observe, decide (health-rules.ts), queue ------------------------------

  #startLoop(): void {
    if (this.#timer || this.#c.closed) return;
    this.#timer = setInterval(() => this.#kick(), this.#c.profile.probeIntervalMs);
    this.#timer.unref();
  }

  #kick(): void {
    if (this.#ticking || this.#c.closed) return;
    this.#ticking = true;
    void this.#tick()
      .catch((err: unknown) => this.#c.fail(err))
      .finally(() => {
        this.#ticking = false;
      });
  }

  async #tick(): Promise<void> {
    const c = this.#c;
    await c.refreshHealth();
    const decision = decideHealthActions({ primary: c.primary, failoverQueued: this.#failoverQueued, instances: c.views() }, c.profile, c.now());
    if (decision.failover !== undefined) this.#queueFailover(decision.failover);
    for (const { ordinal, repair } of decision.repairs) {
      const m = c.members.get(ordinal);
      if (!m) continue;
      if (repair.action === 'rejoin') m.state = rejoinNeeded(m.state, true);
      m.state = claimed(m.state, true); // claimed until the queued repair runs
      void this.#serial(async () => {
        m.state = claimed(m.state, false);
        await repairStandby(c, m);
        await c.maintainSync();
        c.updateProxies();
        c.phase = c.computePhase();
        c.changed();
      }).catch((err: unknown) => c.fail(err));
    }
    // the quorum follows the standbys only under a primary no operation holds
    const primary = c.primaryMember();
    if (primary?.instance.running && !primary.state.busy && !this.#queueBusy()) {
      await c.maintainSync().catch((err: unknown) => c.fail(err));
    }
    c.updateProxies();
    if (!this.#queueBusy()) c.phase = c.computePhase();
    c.changed();
  }
}
