// The deterministic driver: no processes, same observable API as the real engine. Every Postgres
// becomes Ready with the platform's conditions, one Pod per instance placed by its SchedulingClass,
// the rw/ro/r (+external-write) Services and the credentials Secret/TenantSecret. Used by the API
// conformance tests and by other packages' tests that need a fast, predictable server.

import type { KubeObject } from '../../store/kube-object.js';
import {
  clusterBaseName,
  credentialsData,
  instancePod,
  statusDetail,
  workloadCount,
  workloadCountOfPods,
  type ObservedInstance,
  type StatusDetail,
  type UsersSpec,
} from '../cluster-objects.js';
import { publishCredentials, publishedCredentials, publishServices } from '../published-objects.js';
import type { FinalizeResult, Placement, PostgresStatus, ReconcileContext, ReconcileResult, Reconciler, Site } from '../reconciler.js';
import { checkPlacement, writeReleaseFailure } from '../release-failure.js';
import { actionOf, ReleaseBook, releasePending, releaseStatus, schemaFailure, type WorkloadCount } from '../release-status.js';
import { specRefusals } from '../spec-refusals.js';
import { deterministicInstances } from './deterministic-instances.js';

/**
 * The extensions catalog without a PostgreSQL to ask: a fixed list, the usual PostgreSQL contrib
 * extensions plus those Hikube's guides name (`pgaudit`, `postgres_fdw`, `vector`). The engine
 * driver lists what the installed PostgreSQL offers instead.
 */
export const DETERMINISTIC_EXTENSIONS: readonly string[] = [
  'btree_gin',
  'btree_gist',
  'citext',
  'cube',
  'fuzzystrmatch',
  'hstore',
  'intarray',
  'ltree',
  'pg_stat_statements',
  'pg_trgm',
  'pgaudit',
  'pgcrypto',
  'postgres_fdw',
  'tablefunc',
  'unaccent',
  'uuid-ossp',
  'vector',
];

export interface DeterministicOptions {
  /** PostgreSQL majors treated as installed (others give Ready=False, VersionUnavailable). */
  availableVersions?: string[];
  /** Port published in every Service. */
  servicePort?: number;
}

interface PgSpec {
  replicas?: number;
  version?: string;
  external?: boolean;
  users?: UsersSpec;
}

export class DeterministicReconciler implements Reconciler {
  readonly name = 'deterministic';
  private readonly downSites = new Set<Site>();
  private readonly versions: Set<string>;
  private readonly port: number;
  private readonly releases = new ReleaseBook();

  constructor(options: DeterministicOptions = {}) {
    this.versions = new Set(options.availableVersions ?? ['v13', 'v14', 'v15', 'v16', 'v17', 'v18']);
    this.port = options.servicePort ?? 5432;
  }

  async start(): Promise<void> {}

  async extensionCatalog(): Promise<readonly string[]> {
    return DETERMINISTIC_EXTENSIONS;
  }

  async stop(): Promise<void> {}

  async siteOperation(operation: 'down' | 'up', site: Site): Promise<void> {
    if (operation === 'down') this.downSites.add(site);
    else this.downSites.delete(site);
  }

  async podDeleted(_owner: KubeObject, pod: KubeObject, ctx: ReconcileContext): Promise<void> {
    await ctx.event('Warning', 'InstanceKilled', `Pod ${pod.metadata.name} was deleted; the instance is recreated`);
  }

  async finalize(object: KubeObject, ctx: ReconcileContext): Promise<FinalizeResult> {
    await ctx.event('Normal', 'Deleting', `Removing the instances of postgres-${object.metadata.name}`);
    this.releases.forget(object);
    return { done: true };
  }

