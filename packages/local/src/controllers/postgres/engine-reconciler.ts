// The PostgreSQL engine driver: every Postgres object becomes a real replicated cluster
// (PgClusterRuntime). This file only translates between the API objects and the runtime: spec
// -> desired cluster, runtime snapshot -> status, Pods, Services, Secret and Events.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PgMajorMissingError } from '../../engine/errors.js';
import { extensionsOfEveryMajor } from '../../engine/available-extensions.js';
import { chooseEngineRoot, releaseFallbackRoot } from '../../engine/engine-root.js';
import { claimExternalPort, releaseExternalPorts } from '../../engine/external-listener.js';
import { listInstalledPg, locatePg } from '../../engine/pg-binaries.js';
import { tlsFilesIn } from '../../engine/pg-tls-files.js';
import { resolveRunAs, type RunAs } from '../../engine/run-as.js';
import type { KubeObject } from '../../store/kube-object.js';
import { credentialsData, INCARNATION_ANNOTATION, instancePod, passwordsOf, statusDetail, workloadCount, type ObservedInstance } from '../cluster-objects.js';
import { publishCredentials, publishedCredentials, publishServices } from '../published-objects.js';
import type {
  FinalizeResult,
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
import { PgClusterRuntime, type ClusterSnapshot } from './cluster-runtime.js';
import { desiredCluster, majorOf, type PostgresSpec } from './desired-cluster.js';
import { ExternalAddresses } from './external-addresses.js';
import { profileByName, type HealthProfile } from './health-profile.js';
import { planPod } from './pod-plan.js';
import { resourceSettings } from './resources-plan.js';
import { specRefusals } from '../spec-refusals.js';
import { checkPlacement, writeReleaseFailure } from '../release-failure.js';
import { actionOf, ReleaseBook, releasePending, releaseStatus, schemaFailure, type ReleaseOutcome } from '../release-status.js';
import { releaseDone } from './status-plan.js';

/** Annotation naming the instance a planned switchover should make primary. */
const SWITCHOVER_ANNOTATION = 'local.hikube.io/switchover-to';

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

export class EngineReconciler implements Reconciler {
  readonly name = 'engine';
  readonly #profile: HealthProfile;
  #host: ReconcilerHost | undefined;
  #runAs: RunAs | undefined;
  #root = '';
  #addresses: ExternalAddresses | undefined;
  readonly #clusters = new Map<string, Managed>();
  readonly #releases = new ReleaseBook();
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
    this.#root = await chooseEngineRoot(host.dataDir, this.#runAs);
    this.#addresses = await ExternalAddresses.open(join(this.#root, 'external-addresses.json'), (address) => claimExternalPort(address, this));
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
    await releaseExternalPorts(this);
    await releaseFallbackRoot(this.#host?.dataDir, this.#root);
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
    this.#releases.forget(object);
    // never delete data under running postmasters: adopt whatever runs before destroying
    if (!known) await managed.runtime.open().catch(() => false);
    await managed.runtime.destroy();
    await this.#releaseAddress(object);
    await ctx.event('Normal', 'Deleted', `Instances of postgres-${object.metadata.name} stopped and their data removed`);
    return { done: true };
  }

  async reconcile(object: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult> {
    const spec = (object['spec'] ?? {}) as PostgresSpec;
    const generation = object.metadata.generation ?? 1;
    const previous = (object['status'] ?? {}) as Partial<PostgresStatus>;
    const refusals = specRefusals(object);
    if (refusals.length > 0) {
      await this.#writeFailure(ctx, object, previous, schemaFailure(refusals));
      return {};
    }
    const placed = checkPlacement(object, ctx.placement());
    if (placed.error !== undefined) {
      await this.#writeFailure(ctx, object, previous, placed.error);
      return { requeueAfterMs: 5_000 };
    }
    const placement = placed.placement;
    const version = spec.version ?? 'v18';
    const major = majorOf(version);
    if (major === undefined) {
      await this.#writeFailure(ctx, object, previous, `spec.version "${version}" is not a PostgreSQL major such as v15`);
      return {};
    }
    try {
      await locatePg(major);
    } catch (err) {
      if (!(err instanceof PgMajorMissingError)) throw err;
      await this.#writeFailure(ctx, object, previous, err.message);
      return {};
    }

    const credentials = credentialsData(spec.users ?? {}, publishedCredentials(object, ctx));
    const passwords = passwordsOf(credentials);
    const passwordsKey = createHash('sha256').update(JSON.stringify(passwords)).digest('hex');
    const managed = this.#clusters.get(this.#key(object)) ?? this.#managed(object);
    const first = !previous.conditions?.length;
    if (managed.ensuredGeneration !== generation || managed.passwordsKey !== passwordsKey) {
      const before = managed.runtime.snapshot();
      await this.#writeStatus(ctx, object, previous, before, placement, true);
      try {
        const externalAddress = await this.#externalAddress(object, spec);
        await this.#ensureCertificate(object, managed, externalAddress);
        await managed.runtime.ensure({ ...desiredCluster(spec, major, placement, passwords), externalAddress });
        managed.ensuredGeneration = generation;
        managed.passwordsKey = passwordsKey;
      } catch (err) {
        managed.ensuredGeneration = undefined;
        const message = err instanceof Error ? err.message : String(err);
        const code = (err as { code?: string }).code;
        await this.#writeFailure(
          ctx,
          object,
          (ctx.get()?.['status'] ?? previous) as Partial<PostgresStatus>,
          code === 'HIKUBE_PG_START_FAILED' ? `an instance did not start: ${message}` : message,
        );
        await this.#flushEvents(managed, ctx);
        return { requeueAfterMs: 5_000 };
      }
      await publishCredentials(object, ctx, credentials);
    }
    await this.#plannedSwitchover(object, managed, ctx);
    const snapshot = managed.runtime.snapshot();
    await this.#syncPods(object, ctx, snapshot, spec.version ?? 'v18', placement);
    const { rw, ro, r, external: externalPort, externalHost } = snapshot.proxies;
    const externalWrite = spec.external === true && externalPort !== undefined ? { ip: externalHost ?? '127.0.0.1', port: externalPort } : undefined;
    await publishServices(object, ctx, { rw, ro, r, externalWrite });
    const latest = (ctx.get()?.['status'] ?? previous) as Partial<PostgresStatus>;
    await this.#writeStatus(ctx, object, latest, snapshot, placement, false);
    if (first)
      await ctx.event(
        'Normal',
        'Created',
        `Cluster postgres-${object.metadata.name} created with ${snapshot.instances.length} instance(s) (scheduling class ${placement.className ?? 'none'})`,
      );
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
    await this.#releaseAddress(object);
    return undefined;
  }

  /** Gives the cluster's address back, with the hold on its port 5432 if its listener never took it. */
  async #releaseAddress(object: KubeObject): Promise<void> {
    const address = this.#addresses?.addressOf(this.#clusterDir(object));
    if (address === undefined) return;
    await releaseExternalPorts(this, address);
    await this.#addresses?.release(this.#clusterDir(object));
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

  // ---- snapshot -> API objects -------------------------------------------------------

  async #writeStatus(
    ctx: ReconcileContext,
    object: KubeObject,
    previous: Partial<PostgresStatus>,
    s: ClusterSnapshot,
    placement: Placement,
    applying: boolean,
  ): Promise<void> {
    const count = workloadCount(s.instances);
    const record = this.#releases.recordOf(object);
    let outcome: ReleaseOutcome | undefined;
    if (releasePending(object, record)) {
      const action = actionOf(record);
      if (
        releaseDone({
          phase: s.phase,
          primary: s.primary,
          primaryReady: s.primaryReady,
          rolesApplied: s.rolesApplied,
          instances: count.pods,
          readyInstances: count.ready,
          applying,
        })
      ) {
        record.revision += 1;
        record.releasedGeneration = object.metadata.generation ?? 1;
        outcome = { state: 'succeeded', action, revision: record.revision };
      } else {
        outcome = { state: 'progressing', action };
      }
    }
    await ctx.writeStatus({
      ...releaseStatus(object, previous, outcome, count),
      ...statusDetail(s.instances, s.primary),
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

  /** A release action that failed: Ready and Released False with Helm's reason; the pods keep running. */
  async #writeFailure(ctx: ReconcileContext, object: KubeObject, previous: Partial<PostgresStatus>, error: string): Promise<void> {
    const instances = this.#clusters.get(this.#key(object))?.runtime.snapshot().instances ?? [];
    await writeReleaseFailure(ctx, object, previous, actionOf(this.#releases.recordOf(object)), error, workloadCount(instances));
  }

  async #syncPods(object: KubeObject, ctx: ReconcileContext, s: ClusterSnapshot, version: string, placement: Placement): Promise<void> {
    const names = new Set(s.instances.map((i) => i.name));
    const existing = new Map(ctx.listOwned('Pod').map((p) => [p.metadata.name, p]));
    for (const name of existing.keys()) if (!names.has(name)) await ctx.deleteOwned('Pod', name);
    const cluster = { postgresName: object.metadata.name, version, placement };
    for (const i of s.instances) {
      // Updated in place for its whole life; replaced only when the instance's data was recreated.
      const current = existing.get(i.name);
      const replaced = planPod(current !== undefined, current?.metadata.annotations?.[INCARNATION_ANNOTATION], i.incarnation) === 'replace';
      if (replaced) await ctx.deleteOwned('Pod', i.name);
      const observed: ObservedInstance = {
        name: i.name,
        ordinal: i.ordinal,
        site: i.site,
        role: i.role === 'primary' ? 'primary' : 'replica',
        ready: i.ready,
        reason: i.reason,
        incarnation: i.incarnation,
        port: i.port,
      };
      await ctx.applyOwned(instancePod(cluster, observed, replaced ? undefined : current));
    }
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
}

export const createEngineReconciler: ReconcilerFactory = () => new EngineReconciler();
