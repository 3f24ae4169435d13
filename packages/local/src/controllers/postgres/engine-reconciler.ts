// The PostgreSQL engine driver: every Postgres object becomes a real replicated cluster
// (PgClusterRuntime). This file only translates between the API objects and the runtime: spec
// -> desired cluster, runtime snapshot -> status, Pods, Services, Secret and Events.

import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PgMajorMissingError } from '../../engine/errors.js';
import { extensionsOfEveryMajor } from '../../engine/available-extensions.js';
import { portInUse } from '../../engine/external-listener.js';
import { listInstalledPg, locatePg } from '../../engine/pg-binaries.js';
import { tlsFilesIn } from '../../engine/pg-tls-files.js';
import { makeTraversalOnlyDir, resolveRunAs, shareTraversalWith, type RunAs } from '../../engine/run-as.js';
import { runCommand } from '../../engine/run-command.js';
import type { KubeObject } from '../../store/kube-object.js';
import { CHART_VERSION } from '../deterministic/deterministic-reconciler.js';
import { podReadyCondition, postgresCondition } from '../conditions.js';
import { generatedPassword } from '../generated-password.js';
import { nodeOfInstance, siteOfInstance } from '../placement.js';
import { publishCredentials, publishedPassword, publishServices } from '../published-objects.js';
import type {
  FinalizeResult,
  OwnedObject,
  Placement,
  PostgresStatus,
  ReconcileContext,
  ReconcileResult,
  Reconciler,
  ReconcilerFactory,
  ReconcilerHost,
  Site,
} from '../reconciler.js';
import { clusterCertificateNames, ensureClusterCertificate } from './cluster-certificate.js';
import { PgClusterRuntime, type ClusterDesired, type ClusterSnapshot } from './cluster-runtime.js';
import { ExternalAddresses } from './external-addresses.js';
import { profileByName, type HealthProfile } from './health-profile.js';
import { OPERATOR_PARAMETERS } from './parameter-plan.js';
import { INCARNATION_ANNOTATION, planPod } from './pod-plan.js';
import { resourceSettings } from './resources-plan.js';
import { specRefusals } from '../spec-refusals.js';
import { decideReady, decideWorkloadsReady, type ReadinessFacts } from './status-plan.js';

/** Annotation naming the instance a planned switchover should make primary. */
export const SWITCHOVER_ANNOTATION = 'local.hikube.io/switchover-to';

/** The fields of a Postgres spec the engine reads. */
interface PostgresSpec {
  replicas?: number;
  version?: string;
  external?: boolean;
  resources?: { cpu?: string | number; memory?: string | number };
  resourcesPreset?: string;
  postgresql?: { parameters?: Record<string, string | number> };
  quorum?: { minSyncReplicas?: number; maxSyncReplicas?: number };
  users?: Record<string, { password?: string; replication?: boolean } | null>;
  databases?: Record<string, { roles?: { admin?: string[]; readonly?: string[] }; extensions?: string[] } | null>;
}

interface Managed {
  readonly runtime: PgClusterRuntime;
  /** metadata.generation last brought about by `ensure`; undefined forces an ensure. */
  ensuredGeneration: number | undefined;
  /** Passwords used in the last ensure, compared to notice Secret edits. */
  passwordsKey: string;
}

export interface EngineReconcilerOptions {
  /** Detection profile: `fast` (default) or `cloudnative-pg`. Env HIKUBE_LOCAL_FAILOVER_PROFILE. */
  readonly profile?: HealthProfile;
}

function majorOf(version: string): number | undefined {
  const m = /^v(\d+)$/.exec(version);
  return m?.[1] ? Number(m[1]) : undefined;
}

export class EngineReconciler implements Reconciler {
  readonly name = 'engine';
  readonly #profile: HealthProfile;
  #host: ReconcilerHost | undefined;
  #runAs: RunAs | undefined;
  #root = '';
  #addresses: ExternalAddresses | undefined;
  readonly #clusters = new Map<string, Managed>();
  readonly #downSites = new Set<Site>();

