// Test helper: an in-memory ClusterApi that behaves like the platform where the resource cares
// (defaults filled on write, merge patches, generated passwords, one pod per replica), with knobs
// for failures, and a count of every call so tests can prove no request was made. Its instances
// come from Hikube Local's platform model (@hikube/local/model), not from a model of its own.
import { deterministicInstances, instancePod, resolvePlacement, type KubeObject } from '@hikube/local/model';
import { applyMergePatch, applyPostgresDefaults, zoneOfNode, type Postgres, type PostgresCapabilities, type SchedulingClass } from '@hikube/sdk/kubernetes';
import type { ClusterApi, ClusterObservation, WaitOptions } from './cluster-api.js';
import type { MergePatch } from './merge-patch.js';

class MemoryApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MemoryApiError';
  }
}

export class MemoryClusterApi implements ClusterApi {
  readonly objects = new Map<string, Postgres>();
  readonly classes: SchedulingClass[] = [];
  readonly calls: string[] = [];
  /** Set to make waitForReady fail like a timeout. */
  failWait: string | null = null;
  /** What the platform's published document declares; null = it publishes none. */
  capabilities: PostgresCapabilities | null = null;
  /** Rewrites the platform applies on every write (e.g. legacy preset names). */
  rewrite: (object: Postgres) => Postgres = (object) => object;
  /**
   * Observations after each write that still show the credentials from before it: the platform
   * publishes a new user's password with the release that applies it, after the write returned.
   */
  credentialsLag = 0;
  readonly #publishedCredentials = new Map<string, Record<string, string>>();
  readonly #lagLeft = new Map<string, number>();
  /** Runs once, just before the next patch is applied (a concurrent writer, say). */
  beforeNextPatch: (() => void) | null = null;
  #version = 0;

  constructor(classes: SchedulingClass[] = []) {
    this.classes.push(...classes);
  }

  private key(namespace: string, name: string): string {
    return `${namespace}/${name}`;
  }

  /** The object each waitForReady was told to outwait (`since`), in call order. */
  readonly waitedSince: (Postgres | undefined)[] = [];

