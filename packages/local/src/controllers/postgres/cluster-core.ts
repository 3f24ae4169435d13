// What one cluster's operations share: its instances and their states, the endpoints, the
// quorum, phase, events and the state file. The operations themselves live in
// topology-operations.ts, failover-operations.ts and parameter-rollout.ts; the health loop and
// the queue that runs them one at a time in cluster-runtime.ts.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ClusterProxies } from '../../engine/cluster-proxies.js';
import { pollUntil } from '../../engine/instance-operations.js';
import { lsnDiff } from '../../engine/lsn.js';
import type { PgBinaries } from '../../engine/pg-binaries.js';
import { presentDataEntries } from '../../engine/pg-data-entries.js';
import { PgInstance } from '../../engine/pg-instance.js';
import { InstanceProbe } from '../../engine/pg-probe.js';
import { setSynchronousStandbyNames } from '../../engine/pg-replication.js';
import { saveClusterState } from './cluster-state.js';
import type { ClusterDesired, ClusterEvent, ClusterRuntimeOptions, ClusterSnapshot, InstanceSnapshot } from './cluster-types.js';
import { FAST_PROFILE, type HealthProfile } from './health-profile.js';
import { proxyRoutes, readiness, settledPhase, syncEligible, type ClusterPhase, type InstanceView } from './health-rules.js';
import { ESSENTIAL_DATA_ENTRIES, judgeDataDirectory, type DataDirectoryVerdict } from './instance-repair.js';
import { foundNotRunning, initialState, inspected, probed, type InstanceRole, type InstanceState } from './instance-state.js';
import { lagNeedsRefresh, type LagView } from './lag-refresh.js';
import { decideSynchronousStandbys, type SyncDecision } from './sync-quorum.js';

/** One instance: its process, its probe, and its state (replaced only through instance-state.ts). */
export interface Member {
  readonly ordinal: number;
  readonly name: string;
  readonly site: string;
  readonly instance: PgInstance;
  readonly probe: InstanceProbe;
  state: InstanceState;
}

/** What the runtime's queue and loop do for the operations. */
export interface ClusterHooks {
  /** Fail the primary over (queued once). */
  queueFailover(reason: string): void;
  /** Run the health loop now. */
  kick(): void;
}

export class ClusterCore {
  readonly root: string;
  readonly baseName: string;
  readonly opts: ClusterRuntimeOptions;
  readonly profile: HealthProfile;
  /** The controller's clock: every rule takes its time from here. */
  readonly now: () => number;
  readonly members = new Map<number, Member>();
  readonly events: ClusterEvent[] = [];
  hooks: ClusterHooks = { queueFailover: () => undefined, kick: () => undefined };
  binaries: PgBinaries | undefined;
  primary: number | undefined;
  proxies: ClusterProxies | undefined;
  desired: ClusterDesired | undefined;
  parameters: Record<string, string> = {};
  sync: SyncDecision = { number: 0, names: [], value: '' };
  phase: ClusterPhase = 'Initializing';
  rolesKey: string | undefined;
  lastError: string | undefined;
  closed = false;
  #lastSnapshotKey = '';
  #reportedLag: LagView = {};
  #lagReportedAt = 0;

  constructor(options: ClusterRuntimeOptions) {
    this.opts = options;
    this.root = options.root;
    this.baseName = options.baseName;
    this.profile = options.profile ?? FAST_PROFILE;
    this.now = options.now ?? Date.now;
  }

  // ---- the instances as the rules see them ---------------------------------------------

  view(m: Member): InstanceView {
    return { ordinal: m.ordinal, name: m.name, site: m.site, port: m.instance.port, running: m.instance.running, state: m.state };
  }

  views(): InstanceView[] {
    return [...this.members.values()].map((m) => this.view(m));
  }

  readiness(m: Member): { ready: boolean; reason: string } {
    return readiness(this.view(m));
  }

