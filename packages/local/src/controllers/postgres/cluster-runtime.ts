import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { listenExternal } from '../../engine/external-listener.js';
import { freePort } from '../../engine/free-port.js';
import { lsnDiff } from '../../engine/lsn.js';
import { locatePg, type PgBinaries } from '../../engine/pg-binaries.js';
import { writeInstanceConf, writeParamsConf } from '../../engine/pg-conf.js';
import { parameterValueProblem, type SettingShape } from './parameter-values.js';
import { PgInstance } from '../../engine/pg-instance.js';
import { presentDataEntries } from '../../engine/pg-data-entries.js';
import type { TlsFiles } from '../../engine/pg-tls-files.js';
import { InstanceProbe, type InstanceHealth } from '../../engine/pg-probe.js';
import {
  checkpoint,
  cloneStandby,
  dropSlot,
  ensureReplicationRole,
  promote,
  repointStandby,
  replicationRows,
  rewind,
  type ReplicationRow,
  setSynchronousStandbyNames,
  slotNameFor,
} from '../../engine/pg-replication.js';
import { cloneTemplate, ensureTemplate } from '../../engine/pg-template.js';
import type { RunAs } from '../../engine/run-as.js';
import { applyRolesAndDatabases, type RolesAndDatabases } from '../../engine/sql-roles.js';
import { TcpProxy } from '../../engine/tcp-proxy.js';
import { loadClusterState, saveClusterState, type PersistedCluster } from './cluster-state.js';
import { electFailoverCandidate, type StandbyObservation } from './failover-candidate.js';
import { FAST_PROFILE, type HealthProfile } from './health-profile.js';
import { decideRepair, ESSENTIAL_DATA_ENTRIES, INTACT, judgeDataDirectory, type DataDirectoryVerdict, type InstanceFacts, type Repair } from './instance-repair.js';
import { lagNeedsRefresh, type LagView } from './lag-refresh.js';
import { classifyParameterChanges, lowersHotStandbyMinimum, rollingRestartPlan, type RollingStep } from './parameter-plan.js';
import { planScale } from './scale-plan.js';
import { decideSynchronousStandbys, type QuorumSpec, type SyncDecision } from './sync-quorum.js';

/** What the cluster should look like; built by the reconciler from a Postgres object. */
export interface ClusterDesired {
  readonly major: number;
  readonly replicas: number;
  readonly quorum: QuorumSpec;
  /** Effective parameters (resources-derived, then the user's), operator-owned ones removed. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Site of instance n (fixed when the instance is created). */
  siteOf(n: number): string;
  /** Site preferred for the primary, if any. */
  readonly primarySite?: string | undefined;
  readonly roles: RolesAndDatabases;
  readonly external: boolean;
  /** The loopback address the external endpoint listens on (port 5432 when it can); default 127.0.0.1. */
  readonly externalAddress?: string | undefined;
}

export type ClusterPhase = 'Initializing' | 'Healthy' | 'Scaling' | 'FailingOver' | 'Switchover' | 'Restarting' | 'Degraded';

export interface InstanceSnapshot {
  readonly ordinal: number;
  readonly name: string;
  readonly site: string;
  readonly role: 'primary' | 'standby';
  /** Serving: the primary accepts connections; a standby streams. */
  readonly ready: boolean;
  readonly reason: string;
  /** Standby only: bytes of WAL replayed behind the primary. */
  readonly lagBytes?: number | undefined;
  readonly pid?: number | undefined;
  readonly port: number;
  /** Changes exactly when the instance's data directory is recreated (clone, re-clone): a new pod. */
  readonly incarnation: string;
}

export interface ClusterSnapshot {
  readonly phase: ClusterPhase;
  readonly primary: string | undefined;
  readonly primaryReady: boolean;
  readonly instances: readonly InstanceSnapshot[];
  readonly synchronous: SyncDecision;
  readonly proxies: { readonly rw: number; readonly ro: number; readonly r: number; readonly external?: number | undefined; readonly externalHost?: string | undefined };
  readonly rolesApplied: boolean;
  readonly lastError: string | undefined;
}

export interface ClusterEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

export interface ClusterRuntimeOptions {
  /** Directory owned by this cluster: instances, state file. Removed by `destroy`. */
  readonly root: string;
  /** Instance names are `<baseName>-<n>`, e.g. postgres-demo-2. */
  readonly baseName: string;
  /** Where initdb'd templates are cached (shared by clusters). */
  readonly templateRoot: string;
  readonly runAs: RunAs | undefined;
  /** The cluster's certificate and key, shared by its instances (TLS is on when they exist). */
  readonly tls?: TlsFiles | undefined;
  readonly profile?: HealthProfile;
  /** The health loop's clock (milliseconds); tests may drive it. */
  readonly now?: () => number;
  /** Something observable changed (status should be rewritten). */
  readonly onChange?: () => void;
  /** Diagnostics; never secrets. */
  readonly log?: (message: string) => void;
}

interface Member {
  readonly ordinal: number;
  readonly name: string;
  readonly site: string;
  readonly instance: PgInstance;
  readonly probe: InstanceProbe;
  /** See InstanceSnapshot.incarnation; persisted so a restart of Hikube Local keeps the pods. */
  incarnation: string;
  role: 'primary' | 'standby';
  health: InstanceHealth | undefined;
  /** Last look at the data directory; a damaged one is replaced by a clone. */
  dataDirectory: DataDirectoryVerdict;
  failures: number;
  failingSince: number | undefined;
  notStreamingSince: number | undefined;
  siteDown: boolean;
  /** An operation owns this instance right now: the health loop must not act on it. */
  busy: boolean;
  /** Needs a rejoin (rewind or re-clone) before it can stream again. */
  needsRejoin: boolean;
  /** Being removed by a scale-down: no longer counted in the quorum. */
  leaving: boolean;
}