  constructor(options: EngineReconcilerOptions = {}) {
    this.#profile = options.profile ?? profileByName(process.env['HIKUBE_LOCAL_FAILOVER_PROFILE']);
  }

  /** What the installed PostgreSQL offers (`pg_available_extensions`), in every installed major. */
  async extensionCatalog(): Promise<readonly string[]> {
    return extensionsOfEveryMajor(await listInstalledPg());
  }

  async start(host: ReconcilerHost): Promise<void> {
    this.#host = host;
    this.#runAs = await resolveRunAs();
    this.#root = await this.#chooseRoot(host.dataDir);
    this.#addresses = await ExternalAddresses.open(join(this.#root, 'external-addresses.json'), (address) => portInUse(address));
    // Objects being deleted are reopened too: finalize must stop their processes.
    for (const object of host.listPostgres()) {
      const managed = this.#managed(object);
      try {
        if (await managed.runtime.open()) host.log(`engine: adopted postgres-${object.metadata.name} in ${object.metadata.namespace ?? ''}`);
      } catch (err) {
        host.log(`engine: could not reopen postgres-${object.metadata.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  async stop(): Promise<void> {
    const all = [...this.#clusters.values()];
    this.#clusters.clear();
    await Promise.all(all.map((m) => m.runtime.close()));
    await this.#releaseFallbackRoot();
  }

  /**
   * A root in the temp dir (see #chooseRoot) that holds no cluster any more is removed at stop,
   * with its template cache: removing the data directory must not leave anything behind there.
   */
  async #releaseFallbackRoot(): Promise<void> {
    const dataDir = this.#host?.dataDir;
    if (!dataDir || this.#root === '' || this.#root === join(dataDir, 'engine')) return;
    const clusters = await readdir(join(this.#root, 'clusters')).catch(() => []);
    if (clusters.length > 0) return;
    await rm(this.#root, { recursive: true, force: true });
    // the shared parent goes too once no other data directory uses it (rmdir refuses otherwise)
    await rmdir(dirname(this.#root)).catch(() => undefined);
  }

  async siteOperation(operation: 'down' | 'up', site: Site): Promise<void> {
    if (operation === 'down') this.#downSites.add(site);
    else this.#downSites.delete(site);
    await Promise.all([...this.#clusters.values()].map((m) => m.runtime.site(operation, site)));
  }

  async podDeleted(owner: KubeObject, pod: KubeObject, ctx: ReconcileContext): Promise<void> {
    const managed = this.#clusters.get(this.#key(owner));
    const ordinal = Number(/-(\d+)$/.exec(pod.metadata.name)?.[1]);
    if (!managed || !Number.isInteger(ordinal)) return;
    await managed.runtime.killInstance(ordinal);
    await this.#flushEvents(managed, ctx);
  }

  async finalize(object: KubeObject, ctx: ReconcileContext): Promise<FinalizeResult> {
    const key = this.#key(object);
    const known = this.#clusters.get(key);
    const managed = known ?? this.#managed(object);
    this.#clusters.delete(key);
    // never delete data under running postmasters: adopt whatever runs before destroying
    if (!known) await managed.runtime.open().catch(() => false);
    await managed.runtime.destroy();
    await this.#addresses?.release(this.#clusterDir(object));
    await ctx.event('Normal', 'Deleted', `Instances of postgres-${object.metadata.name} stopped and their data removed`);
    return { done: true };
  }

  async reconcile(object: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult> {
    const spec = (object['spec'] ?? {}) as PostgresSpec;
    const generation = object.metadata.generation ?? 1;
    const previous = (object['status'] ?? {}) as Partial<PostgresStatus>;
    const refusals = specRefusals(object);
    if (refusals.length > 0) {
      await this.#writeFailure(ctx, object, previous, 'InvalidSpec', refusals.map((r) => `${r.path}: ${r.message}`).join('; '));
      return {};
    }
    const placement = ctx.placement();
    const className = (object['spec'] as { schedulingClass?: string } | undefined)?.schedulingClass ?? '';
    if (!placement) {
      await this.#writeFailure(ctx, object, previous, 'SchedulingClassNotFound', `SchedulingClass "${className}" does not exist: ask an administrator to create it, or set spec.schedulingClass to an existing class (built in: spread, gland, lucerne, geneva, gland-lucerne, gland-geneva, lucerne-geneva)`);
      return { requeueAfterMs: 5_000 };
    }
    if (placement.unschedulable !== undefined) {
      await this.#writeFailure(ctx, object, previous, 'Unschedulable', `${placement.unschedulable} (scheduling class ${placement.className ?? 'none'})`);
      return { requeueAfterMs: 5_000 };
    }
    const version = spec.version ?? 'v18';
    const major = majorOf(version);
    if (major === undefined) {
      await this.#writeFailure(ctx, object, previous, 'VersionUnavailable', `spec.version "${version}" is not a PostgreSQL major such as v15`);
      return {};
    }
    try {
      await locatePg(major);
    } catch (err) {
      if (!(err instanceof PgMajorMissingError)) throw err;
      await this.#writeFailure(ctx, object, previous, 'VersionUnavailable', err.message);
      return {};
    }

    const passwords = this.#passwords(object, ctx, spec);
    const passwordsKey = createHash('sha256').update(JSON.stringify(passwords)).digest('hex');
    const managed = this.#clusters.get(this.#key(object)) ?? this.#managed(object);
    const first = !previous.conditions?.length;
    if (managed.ensuredGeneration !== generation || managed.passwordsKey !== passwordsKey) {
      const before = managed.runtime.snapshot();
      const reason = before.instances.length === 0 ? 'Initializing' : before.instances.length !== Math.max(1, spec.replicas ?? 2) ? 'Scaling' : 'Reconciling';
      await this.#writeStatus(ctx, object, previous, before, placement, reason);
      try {
        const externalAddress = await this.#externalAddress(object, spec);
        await this.#ensureCertificate(object, managed, externalAddress);
        await managed.runtime.ensure({ ...this.#desired(spec, major, placement, passwords), externalAddress });
        managed.ensuredGeneration = generation;
        managed.passwordsKey = passwordsKey;
      } catch (err) {
        managed.ensuredGeneration = undefined;
        const message = err instanceof Error ? err.message : String(err);
        const code = (err as { code?: string }).code;
        await this.#writeFailure(ctx, object, (ctx.get()?.['status'] ?? previous) as Partial<PostgresStatus>, code === 'HIKUBE_PG_START_FAILED' ? 'InstanceStartFailed' : 'ReconcileFailed', message);
        await this.#flushEvents(managed, ctx);
        return { requeueAfterMs: 5_000 };
      }
      await this.#syncSecret(object, ctx, passwords);
    }
    await this.#plannedSwitchover(object, managed, ctx);
    const snapshot = managed.runtime.snapshot();
    await this.#syncPods(object, ctx, snapshot, spec.version ?? 'v18', placement);
    const { rw, ro, r, external: externalPort, externalHost } = snapshot.proxies;
    const externalWrite = spec.external === true && externalPort !== undefined ? { ip: externalHost ?? '127.0.0.1', port: externalPort } : undefined;
    await publishServices(object, ctx, { rw, ro, r, externalWrite });
    const latest = (ctx.get()?.['status'] ?? previous) as Partial<PostgresStatus>;
    await this.#writeStatus(ctx, object, latest, snapshot, placement, undefined);
    if (first) await ctx.event('Normal', 'Created', `Cluster postgres-${object.metadata.name} created with ${snapshot.instances.length} instance(s) (scheduling class ${placement.className ?? 'none'})`);
    await this.#flushEvents(managed, ctx);
    // Lag and readiness drift slowly; topology changes arrive through onChange -> enqueue.
    return { requeueAfterMs: 15_000 };
  }

  /**
   * A planned switchover: annotate the Postgres with `local.hikube.io/switchover-to: <pod>` and
   * that instance becomes the primary once it streams (the annotation names the wanted primary).
   */
  async #plannedSwitchover(object: KubeObject, managed: Managed, ctx: ReconcileContext): Promise<void> {
    const want = object.metadata.annotations?.[SWITCHOVER_ANNOTATION];
    if (!want) return;
    const s = managed.runtime.snapshot();
    const target = s.instances.find((i) => i.name === want);
    if (!target) {
      await ctx.event('Warning', 'SwitchoverRefused', `${SWITCHOVER_ANNOTATION}: ${want} is not an instance of postgres-${object.metadata.name}`);
      return;
    }
    if (s.primary === want || !target.ready || s.phase !== 'Healthy') return;
    await managed.runtime.switchover(target.ordinal);
  }

  /** An external cluster's own loopback address (allocated once, kept); a cluster that is not external gives its back. */
  async #externalAddress(object: KubeObject, spec: PostgresSpec): Promise<string | undefined> {
    const addresses = this.#addresses;
    if (!addresses) return undefined;
    if (spec.external === true) return addresses.allocate(this.#clusterDir(object));
    await addresses.release(this.#clusterDir(object));
    return undefined;
  }

  /** The cluster's certificate covers its names and address; running instances reload a new one. */
  async #ensureCertificate(object: KubeObject, managed: Managed, externalAddress: string | undefined): Promise<void> {
    const ca = this.#host?.ca;
    if (!ca) return;
    const names = clusterCertificateNames(object.metadata.name, object.metadata.namespace ?? 'default', externalAddress);
    if (await ensureClusterCertificate(tlsFilesIn(join(managed.runtime.root, 'tls')), ca, `postgres-${object.metadata.name}`, names, this.#runAs)) {
      await managed.runtime.reload();
    }
  }

  // ---- spec -> desired ---------------------------------------------------------------

  #desired(spec: PostgresSpec, major: number, placement: Placement, passwords: Record<string, string>): ClusterDesired {
    const params: Record<string, string> = { ...resourceSettings(spec.resources, spec.resourcesPreset).parameters };
    for (const [k, v] of Object.entries(spec.postgresql?.parameters ?? { max_connections: 100 })) {
      if (!OPERATOR_PARAMETERS.has(k.toLowerCase())) params[k] = String(v);
    }
    const databases: ClusterDesired['roles']['databases'] = Object.fromEntries(
      Object.entries(spec.databases ?? {}).map(([db, d]) => [
        db,
        { admins: d?.roles?.admin ?? [], readonly: d?.roles?.readonly ?? [], extensions: d?.extensions ?? [] },
      ]),
    );
    return {
      major,
      replicas: Math.max(1, spec.replicas ?? 2),
      quorum: { minSyncReplicas: spec.quorum?.minSyncReplicas ?? 0, maxSyncReplicas: spec.quorum?.maxSyncReplicas ?? 0 },
      parameters: params,
      siteOf: (n) => siteOfInstance(placement, n),
      roles: {
        users: Object.fromEntries(
          Object.entries(spec.users ?? {}).map(([u, cfg]) => [u, { password: passwords[u] ?? '', replication: cfg?.replication === true }]),
        ),
        databases,
      },
      external: spec.external === true,
    };
  }

  /** Given password, else the one already in the Secret, else a new one (kept across reconciles). */
  #passwords(object: KubeObject, ctx: ReconcileContext, spec: PostgresSpec): Record<string, string> {
    const secret = ctx.listOwned('Secret').find((s) => s.metadata.name === `postgres-${object.metadata.name}-credentials`);
    const old = (secret?.['data'] ?? {}) as Record<string, string>;
    const out: Record<string, string> = {};
    for (const [user, cfg] of Object.entries(spec.users ?? {})) {
      const given = cfg?.password;
      const published = publishedPassword(old, user);
      const kept = published !== undefined ? Buffer.from(published, 'base64').toString('utf8') : undefined;
      out[user] = given ?? kept ?? generatedPassword();
    }
    return out;
  }

  // ---- snapshot -> API objects -------------------------------------------------------

  async #writeStatus(ctx: ReconcileContext, object: KubeObject, previous: Partial<PostgresStatus>, s: ClusterSnapshot, placement: Placement, forcedReason: 'Initializing' | 'Scaling' | 'Reconciling' | undefined): Promise<void> {
    const generation = object.metadata.generation ?? 1;
    const want = s.instances.length;
    const ready = s.instances.filter((i) => i.ready).length;
    const facts: ReadinessFacts = {
      phase: s.phase,
      primary: s.primary,
      primaryReady: s.primaryReady,
      rolesApplied: s.rolesApplied,
      instances: want,
      readyInstances: ready,
      desiredReplicas: Math.max(1, (object['spec'] as PostgresSpec | undefined)?.replicas ?? 2),
      lastError: s.lastError,
      applying: forcedReason,
    };
    const r = decideReady(facts);
    const w = decideWorkloadsReady(facts);
    const conditions = [
      postgresCondition(previous, 'Ready', r.ok, r.reason, r.message, generation),
      postgresCondition(previous, 'WorkloadsReady', w.ok, w.reason, w.message, generation),
    ];
    await ctx.writeStatus({
      version: CHART_VERSION,
      conditions,
      observedGeneration: generation,
      // Optional detail Hikube does not publish; clients must not depend on it.
      instances: want,
      readyInstances: ready,
      ...(s.primary ? { currentPrimary: s.primary } : {}),
      phase: s.phase,
      synchronousStandbys: { number: s.synchronous.number, names: [...s.synchronous.names] },
      instancesStatus: s.instances.map((i) => ({
        name: i.name,
        site: i.site,
        role: i.role,
        ready: i.ready,
        reason: i.reason,
        ...(i.lagBytes !== undefined ? { lagBytes: i.lagBytes } : {}),
      })),
      ...(placement.className !== undefined ? { schedulingClass: placement.className } : {}),
      resources: this.#resourcesStatus(object),
    });
  }

  /** What resources/presets became (shared_buffers) and what is only recorded (CPU, memory limits). */
  #resourcesStatus(object: KubeObject): Record<string, unknown> {
    const spec = (object['spec'] ?? {}) as PostgresSpec;
    const r = resourceSettings(spec.resources, spec.resourcesPreset);
    return { applied: r.parameters, recordedOnly: r.recorded };
  }

  async #writeFailure(ctx: ReconcileContext, object: KubeObject, previous: Partial<PostgresStatus>, reason: string, message: string): Promise<void> {
    const generation = object.metadata.generation ?? 1;
    const before = previous.conditions?.find((c) => c.type === 'Ready');
    await ctx.writeStatus({
      version: CHART_VERSION,
      conditions: [postgresCondition(previous, 'Ready', false, reason, message, generation), postgresCondition(previous, 'WorkloadsReady', false, reason, message, generation)],
      observedGeneration: generation,
    });
    if (before?.reason !== reason || before.message !== message) await ctx.event('Warning', reason, message);
  }

  async #syncPods(object: KubeObject, ctx: ReconcileContext, s: ClusterSnapshot, version: string, placement: Placement): Promise<void> {
    const base = `postgres-${object.metadata.name}`;
    const names = new Set(s.instances.map((i) => i.name));
    const existing = new Map(ctx.listOwned('Pod').map((p) => [p.metadata.name, p]));
    for (const name of existing.keys()) if (!names.has(name)) await ctx.deleteOwned('Pod', name);
    for (const i of s.instances) {
      // Updated in place for its whole life; replaced only when the instance's data was recreated.
      const current = existing.get(i.name);
      const replaced = planPod(current !== undefined, current?.metadata.annotations?.[INCARNATION_ANNOTATION], i.incarnation) === 'replace';
      if (replaced) await ctx.deleteOwned('Pod', i.name);
      const primary = i.role === 'primary';
      const pod: OwnedObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: i.name,
          labels: {
            'cnpg.io/cluster': base,
            'cnpg.io/instanceName': i.name,
            'cnpg.io/instanceRole': primary ? 'primary' : 'replica',
            role: primary ? 'primary' : 'replica',
          },
          annotations: { 'local.hikube.io/port': String(i.port), [INCARNATION_ANNOTATION]: i.incarnation },
        },
        spec: {
          nodeName: nodeOfInstance(placement, i.site, i.ordinal),
          containers: [{ name: 'postgres', image: `ghcr.io/cloudnative-pg/postgresql:${version.slice(1)}` }],
        },
        status: {
          phase: i.reason === 'SiteDown' ? 'Failed' : 'Running',
          podIP: '127.0.0.1',
          hostIP: '127.0.0.1',
          conditions: [podReadyCondition(replaced ? undefined : current, i.ready, i.reason)],
          containerStatuses: [{ name: 'postgres', ready: i.ready, restartCount: 0 }],
        },
      };
      await ctx.applyOwned(pod);
    }
  }

  async #syncSecret(object: KubeObject, ctx: ReconcileContext, passwords: Record<string, string>): Promise<void> {
    await publishCredentials(object, ctx, Object.fromEntries(Object.entries(passwords).map(([u, p]) => [u, Buffer.from(p).toString('base64')])));
  }

  async #flushEvents(managed: Managed, ctx: ReconcileContext): Promise<void> {
    for (const e of managed.runtime.drainEvents()) await ctx.event(e.type, e.reason, e.message);
  }

  // ---- bookkeeping -------------------------------------------------------------------

  #key(object: KubeObject): string {
    return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
  }

  /** The cluster's directory name under `clusters/`; also its key for the external addresses. */
  #clusterDir(object: KubeObject): string {
    return `${object.metadata.namespace ?? 'default'}--${object.metadata.name}--${(object.metadata.uid ?? 'nouid').slice(0, 8)}`;
  }

  #managed(object: KubeObject): Managed {
    const key = this.#key(object);
    const existing = this.#clusters.get(key);
    if (existing) return existing;
    const ns = object.metadata.namespace ?? 'default';
    const name = object.metadata.name;
    const host = this.#host;
    const root = join(this.#root, 'clusters', this.#clusterDir(object));
    const runtime = new PgClusterRuntime({
      root,
      ...(host?.ca ? { tls: tlsFilesIn(join(root, 'tls')) } : {}),
      baseName: `postgres-${name}`,
      templateRoot: join(this.#root, 'templates'),
      runAs: this.#runAs,
      profile: this.#profile,
      onChange: () => host?.enqueue(ns, name),
      ...(host ? { log: (m: string) => host.log(`engine: ${m}`) } : {}),
    });
    const managed: Managed = { runtime, ensuredGeneration: undefined, passwordsKey: '' };
    this.#clusters.set(key, managed);
    return managed;
  }

  /**
   * Instances live under the data directory when the PostgreSQL user can reach it. When we run
   * as root and the data directory sits behind a private (0700) parent, they go to a directory
   * under the system temp dir keyed by the data directory instead. Either way the directories on
   * the path let the PostgreSQL user's group through and nobody else in.
   */
  async #chooseRoot(dataDir: string): Promise<string> {
    const preferred = join(dataDir, 'engine');
    await mkdir(preferred, { recursive: true, mode: 0o700 });
    if (!this.#runAs) {
      await chmod(preferred, 0o700);
      return preferred;
    }
    await shareTraversalWith(dataDir, this.#runAs);
    await shareTraversalWith(preferred, this.#runAs);
    const reachable = await runCommand('test', ['-x', preferred], { runAs: this.#runAs }).then(() => true, () => false);
    if (reachable) return preferred;
    const shared = join(tmpdir(), 'hikube-local-engine');
    const fallback = join(shared, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
    await makeTraversalOnlyDir(shared, this.#runAs);
    await makeTraversalOnlyDir(fallback, this.#runAs);
    return fallback;
  }
}

export const createEngineReconciler: ReconcilerFactory = () => new EngineReconciler();