  computePhase(): ClusterPhase {
    const primary = this.primaryMember();
    return settledPhase(primary && this.view(primary), this.views(), this.desired?.replicas);
  }

  snapshot(): ClusterSnapshot {
    const instances = [...this.members.values()]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((m): InstanceSnapshot => {
        const { ready, reason } = this.readiness(m);
        const primaryLsn = this.primaryMember()?.state.health;
        const lag =
          m.state.role === 'standby' && m.state.health?.reachable && primaryLsn?.reachable
            ? Math.max(0, lsnDiff(primaryLsn.currentLsn, m.state.health.replayLsn) ?? 0)
            : undefined;
        return {
          ordinal: m.ordinal,
          name: m.name,
          site: m.site,
          role: m.state.role,
          ready,
          reason,
          lagBytes: lag,
          pid: m.instance.pid,
          port: m.instance.port,
          incarnation: m.state.incarnation,
        };
      });
    const primary = this.primaryMember();
    const p = this.proxies?.ports();
    return {
      phase: this.phase,
      primary: primary?.name,
      primaryReady: primary ? this.readiness(primary).ready : false,
      instances,
      synchronous: this.sync,
      proxies: { rw: p?.rw ?? 0, ro: p?.ro ?? 0, r: p?.r ?? 0, external: p?.external, externalHost: p?.externalHost },
      rolesApplied: this.rolesKey !== undefined,
      lastError: this.lastError,
    };
  }

  // ---- instances ---------------------------------------------------------------------

  addMember(n: number, site: string, port: number, role: InstanceRole, incarnation = newIncarnation()): Member {
    const name = this.nameOf(n);
    const instance = new PgInstance({ name, binaries: this.bin(), dir: join(this.root, name), port, runAs: this.opts.runAs, tls: this.opts.tls });
    const m: Member = { ordinal: n, name, site, instance, probe: new InstanceProbe(instance), state: initialState(role, incarnation) };
    instance.onExit((exit) => {
      if (m.state.busy || this.closed) return;
      this.log(`${m.name} exited (pid ${exit.pid}, ${exit.signal ? `signal ${exit.signal}` : `exit code ${String(exit.exitCode)}`})`);
      if (m.state.role === 'primary') this.hooks.queueFailover(`its postmaster exited (${exit.signal ?? `code ${String(exit.exitCode)}`})`);
      else this.hooks.kick();
    });
    this.members.set(n, m);
    return m;
  }

  nameOf(n: number): string {
    return `${this.baseName}-${n}`;
  }

  bin(): PgBinaries {
    if (!this.binaries) throw new Error('PostgreSQL binaries not resolved yet');
    return this.binaries;
  }

  primaryMember(): Member | undefined {
    return this.primary === undefined ? undefined : this.members.get(this.primary);
  }

  requirePrimary(): Member {
    const p = this.primaryMember();
    if (!p?.instance.running) throw new Error(`${this.baseName} has no running primary`);
    return p;
  }

  // ---- observing ---------------------------------------------------------------------

  async refreshHealth(): Promise<void> {
    await Promise.all([...this.members.values()].map((m) => this.probeMember(m)));
  }

  async probeMember(m: Member): Promise<void> {
    // an operation may be replacing the directory: only an idle instance is judged by it
    if (!m.state.busy) {
      const verdict = await this.inspectDataDirectory(m);
      m.state = inspected(m.state, verdict); // read after the await: an operation may have claimed it meanwhile
    }
    if (!m.instance.running) {
      m.state = foundNotRunning(m.state, this.now());
      return;
    }
    const h = await m.probe.probe(this.profile.probeTimeoutMs, { fresh: m.state.role === 'primary' });
    m.state = probed(m.state, h, this.profile, this.now());
  }

  async inspectDataDirectory(m: Member): Promise<DataDirectoryVerdict> {
    return judgeDataDirectory(await presentDataEntries(m.instance.dataDir, ESSENTIAL_DATA_ENTRIES));
  }