  async reconcile(object: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult> {
    const spec = (object['spec'] ?? {}) as PgSpec;
    const previous = (object['status'] ?? {}) as Partial<PostgresStatus>;
    const first = !previous.conditions?.length;
    const record = this.releases.recordOf(object);
    const action = actionOf(record);
    // A release runs only for a new generation, as helm-controller upgrades only on a changed spec.
    if (!releasePending(object, record)) {
      const placement = ctx.placement();
      const pods = placement && this.versions.has(spec.version ?? 'v18') ? await this.syncPods(object, ctx, placement, spec.replicas ?? 2) : undefined;
      await ctx.writeStatus({
        ...releaseStatus(object, previous, undefined, pods ? workloadCount(pods) : this.podCount(ctx)),
        ...(pods ? this.detail(pods) : {}),
      });
      return {};
    }
    const refusals = specRefusals(object);
    if (refusals.length > 0) {
      await this.writeFailure(ctx, object, previous, action, schemaFailure(refusals));
      return {};
    }
    const placed = checkPlacement(object, ctx.placement());
    if (placed.error !== undefined) {
      await this.writeFailure(ctx, object, previous, action, placed.error);
      return { requeueAfterMs: 5000 };
    }
    const placement = placed.placement;
    const version = spec.version ?? 'v18';
    if (!this.versions.has(version)) {
      await this.writeFailure(
        ctx,
        object,
        previous,
        action,
        `PostgreSQL ${version.slice(1)} is not available on this platform; available: ${[...this.versions].sort().join(', ')}`,
      );
      return {};
    }
    await ctx.writeStatus(releaseStatus(object, previous, { state: 'progressing', action }, this.podCount(ctx)));
    const replicas = spec.replicas ?? 2;
    const pods = await this.syncPods(object, ctx, placement, replicas);
    await publishServices(object, ctx, {
      rw: this.port,
      ro: this.port,
      r: this.port,
      externalWrite: spec.external === true ? { ip: '127.0.0.1', port: this.port } : undefined,
    });
    await publishCredentials(object, ctx, credentialsData(spec.users ?? {}, publishedCredentials(object, ctx)));
    // Helm waits for the primary: with every site it may use down, the release stays in progress.
    const primaryUp = pods.some((p) => p.role === 'primary' && p.ready);
    const latest = (ctx.get()?.['status'] ?? previous) as Partial<PostgresStatus>;
    if (primaryUp) {
      record.revision += 1;
      record.releasedGeneration = object.metadata.generation ?? 1;
    }
    await ctx.writeStatus({
      ...releaseStatus(
        object,
        latest,
        primaryUp ? { state: 'succeeded', action, revision: record.revision } : { state: 'progressing', action },
        workloadCount(pods),
      ),
      ...this.detail(pods),
    });
    if (first)
      await ctx.event(
        'Normal',
        'Created',
        `Cluster postgres-${object.metadata.name} created with ${replicas} instance(s) (scheduling class ${placement.className ?? 'none'})`,
      );
    return primaryUp ? {} : { requeueAfterMs: 5000 };
  }

  private detail(pods: readonly ObservedInstance[]): StatusDetail {
    return statusDetail(pods, pods.find((p) => p.role === 'primary')?.name);
  }

  /** The pods already published, for a status written before or without a sync. */
  private podCount(ctx: ReconcileContext): WorkloadCount {
    return workloadCountOfPods(ctx.listOwned('Pod'));
  }

  private async writeFailure(
    ctx: ReconcileContext,
    object: KubeObject,
    previous: Partial<PostgresStatus>,
    action: 'install' | 'upgrade',
    error: string,
  ): Promise<void> {
    await writeReleaseFailure(ctx, object, previous, action, error, this.podCount(ctx));
  }

  /** Decides the instances (deterministic-instances.ts) and publishes their Pods (the model builds them). */
  private async syncPods(object: KubeObject, ctx: ReconcileContext, placement: Placement, replicas: number): Promise<ObservedInstance[]> {
    const base = clusterBaseName(object.metadata.name);
    const existing = ctx.listOwned('Pod');
    for (const pod of existing) {
      const n = Number(pod.metadata.name.slice(base.length + 1));
      if (!(n >= 1 && n <= replicas)) await ctx.deleteOwned('Pod', pod.metadata.name);
    }
    const current = existing.find((p) => p.metadata.labels?.['cnpg.io/instanceRole'] === 'primary');
    const instances = deterministicInstances({
      postgresName: object.metadata.name,
      placement,
      replicas,
      downSites: this.downSites,
      currentPrimaryOrdinal: current ? Number(current.metadata.name.slice(base.length + 1)) : undefined,
    });
    const cluster = { postgresName: object.metadata.name, version: (object['spec'] as PgSpec | undefined)?.version ?? 'v18', placement };
    for (const instance of instances)
      await ctx.applyOwned(
        instancePod(
          cluster,
          instance,
          existing.find((p) => p.metadata.name === instance.name),
        ),
      );
    return instances;
  }
}