  // As the platform answers a write: the status stays what it was until the release runs.
  private store(object: Postgres): Postgres {
    const spec = applyPostgresDefaults(object.spec ?? {});
    this.#version += 1;
    const metadata = { ...object.metadata, resourceVersion: String(this.#version) };
    const stored = this.rewrite({ ...object, metadata, spec, ...(object.status ? { status: object.status } : {}) });
    const key = this.key(object.metadata.namespace ?? '', object.metadata.name ?? '');
    this.objects.set(key, stored);
    this.#lagLeft.set(key, this.credentialsLag);
    return structuredClone(stored);
  }

  async list(namespace: string, labelSelector: string | null): Promise<Postgres[]> {
    this.calls.push(`list ${namespace} ${labelSelector ?? ''}`);
    const wanted = Object.fromEntries(
      (labelSelector ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => pair.split('=') as [string, string]),
    );
    return [...this.objects.values()]
      .filter((object) => object.metadata.namespace === namespace)
      .filter((object) => Object.entries(wanted).every(([key, value]) => object.metadata.labels?.[key] === value))
      .map((object) => structuredClone(object));
  }

  async get(namespace: string, name: string): Promise<Postgres | null> {
    this.calls.push(`get ${namespace}/${name}`);
    const found = this.objects.get(this.key(namespace, name));
    return found === undefined ? null : structuredClone(found);
  }

  async create(object: Postgres): Promise<Postgres> {
    this.calls.push(`create ${object.metadata.namespace}/${object.metadata.name}`);
    if (this.objects.has(this.key(object.metadata.namespace ?? '', object.metadata.name ?? '')))
      throw new MemoryApiError('AlreadyExists', `postgres ${object.metadata.name} already exists`);
    return this.store(object);
  }

  async patch(namespace: string, name: string, patch: MergePatch): Promise<Postgres> {
    this.calls.push(`patch ${namespace}/${name} ${JSON.stringify(patch)}`);
    const concurrent = this.beforeNextPatch;
    this.beforeNextPatch = null;
    concurrent?.();
    const found = this.objects.get(this.key(namespace, name));
    if (found === undefined) throw new MemoryApiError('NotFound', `postgres ${name} not found`);
    // A resourceVersion in the patch is a precondition, as on a Kubernetes API server.
    const wanted = (patch['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion;
    if (wanted !== undefined && wanted !== found.metadata.resourceVersion) throw new MemoryApiError('Conflict', `postgres ${name} was modified; re-read it`);
    return this.store(applyMergePatch(found, patch) as Postgres);
  }

  /** A change made outside Terraform (kubectl patch). */
  patchOutside(namespace: string, name: string, patch: MergePatch): void {
    const found = this.objects.get(this.key(namespace, name));
    if (found === undefined) return;
    this.#version += 1;
    const patched = applyMergePatch(found, patch) as Postgres;
    this.objects.set(this.key(namespace, name), { ...patched, metadata: { ...patched.metadata, resourceVersion: String(this.#version) } });
  }

  async waitForReady(namespace: string, name: string, options: WaitOptions): Promise<Postgres> {
    this.calls.push(`wait ${namespace}/${name} ${options.level}`);
    this.waitedSince.push(options.since);
    if (this.failWait !== null) throw new MemoryApiError('Timeout', this.failWait);
    const found = this.objects.get(this.key(namespace, name));
    if (found === undefined) throw new MemoryApiError('NotFound', `postgres ${name} not found`);
    const revision = this.waitedSince.length;
    const message = `Helm upgrade succeeded for release ${namespace}/postgres-${name}.v${revision} with chart postgres@0.18.0`;
    found.status = {
      version: '0.18.0',
      conditions: [
        { type: 'Ready', status: 'True', reason: 'UpgradeSucceeded', message },
        { type: 'Released', status: 'True', reason: 'UpgradeSucceeded', message },
      ],
    };
    options.onProgress(`${found.spec?.replicas ?? 0}/${found.spec?.replicas ?? 0} instances ready`);
    return structuredClone(found);
  }

  async delete(namespace: string, name: string): Promise<void> {
    this.calls.push(`delete ${namespace}/${name}`);
    this.objects.delete(this.key(namespace, name));
  }

  async observe(namespace: string, name: string): Promise<ClusterObservation> {
    this.calls.push(`observe ${namespace}/${name}`);
    const found = this.objects.get(this.key(namespace, name));
    const spec = found?.spec ?? {};
    // The pods Hikube Local publishes for the cluster, read as the SDK reads them (the zone from the node's name).
    const className = spec.schedulingClass || undefined;
    const schedulingClass = this.classes.find((sc) => sc.metadata.name === className) as KubeObject | undefined;
    const replicas = spec.replicas ?? 0;
    const placement = resolvePlacement(className, schedulingClass, name, replicas);
    const cluster = { postgresName: name, version: spec.version ?? 'v18', placement };
    const instances = deterministicInstances({ postgresName: name, placement, replicas }).map((instance) => {
      const pod = instancePod(cluster, instance, undefined);
      return {
        name: pod.metadata.name,
        zone: zoneOfNode((pod['spec'] as { nodeName?: string }).nodeName) ?? null,
        role: pod.metadata.labels?.['cnpg.io/instanceRole'] ?? 'replica',
        ready: instance.ready,
      };
    });
    const service = (suffix: string) => ({ host: `postgres-${name}-${suffix}.${namespace}.svc`, port: 5432 });
    const credentials = this.#credentials(this.key(namespace, name), spec);
    return {
      instances,
      endpoints: { rw: service('rw'), ro: service('ro'), r: service('r'), external: spec.external ? { host: '203.0.113.10', port: 5432 } : null },
      credentials,
    };
  }

  #credentials(key: string, spec: NonNullable<Postgres['spec']>): Record<string, string> {
    const lag = this.#lagLeft.get(key) ?? 0;
    if (lag > 0) {
      this.#lagLeft.set(key, lag - 1);
      return { ...this.#publishedCredentials.get(key) };
    }
    const current = Object.fromEntries(Object.entries(spec.users ?? {}).map(([user, value]) => [user, value.password ?? `generated-${user}`]));
    this.#publishedCredentials.set(key, current);
    return current;
  }

  async listSchedulingClasses(): Promise<SchedulingClass[]> {
    this.calls.push('list schedulingclasses');
    return structuredClone(this.classes);
  }

  async specCapabilities(): Promise<PostgresCapabilities | null> {
    this.calls.push('specCapabilities');
    return this.capabilities;
  }
}