/**
 * One replicated PostgreSQL cluster: the primary, its standbys, the rw/ro/r proxies, and the
 * health loop that fails over. Operations that change topology run one at a time; the health
 * loop only observes and queues them.
 */
export class PgClusterRuntime {
  readonly root: string;
  readonly baseName: string;
  readonly #opts: ClusterRuntimeOptions;
  readonly #profile: HealthProfile;
  readonly #now: () => number;
  readonly #members = new Map<number, Member>();
  #binaries: PgBinaries | undefined;
  #primary: number | undefined;
  #proxies: { rw: TcpProxy; ro: TcpProxy; r: TcpProxy; external: TcpProxy | undefined; externalAddress: string | undefined } | undefined;
  #desired: ClusterDesired | undefined;
  #parameters: Record<string, string> = {};
  #sync: SyncDecision = { number: 0, names: [], value: '' };
  #phase: ClusterPhase = 'Initializing';
  #rolesKey: string | undefined;
  #lastError: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #failoverQueued = false;
  #opsInFlight = 0;
  #closed = false;
  #lastSnapshotKey = '';
  #reportedLag: LagView = {};
  #lagReportedAt = 0;
  readonly #events: ClusterEvent[] = [];

  constructor(options: ClusterRuntimeOptions) {
    this.#opts = options;
    this.root = options.root;
    this.baseName = options.baseName;
    this.#profile = options.profile ?? FAST_PROFILE;
    this.#now = options.now ?? Date.now;
  }

  // ---- public surface -------------------------------------------------------------------

  /** Reopen a cluster from its state file after a restart: adopt running postmasters, start the rest. */
  async open(): Promise<boolean> {
    const state = await loadClusterState(this.root);
    if (!state) return false;
    await this.#serial(async () => {
      this.#binaries = await locatePg(state.major);
      this.#parameters = { ...state.parameters };
      this.#primary = state.primary;
      for (const [ord, m] of Object.entries(state.instances)) this.#addMember(Number(ord), m.site, m.port, Number(ord) === state.primary ? 'primary' : 'standby', m.incarnation);
      await this.#openProxies(state.proxies);
      // a state file from before incarnations: keep the ones just made, so pods stay the same
      if (Object.values(state.instances).some((i) => i.incarnation === undefined)) await this.#save();
      const primary = this.#primaryMember();
      if (primary) await this.#startOrAdopt(primary);
      await Promise.all([...this.#members.values()].filter((m) => m !== primary).map((m) => this.#startOrAdopt(m)));
      this.#event('Normal', 'Adopted', `Instances reopened after a restart of Hikube Local (primary ${primary?.name ?? 'none'})`);
      this.#updateProxies();
    });
    this.#startLoop();
    return true;
  }

  /** Bring the cluster in line with `desired`. Idempotent; returns when instances serve. */
  ensure(desired: ClusterDesired): Promise<void> {
    return this.#serial(() => this.#ensure(desired)).finally(() => this.#startLoop());
  }