  async waitStreaming(m: Member, timeoutMs: number): Promise<void> {
    await pollUntil(
      async () => {
        await this.probeMember(m);
        const h = m.state.health;
        if (h?.reachable && h.inRecovery && h.streaming) return true;
        if (!m.instance.running) throw new Error(`${m.name} stopped while waiting for it to stream`);
        return false;
      },
      timeoutMs,
      20,
      () => new Error(`${m.name} did not start streaming within ${timeoutMs} ms`),
    );
  }

  async waitReplayed(m: Member, lsn: string, timeoutMs: number): Promise<void> {
    await pollUntil(
      async () => {
        await this.probeMember(m);
        const replayed = m.state.health?.reachable ? lsnDiff(m.state.health.replayLsn, lsn) : undefined;
        return replayed !== undefined && replayed >= 0;
      },
      timeoutMs,
      10,
      () => new Error(`${m.name} did not replay up to ${lsn} within ${timeoutMs} ms`),
    );
  }

  // ---- acting on what the rules say --------------------------------------------------

  async maintainSync(): Promise<void> {
    const primary = this.primaryMember();
    if (!primary?.instance.running || !this.desired) return;
    const next = decideSynchronousStandbys(this.desired.quorum, syncEligible(this.views(), this.profile, this.now()));
    if (next.value === this.sync.value) return;
    await setSynchronousStandbyNames(primary.instance, next.value);
    const before = this.sync;
    this.sync = next;
    if (before.number !== next.number || next.number > 0)
      this.event(
        next.number < this.desired.quorum.minSyncReplicas ? 'Warning' : 'Normal',
        'SynchronousStandbys',
        next.number === 0 ? 'Replication is asynchronous' : `Commits wait for ANY ${next.number} of ${next.names.join(', ')}`,
      );
  }

  updateProxies(): void {
    const primary = this.primaryMember();
    this.proxies?.route(proxyRoutes(primary && this.view(primary), this.views()));
  }

  // ---- persistence, events, status -----------------------------------------------------

  async save(): Promise<void> {
    const p = this.proxies?.ports();
    await saveClusterState(this.root, {
      major: this.bin().major,
      primary: this.primary,
      instances: Object.fromEntries(
        [...this.members.values()].map((m) => [String(m.ordinal), { port: m.instance.port, site: m.site, incarnation: m.state.incarnation }]),
      ),
      proxies: { rw: p?.rw ?? 0, ro: p?.ro ?? 0, r: p?.r ?? 0, external: p?.external, externalAddress: p?.externalAddress },
      parameters: this.parameters,
    });
  }

  event(type: ClusterEvent['type'], reason: string, message: string): void {
    this.events.push({ type, reason, message });
    this.log(`${reason}: ${message}`);
    this.opts.onChange?.();
  }

  fail(err: unknown): void {
    this.lastError = err instanceof Error ? err.message : String(err);
    this.log(`error: ${this.lastError}`);
    this.changed(true);
  }

  changed(force = false): void {
    const s = this.snapshot();
    const key = JSON.stringify({ ...s, instances: s.instances.map((i) => ({ ...i, lagBytes: undefined })) });
    // Lag alone changes on almost every probe: refreshed by bucket or every few seconds (lag-refresh.ts).
    const lag: LagView = Object.fromEntries(s.instances.map((i) => [i.name, i.lagBytes]));
    const now = this.now();
    if (!force && key === this.#lastSnapshotKey && !lagNeedsRefresh(this.#reportedLag, lag, now - this.#lagReportedAt)) return;
    this.#lastSnapshotKey = key;
    this.#reportedLag = lag;
    this.#lagReportedAt = now;
    this.opts.onChange?.();
  }

  log(message: string): void {
    this.opts.log?.(`[${this.baseName}] ${message}`);
  }
}

export function newIncarnation(): string {
  return randomBytes(6).toString('hex');
}