  snapshot(): ClusterSnapshot {
    const instances = [...this.#members.values()]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((m): InstanceSnapshot => {
        const { ready, reason } = this.#readiness(m);
        const primaryLsn = this.#primaryMember()?.health;
        const lag =
          m.role === 'standby' && m.health?.reachable && primaryLsn?.reachable
            ? Math.max(0, lsnDiff(primaryLsn.currentLsn, m.health.replayLsn) ?? 0)
            : undefined;
        return { ordinal: m.ordinal, name: m.name, site: m.site, role: m.role, ready, reason, lagBytes: lag, pid: m.instance.pid, port: m.instance.port, incarnation: m.incarnation };
      });
    const primary = this.#primaryMember();
    const p = this.#proxies;
    return {
      phase: this.#phase,
      primary: primary?.name,
      primaryReady: primary ? this.#readiness(primary).ready : false,
      instances,
      synchronous: this.#sync,
      proxies: { rw: p?.rw.port ?? 0, ro: p?.ro.port ?? 0, r: p?.r.port ?? 0, external: p?.external?.port, externalHost: p?.external?.host },
      rolesApplied: this.#rolesKey !== undefined,
      lastError: this.#lastError,
    };
  }

  /** pg_stat_replication on the primary, as the platform's operators would read it. */
  async replication(): Promise<ReplicationRow[]> {
    const p = this.#requirePrimary();
    return replicationRows(p.instance);
  }

  /** Events since the last call (the reconciler records them on the Postgres). */
  drainEvents(): ClusterEvent[] {
    return this.#events.splice(0);
  }

  /** Abrupt loss of an instance (kubectl delete pod): SIGKILL; the health loop heals it. */
  async killInstance(ordinal: number): Promise<void> {
    const m = this.#members.get(ordinal);
    if (!m) return;
    this.#event('Warning', 'InstanceKilled', `Instance ${m.name} was deleted; it is killed and healed`);
    await m.instance.stop('kill');
    if (m.role === 'primary') this.#queueFailover('the primary was deleted');
  }

  /** Stop (down) or restart (up) every instance in a site. */
  async site(operation: 'down' | 'up', site: string): Promise<void> {
    const inSite = [...this.#members.values()].filter((m) => m.site === site);
    if (inSite.length === 0) return;
    if (operation === 'down') {
      for (const m of inSite) m.siteDown = true;
      await Promise.all(inSite.map((m) => m.instance.stop('kill')));
      this.#event('Warning', 'SiteDown', `Site ${site} is down: ${inSite.map((m) => m.name).join(', ')} stopped`);
      if (inSite.some((m) => m.role === 'primary')) this.#queueFailover(`site ${site} is down`);
    } else {
      for (const m of inSite) m.siteDown = false;
      this.#event('Normal', 'SiteUp', `Site ${site} is back: restarting ${inSite.map((m) => m.name).join(', ')}`);
      this.#kick();
    }
    this.#changed();
  }

  /** Planned switchover to a standby (the most advanced one when not given). */
  switchover(to?: number): Promise<void> {
    return this.#serial(() => this.#switchover(to));
  }

  /** Running instances reread their configuration, and their TLS files (a new certificate). */
  reload(): Promise<void> {
    return this.#serial(async () => {
      await Promise.all([...this.#members.values()].filter((m) => m.instance.running).map((m) => m.instance.query('SELECT pg_reload_conf()').catch(() => undefined)));
    });
  }

  /** Stop the loop and proxies and shut the instances down cleanly; data stays (restart adopts it). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#queue.catch(() => undefined);
    await this.#closeProxies();
    await Promise.all([...this.#members.values()].map(async (m) => {
      m.probe.close();
      await m.instance.stop('fast').catch(() => undefined);
    }));
  }

  /**
   * Let go without stopping PostgreSQL, as a crash of Hikube Local would: the next `open`
   * adopts the running postmasters.
   */
  async detach(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#queue.catch(() => undefined);
    await this.#closeProxies();
    for (const m of this.#members.values()) m.probe.close();
  }

  /** Stop everything and remove all data. */
  async destroy(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#queue.catch(() => undefined);
    await this.#closeProxies();
    await Promise.all([...this.#members.values()].map(async (m) => {
      m.probe.close();
      await m.instance.stop('immediate', 10_000).catch(() => undefined);
      await m.instance.removeFiles();
    }));
    this.#members.clear();
    await rm(this.root, { recursive: true, force: true });
  }

  // ---- operations (serialised) ----------------------------------------------------------

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    this.#opsInFlight++;
    const run = this.#queue.catch(() => undefined).then(fn).finally(() => {
      this.#opsInFlight--;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #ensure(desired: ClusterDesired): Promise<void> {
    if (this.#closed) return;
    this.#desired = desired;
    this.#binaries = await locatePg(desired.major);
    await mkdir(this.root, { recursive: true, mode: 0o755 });
    await chmod(this.root, 0o755);
    if (!this.#proxies) await this.#openProxies(undefined);
    await this.#ensureExternalProxy(desired.external ? (desired.externalAddress ?? '127.0.0.1') : undefined);

    if (this.#members.size === 0) {
      this.#phase = 'Initializing';
      await this.#bootstrapPrimary(desired);
    }
    // A lone primary that stopped has no standby to fail over to: restart it in place.
    const primary0 = this.#primaryMember();
    if (primary0 && this.#members.size === 1 && !primary0.instance.running && !primary0.siteDown && !primary0.busy) {
      primary0.busy = true;
      try {
        await primary0.instance.start();
      } finally {
        primary0.busy = false;
      }
    }
    await this.#applyParameters(desired.parameters);

    const plan = planScale([...this.#members.keys()], desired.replicas, this.#primary);
    if (plan.add.length > 0 || plan.remove.length > 0) {
      if (this.#phase !== 'Initializing') this.#phase = 'Scaling';
      // shrink the quorum first, so commits never wait for a standby that is going away
      for (const n of plan.remove) {
        const m = this.#members.get(n);
        if (m) m.leaving = true;
      }
      if (plan.remove.length > 0) await this.#maintainSync();
      for (const n of plan.remove) await this.#removeInstance(n);
      await Promise.all(plan.add.map((n) => this.#addStandby(n, desired.siteOf(n))));
      if (plan.add.length > 0) this.#event('Normal', 'ScaledUp', `Added ${plan.add.map((n) => this.#nameOf(n)).join(', ')}`);
      if (plan.remove.length > 0) this.#event('Normal', 'ScaledDown', `Removed ${plan.remove.map((n) => this.#nameOf(n)).join(', ')}`);
    }
    await this.#refreshHealth();
    await this.#maintainSync();
    this.#updateProxies();

    const primary = this.#primaryMember();
    if (primary?.instance.running) {
      const key = JSON.stringify(desired.roles);
      if (key !== this.#rolesKey) {
        const report = await applyRolesAndDatabases(primary.instance, desired.roles);
        this.#rolesKey = key;
        for (const u of report.createdUsers) this.#event('Normal', 'UserCreated', `User ${u} created`);
        for (const u of report.droppedUsers) this.#event('Normal', 'UserDropped', `User ${u} dropped`);
        for (const d of report.createdDatabases) this.#event('Normal', 'DatabaseCreated', `Database ${d} created`);
        for (const d of report.droppedDatabases) this.#event('Normal', 'DatabaseDropped', `Database ${d} dropped`);
      }
    }
    await this.#save();
    this.#phase = this.#computePhase();
    this.#lastError = undefined;
    this.#changed();
  }

  async #bootstrapPrimary(desired: ClusterDesired): Promise<void> {
    const bins = this.#bin();
    const template = await ensureTemplate(bins, this.#opts.templateRoot, this.#opts.runAs);
    const m = this.#addMember(1, desired.siteOf(1), await freePort(), 'primary');
    m.busy = true;
    try {
      await m.instance.prepareDirs();
      await rm(m.instance.dataDir, { recursive: true, force: true });
      await cloneTemplate(template, m.instance.dataDir);
      await writeParamsConf(m.instance.dataDir, desired.parameters, this.#opts.runAs);
      await writeInstanceConf(m.instance.dataDir, {}, this.#opts.runAs);
      this.#parameters = { ...desired.parameters };
      await m.instance.start();
      await ensureReplicationRole(m.instance);
      this.#primary = 1;
      await this.#save();
      this.#event('Normal', 'PrimaryCreated', `Primary ${m.name} created in ${m.site}`);
    } catch (err) {
      // forget the half-made primary: the next ensure starts over
      await m.instance.stop('immediate').catch(() => undefined);
      m.probe.close();
      this.#members.delete(1);
      await m.instance.removeFiles();
      throw err;
    } finally {
      m.busy = false;
    }
  }

  async #addStandby(n: number, site: string): Promise<void> {
    const primary = this.#requirePrimary();
    const m = this.#addMember(n, site, await freePort(), 'standby');
    m.busy = true;
    try {
      await cloneStandby(primary.instance, m.instance, slotNameFor(m.name));
      await writeParamsConf(m.instance.dataDir, this.#parameters, this.#opts.runAs);
      await m.instance.start();
      await this.#waitStreaming(m, 15_000);
      this.#event('Normal', 'StandbyCreated', `Standby ${m.name} cloned from ${primary.name} in ${m.site}`);
    } catch (err) {
      m.needsRejoin = true;
      throw err;
    } finally {
      m.busy = false;
    }
  }

  async #removeInstance(n: number): Promise<void> {
    const m = this.#members.get(n);
    if (!m || n === this.#primary) return;
    m.busy = true;
    m.probe.close();
    await m.instance.stop('immediate');
    this.#members.delete(n);
    const primary = this.#primaryMember();
    if (primary?.instance.running) await dropSlot(primary.instance, slotNameFor(m.name)).catch(() => undefined);
    await m.instance.removeFiles();
    await this.#save();
  }

  async #applyParameters(next: Readonly<Record<string, string>>): Promise<void> {
    const before = this.#parameters;
    if (JSON.stringify(before) === JSON.stringify(next)) return;
    const primary = this.#requirePrimary();
    const names = [...new Set([...Object.keys(before), ...Object.keys(next)])];
    const rows = await primary.instance.query<{ name: string; context: string }>('SELECT name, context FROM pg_settings WHERE name = ANY($1)', [names]);
    const ctx = new Map(rows.map((r) => [r.name, r.context]));
    const plan = classifyParameterChanges(before, next, (n) => ctx.get(n));
    if (plan.rejected.length > 0) {
      throw new Error(`unknown or read-only PostgreSQL parameter(s): ${plan.rejected.join(', ')}; remove them from spec.postgresql.parameters`);
    }
    // A value PostgreSQL refuses (statement_timeout "3MB") is skipped by a reload but stops the
    // next start with FATAL: refuse it before writing anything.
    const shapes = await primary.instance.query<SettingShape & { name: string }>('SELECT name, vartype, unit, enumvals, min_val, max_val FROM pg_settings WHERE name = ANY($1)', [[...plan.reload, ...plan.restart]]);
    const refused = shapes.flatMap((shape) => {
      const value = next[shape.name];
      const problem = value === undefined ? undefined : parameterValueProblem(shape, value);
      return problem === undefined ? [] : [`${shape.name} = ${JSON.stringify(value)} (PostgreSQL takes ${problem})`];
    });
    if (refused.length > 0) throw new Error(`PostgreSQL refuses the value of ${refused.join(', ')}; fix spec.postgresql.parameters`);
    for (const m of this.#members.values()) await writeParamsConf(m.instance.dataDir, next, this.#opts.runAs);
    this.#parameters = { ...next };
    await this.#save();
    if (plan.restart.length === 0) {
      await Promise.all([...this.#members.values()].filter((m) => m.instance.running).map((m) => m.instance.query('SELECT pg_reload_conf()')));
      this.#event('Normal', 'ParametersReloaded', `Reloaded: ${plan.reload.join(', ')}`);
      return;
    }
    this.#phase = 'Restarting';
    this.#changed();
    this.#event('Normal', 'RollingRestart', `Restart needed for ${plan.restart.join(', ')}: standbys first, then a switchover`);
    const defaults = Object.fromEntries(
      (await primary.instance.query<{ name: string; boot_val: string }>('SELECT name, boot_val FROM pg_settings WHERE name = ANY($1)', [names])).map((r) => [r.name, r.boot_val]),
    );
    // Lowered hot-standby minimums: restart the primary in place first, then the standbys.
    const steps: RollingStep[] = lowersHotStandbyMinimum(before, next, defaults)
      ? [primary.name, ...[...this.#members.values()].filter((m) => m !== primary).map((m) => m.name)].map((instance) => ({ action: 'restart', instance }))
      : rollingRestartPlan([...this.#members.values()].map((m) => m.name), primary.name);
    // A standby checks its settings against the primary's parameter-change WAL record, so after
    // the primary restarts, each standby must replay up to that point before it restarts.
    let primaryRestartLsn: string | undefined;
    for (const step of steps) {
      if (step.action === 'restart') {
        const m = [...this.#members.values()].find((x) => x.name === step.instance);
        if (!m || m.siteDown) continue;
        if (m.role === 'standby' && primaryRestartLsn) await this.#waitReplayed(m, primaryRestartLsn, 15_000).catch(() => undefined);
        m.busy = true;
        try {
          await m.instance.stop('fast');
          await m.instance.start();
          if (m.role === 'standby') await this.#waitStreaming(m, 15_000).catch(() => undefined);
          else {
            const rows = await m.instance.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
            primaryRestartLsn = rows[0]?.lsn;
          }
        } finally {
          m.busy = false;
        }
      } else {
        const to = [...this.#members.values()].find((x) => x.name === step.to);
        if (to && !to.siteDown) await this.#switchover(to.ordinal);
      }
    }
    this.#event('Normal', 'ParametersApplied', `Restarted with ${plan.restart.join(', ')}`);
  }

  async #switchover(to?: number): Promise<void> {
    const old = this.#requirePrimary();
    await this.#refreshHealth();
    const target =
      to !== undefined
        ? this.#members.get(to)
        : this.#members.get(Number(electFailoverCandidate(this.#observations()) ?? NaN));
    if (!target || target === old || !target.instance.running) return;
    this.#phase = 'Switchover';
    this.#changed();
    old.busy = true;
    target.busy = true;
    try {
      await checkpoint(old.instance).catch(() => undefined);
      // A fast shutdown sends all WAL, the shutdown checkpoint included, to connected standbys.
      await old.instance.stop('fast');
      this.#proxies?.rw.setTargets([]);
      this.#proxies?.external?.setTargets([]);
      await this.#promoteMember(target, old);
      old.needsRejoin = false;
      await repointStandby(old.instance, target.instance, slotNameFor(old.name));
      await old.instance.start();
      if (!(await this.#waitStreaming(old, 5_000).then(() => true, () => false))) {
        await old.instance.stop('fast');
        await this.#rejoin(old);
      }
      this.#event('Normal', 'SwitchoverCompleted', `Primary switched over from ${old.name} to ${target.name}`);
    } finally {
      old.busy = false;
      target.busy = false;
    }
    await this.#maintainSync();
    this.#updateProxies();
    this.#phase = this.#computePhase();
    this.#changed();
  }

  /** Promote `target`, move rw, repoint every other running standby. */
  async #promoteMember(target: Member, old: Member | undefined): Promise<void> {
    const others = [...this.#members.values()].filter((m) => m !== target && m !== old);
    const ready = others.filter((m) => m.instance.running && !m.siteDown && !m.needsRejoin).map((m) => m.name);
    const sync = decideSynchronousStandbys(this.#desired?.quorum ?? { minSyncReplicas: 0, maxSyncReplicas: 0 }, ready);
    await promote(target.instance, sync.value);
    this.#sync = sync;
    if (old) old.role = 'standby';
    target.role = 'primary';
    this.#primary = target.ordinal;
    await this.#save();
    this.#updateProxies();
    await Promise.all(
      others
        .filter((m) => m.instance.running)
        .map((m) => repointStandby(m.instance, target.instance, slotNameFor(m.name)).catch(() => {
          m.needsRejoin = true;
        })),
    );
  }

  async #failover(reason: string): Promise<void> {
    const old = this.#primaryMember();
    if (!old || this.#closed) return;
    const h = await old.probe.probe(this.#profile.probeTimeoutMs);
    if (old.instance.running && h.reachable && !h.inRecovery && !old.siteDown && old.dataDirectory.intact) return; // it recovered
    this.#phase = 'FailingOver';
    this.#changed();
    this.#event('Warning', 'FailingOver', `Primary ${old.name} is unavailable (${reason}); electing a new primary`);
    if (this.#profile.failoverDelayMs > 0) await sleep(this.#profile.failoverDelayMs);
    old.busy = true;
    try {
      // Fence: an unreachable primary that still runs must not take writes any more.
      this.#proxies?.rw.setTargets([]);
      this.#proxies?.external?.setTargets([]);
      await old.instance.stop('kill');
      old.needsRejoin = true;
      await Promise.all([...this.#members.values()].filter((m) => m !== old).map((m) => this.#probeMember(m)));
      // A standby already out of recovery was promoted by an interrupted attempt: it must be the
      // one, or two primaries would exist.
      const alreadyPromoted = [...this.#members.values()].find(
        (m) => m !== old && m.role === 'standby' && m.instance.running && m.health?.reachable === true && !m.health.inRecovery,
      );
      const candidate = alreadyPromoted ?? this.#members.get(Number(electFailoverCandidate(this.#observations()) ?? NaN));
      if (!candidate) {
        this.#event('Warning', 'NoFailoverCandidate', 'No healthy standby can be promoted; the primary restarts in place when it can');
        this.#phase = 'Degraded';
        if (!old.siteDown) {
          old.needsRejoin = false;
          await old.instance.start().catch((err: unknown) => this.#fail(err));
        }
        return;
      }
      await this.#promoteMember(candidate, old);
      this.#event('Normal', 'FailoverCompleted', `${candidate.name} promoted; rw now points to it`);
    } finally {
      old.busy = false;
    }
    this.#phase = this.#computePhase();
    this.#changed();
    this.#kick(); // rejoin the old primary when it can run
  }

  /** Bring a stopped instance back as a standby: pg_rewind, else (or when its data is damaged) a fresh clone. */
  async #rejoin(m: Member, recloneReason?: string): Promise<void> {
    const primary = this.#requirePrimary();
    m.busy = true;
    try {
      await m.instance.stop('kill');
      const rewound = recloneReason === undefined && m.dataDirectory.intact && (await this.#tryRewind(m, primary));
      if (!rewound) await this.#reclone(m, primary, recloneReason);
      m.role = 'standby';
      m.needsRejoin = false;
      m.notStreamingSince = undefined;
    } finally {
      m.busy = false;
    }
  }

  async #tryRewind(m: Member, primary: Member): Promise<boolean> {
    try {
      await rewind(m.instance, primary.instance, slotNameFor(m.name));
      await m.instance.start();
      await this.#waitStreaming(m, 10_000);
      this.#event('Normal', 'Rewound', `${m.name} rewound with pg_rewind and streaming from ${primary.name}`);
      return true;
    } catch (err) {
      this.#log(`rewind of ${m.name} failed, re-cloning: ${err instanceof Error ? err.message : String(err)}`);
      await m.instance.stop('kill');
      return false;
    }
  }

  async #reclone(m: Member, primary: Member, reason: string | undefined): Promise<void> {
    // the data directory is replaced: a new incarnation (a new pod), as on Kubernetes
    m.incarnation = newIncarnation();
    await this.#save();
    await cloneStandby(primary.instance, m.instance, slotNameFor(m.name));
    m.dataDirectory = INTACT;
    await writeParamsConf(m.instance.dataDir, this.#parameters, this.#opts.runAs);
    await m.instance.start();
    await this.#waitStreaming(m, 15_000);
    this.#event('Normal', 'Recloned', `${m.name} re-cloned from ${primary.name}${reason ? ` (${reason})` : ''}`);
  }

  /**
   * Carry out a standby repair decided by the health loop. The decision is taken again on fresh
   * facts first: the queue may reach it after the instance changed.
   */
  async #repairStandby(m: Member): Promise<void> {
    if (this.#closed || m.busy || !this.#primaryMember()?.instance.running) return;
    m.dataDirectory = await this.#inspectDataDirectory(m);
    const repair = decideRepair(this.#facts(m), this.#profile, this.#now());
    if (repair.action === 'reclone') return this.#rejoin(m, repair.reason);
    if (repair.action === 'rejoin') return this.#rejoin(m);
    if (repair.action !== 'restart') return;
    m.busy = true;
    let ok = false;
    try {
      await m.instance.start({ timeoutMs: 15_000 });
      await this.#waitStreaming(m, 5_000);
      ok = true;
      this.#event('Normal', 'InstanceRestarted', `${m.name} restarted`);
    } catch {
      ok = false;
    } finally {
      m.busy = false;
    }
    if (!ok) await this.#rejoin(m);
  }

  // ---- health loop ----------------------------------------------------------------------

  #startLoop(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => this.#kick(), this.#profile.probeIntervalMs);
    this.#timer.unref();
  }

  #kick(): void {
    if (this.#ticking || this.#closed) return;
    this.#ticking = true;
    void this.#tick()
      .catch((err: unknown) => this.#fail(err))
      .finally(() => {
        this.#ticking = false;
      });
  }

  async #tick(): Promise<void> {
    await this.#refreshHealth();
    const now = this.#now();
    const primary = this.#primaryMember();
    if (primary && !this.#failoverQueued) {
      const repair = decideRepair(this.#facts(primary), this.#profile, now);
      if (repair.action === 'failover') this.#queueFailover(repair.reason);
    }
    if (primary?.instance.running && !primary.busy && !this.#failoverQueued) {
      for (const m of this.#members.values()) {
        if (m === primary) continue;
        const repair: Repair = decideRepair(this.#facts(m), this.#profile, now);
        if (repair.action === 'none' || repair.action === 'failover') continue;
        if (repair.action === 'rejoin') m.needsRejoin = true;
        m.busy = true; // claimed until the queued repair runs
        void this.#serial(async () => {
          m.busy = false;
          await this.#repairStandby(m);
          await this.#maintainSync();
          this.#updateProxies();
          this.#phase = this.#computePhase();
          this.#changed();
        }).catch((err: unknown) => this.#fail(err));
      }
      if (!this.#queueBusy()) {
        await this.#maintainSync().catch((err: unknown) => this.#fail(err));
      }
    }
    this.#updateProxies();
    if (!this.#queueBusy()) this.#phase = this.#computePhase();
    this.#changed();
  }

  #facts(m: Member): InstanceFacts {
    return {
      role: m.role,
      running: m.instance.running,
      siteDown: m.siteDown,
      busy: m.busy,
      dataDirectory: m.dataDirectory,
      needsRejoin: m.needsRejoin,
      failures: m.failures,
      failingSince: m.failingSince,
      notStreamingSince: m.notStreamingSince,
    };
  }

  async #inspectDataDirectory(m: Member): Promise<DataDirectoryVerdict> {
    return judgeDataDirectory(await presentDataEntries(m.instance.dataDir, ESSENTIAL_DATA_ENTRIES));
  }

  #queueBusy(): boolean {
    return this.#opsInFlight > 0 || this.#failoverQueued;
  }

  #queueFailover(reason: string): void {
    if (this.#failoverQueued || this.#closed) return;
    this.#failoverQueued = true;
    void this.#serial(() => this.#failover(reason))
      .catch((err: unknown) => this.#fail(err))
      .finally(() => {
        this.#failoverQueued = false;
      });
  }

  async #refreshHealth(): Promise<void> {
    await Promise.all([...this.#members.values()].map((m) => this.#probeMember(m)));
  }

  async #probeMember(m: Member): Promise<void> {
    // an operation may be replacing the directory: only an idle instance is judged by it
    if (!m.busy) m.dataDirectory = await this.#inspectDataDirectory(m);
    if (!m.instance.running) {
      m.health = { reachable: false, error: 'not running' };
      m.failures++;
      m.failingSince ??= this.#now();
      return;
    }
    const h = await m.probe.probe(this.#profile.probeTimeoutMs, { fresh: m.role === 'primary' });
    m.failures = h.reachable ? 0 : m.failures + 1;
    m.failingSince = h.reachable ? undefined : (m.failingSince ?? this.#now());
    // One slow probe on a busy machine is not an outage: keep the last good view until the
    // failures reach the threshold (a process that exited is handled above, at once).
    if (h.reachable || m.failures >= this.#profile.failureThreshold || !m.health?.reachable) m.health = h;
    if (m.role === 'standby') {
      const streaming = h.reachable && h.inRecovery && h.streaming;
      if (streaming) m.notStreamingSince = undefined;
      else m.notStreamingSince ??= this.#now();
    }
  }

  async #maintainSync(): Promise<void> {
    const primary = this.#primaryMember();
    if (!primary?.instance.running || !this.#desired) return;
    const next = decideSynchronousStandbys(this.#desired.quorum, this.#syncEligible());
    if (next.value === this.#sync.value) return;
    await setSynchronousStandbyNames(primary.instance, next.value);
    const before = this.#sync;
    this.#sync = next;
    if (before.number !== next.number || next.number > 0)
      this.#event(
        next.number < this.#desired.quorum.minSyncReplicas ? 'Warning' : 'Normal',
        'SynchronousStandbys',
        next.number === 0 ? 'Replication is asynchronous' : `Commits wait for ANY ${next.number} of ${next.names.join(', ')}`,
      );
  }

  #updateProxies(): void {
    const p = this.#proxies;
    if (!p) return;
    const primary = this.#primaryMember();
    const primaryOk = primary && primary.instance.running && !primary.siteDown && !primary.busy;
    const rw = primaryOk ? [primary.instance.port] : [];
    const standbys = [...this.#members.values()].filter((m) => m.role === 'standby' && this.#readiness(m).ready).map((m) => m.instance.port);
    // Sessions on a standby that is merely not ready right now stay; a dead or promoted one's close.
    const liveStandbys = [...this.#members.values()]
      .filter((m) => m.role === 'standby' && m.instance.running && !m.siteDown && !m.needsRejoin)
      .map((m) => m.instance.port);
    if (!sameList(p.rw.targets, rw)) p.rw.setTargets(rw);
    if (p.external && !sameList(p.external.targets, rw)) p.external.setTargets(rw);
    if (!sameList(p.ro.targets, standbys)) p.ro.setTargets(standbys, liveStandbys);
    const any = [...rw, ...standbys];
    if (!sameList(p.r.targets, any)) p.r.setTargets(any, [...rw, ...liveStandbys]);
  }

  // ---- helpers --------------------------------------------------------------------------

  #readiness(m: Member): { ready: boolean; reason: string } {
    if (m.siteDown) return { ready: false, reason: 'SiteDown' };
    if (!m.instance.running) return { ready: false, reason: 'NotRunning' };
    const h = m.health;
    if (!h?.reachable) return { ready: false, reason: 'Unreachable' };
    if (m.role === 'primary') return h.inRecovery ? { ready: false, reason: 'Promoting' } : { ready: true, reason: 'Primary' };
    if (!h.inRecovery) return { ready: false, reason: 'NotInRecovery' };
    return h.streaming ? { ready: true, reason: 'Streaming' } : { ready: false, reason: 'NotStreaming' };
  }

  #observations(): StandbyObservation[] {
    return [...this.#members.values()]
      .filter((m) => m.role === 'standby' && !m.needsRejoin)
      .map((m) => ({
        name: String(m.ordinal),
        healthy: !m.siteDown && m.instance.running && m.health?.reachable === true && m.health.inRecovery,
        receiveLsn: m.health?.reachable ? m.health.receiveLsn : null,
        replayLsn: m.health?.reachable ? m.health.replayLsn : null,
        synchronous: this.#sync.names.includes(m.name),
        preferredSite: this.#desired?.primarySite === m.site,
      }));
  }

  /**
   * Standbys that count as ready for the quorum: streaming, or running and only briefly not
   * streaming (being repointed after a failover). Like pod readiness on Kubernetes, a short
   * blip does not shrink the quorum; a dead, fenced or stalled standby does.
   */
  #syncEligible(): string[] {
    const now = this.#now();
    return [...this.#members.values()]
      .filter((m) => m.role === 'standby' && m.instance.running && !m.siteDown && !m.needsRejoin && !m.leaving && m.health?.reachable === true)
      .filter((m) => m.notStreamingSince === undefined || now - m.notStreamingSince < this.#profile.standbyResyncAfterMs)
      .map((m) => m.name);
  }

  #computePhase(): ClusterPhase {
    const primary = this.#primaryMember();
    if (!primary || !this.#readiness(primary).ready) return this.#members.size === 0 ? 'Initializing' : 'Degraded';
    const all = [...this.#members.values()].every((m) => this.#readiness(m).ready);
    const wanted = this.#desired ? this.#members.size === Math.max(1, this.#desired.replicas) : true;
    return all && wanted ? 'Healthy' : 'Degraded';
  }

  #addMember(n: number, site: string, port: number, role: 'primary' | 'standby', incarnation = newIncarnation()): Member {
    const name = this.#nameOf(n);
    const instance = new PgInstance({ name, binaries: this.#bin(), dir: join(this.root, name), port, runAs: this.#opts.runAs, tls: this.#opts.tls });
    const m: Member = {
      ordinal: n, name, site, instance, probe: new InstanceProbe(instance), incarnation, role,
      health: undefined, dataDirectory: INTACT, failures: 0, failingSince: undefined, notStreamingSince: undefined, siteDown: false, busy: false, needsRejoin: false, leaving: false,
    };
    instance.onExit((exit) => {
      if (m.busy || this.#closed) return;
      this.#log(`${m.name} exited (pid ${exit.pid}, ${exit.signal ? `signal ${exit.signal}` : `exit code ${String(exit.exitCode)}`})`);
      if (m.role === 'primary') this.#queueFailover(`its postmaster exited (${exit.signal ?? `code ${String(exit.exitCode)}`})`);
      else this.#kick();
    });
    this.#members.set(n, m);
    return m;
  }

  async #startOrAdopt(m: Member): Promise<void> {
    if (await m.instance.adopt()) return;
    try {
      await m.instance.start();
    } catch (err) {
      m.needsRejoin = m.role === 'standby';
      this.#fail(err);
    }
  }

  async #waitStreaming(m: Member, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.#probeMember(m);
      if (m.health?.reachable && m.health.inRecovery && m.health.streaming) return;
      if (!m.instance.running) throw new Error(`${m.name} stopped while waiting for it to stream`);
      if (Date.now() > deadline) throw new Error(`${m.name} did not start streaming within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  async #waitReplayed(m: Member, lsn: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.#probeMember(m);
      const replayed = m.health?.reachable ? lsnDiff(m.health.replayLsn, lsn) : undefined;
      if (replayed !== undefined && replayed >= 0) return;
      if (Date.now() > deadline) throw new Error(`${m.name} did not replay up to ${lsn} within ${timeoutMs} ms`);
      await sleep(10);
    }
  }

  async #openProxies(ports: PersistedCluster['proxies'] | undefined): Promise<void> {
    const listen = async (port: number | undefined): Promise<TcpProxy> => {
      if (port) {
        try {
          return await TcpProxy.listen({ port });
        } catch {
          // the old port is taken now; a new one is published in the Service
        }
      }
      return TcpProxy.listen();
    };
    const externalAddress = ports?.external ? (ports.externalAddress ?? '127.0.0.1') : undefined;
    this.#proxies = {
      rw: await listen(ports?.rw),
      ro: await listen(ports?.ro),
      r: await listen(ports?.r),
      external: externalAddress !== undefined ? await listenExternal(externalAddress, ports?.external) : undefined,
      externalAddress,
    };
  }

  /** The external endpoint on `address` (see external-listener.ts), or none when undefined. */
  async #ensureExternalProxy(address: string | undefined): Promise<void> {
    const p = this.#proxies;
    if (!p || p.externalAddress === address) return;
    await p.external?.close();
    p.external = address !== undefined ? await listenExternal(address) : undefined;
    p.externalAddress = address;
  }

  async #closeProxies(): Promise<void> {
    const p = this.#proxies;
    this.#proxies = undefined;
    if (p) await Promise.all([p.rw.close(), p.ro.close(), p.r.close(), p.external?.close()]);
  }

  async #save(): Promise<void> {
    const p = this.#proxies;
    await saveClusterState(this.root, {
      major: this.#bin().major,
      primary: this.#primary,
      instances: Object.fromEntries([...this.#members.values()].map((m) => [String(m.ordinal), { port: m.instance.port, site: m.site, incarnation: m.incarnation }])),
      proxies: { rw: p?.rw.port ?? 0, ro: p?.ro.port ?? 0, r: p?.r.port ?? 0, external: p?.external?.port, externalAddress: p?.externalAddress },
      parameters: this.#parameters,
    });
  }

  #nameOf(n: number): string {
    return `${this.baseName}-${n}`;
  }

  #bin(): PgBinaries {
    if (!this.#binaries) throw new Error('PostgreSQL binaries not resolved yet');
    return this.#binaries;
  }

  #primaryMember(): Member | undefined {
    return this.#primary === undefined ? undefined : this.#members.get(this.#primary);
  }

  #requirePrimary(): Member {
    const p = this.#primaryMember();
    if (!p?.instance.running) throw new Error(`${this.baseName} has no running primary`);
    return p;
  }

  #event(type: ClusterEvent['type'], reason: string, message: string): void {
    this.#events.push({ type, reason, message });
    this.#log(`${reason}: ${message}`);
    this.#opts.onChange?.();
  }

  #fail(err: unknown): void {
    this.#lastError = err instanceof Error ? err.message : String(err);
    this.#log(`error: ${this.#lastError}`);
    this.#changed(true);
  }

  #changed(force = false): void {
    const s = this.snapshot();
    const key = JSON.stringify({ ...s, instances: s.instances.map((i) => ({ ...i, lagBytes: undefined })) });
    // Lag alone changes on almost every probe: refreshed by bucket or every few seconds (lag-refresh.ts).
    const lag: LagView = Object.fromEntries(s.instances.map((i) => [i.name, i.lagBytes]));
    const now = this.#now();
    if (!force && key === this.#lastSnapshotKey && !lagNeedsRefresh(this.#reportedLag, lag, now - this.#lagReportedAt)) return;
    this.#lastSnapshotKey = key;
    this.#reportedLag = lag;
    this.#lagReportedAt = now;
    this.#opts.onChange?.();
  }

  #log(message: string): void {
    this.#opts.log?.(`[${this.baseName}] ${message}`);
  }
}

function newIncarnation(): string {
  return randomBytes(6).toString('hex');
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
