// ClusterApi over the SDK client. The clients come from provider.ts (one per namespace, since an
// SDK client is bound to its namespace); this file only translates calls and "not found".
import { NotFoundError, type HikubeClient, type Postgres, type PostgresCapabilities, type SchedulingClass } from '@hikube/sdk/kubernetes';
import type { ClusterApi, ClusterObservation, WaitOptions } from './resources/postgres-cluster/cluster-api.js';
import type { MergePatch } from './resources/postgres-cluster/merge-patch.js';
import type { EndpointModel } from './resources/postgres-cluster/model.js';

const levels = { released: 'released', primary: 'primary', all_instances: 'allInstances' } as const;

async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export class SdkClusterApi implements ClusterApi {
  constructor(private readonly clientFor: (namespace: string | null) => HikubeClient) {}

  list(namespace: string, labelSelector: string | null, signal: AbortSignal): Promise<Postgres[]> {
    return this.clientFor(namespace).postgres.listAll({ signal, ...(labelSelector ? { labelSelector } : {}) });
  }

  get(namespace: string, name: string, signal: AbortSignal): Promise<Postgres | null> {
    return orNull(this.clientFor(namespace).postgres.get(name, { signal }));
  }

  create(object: Postgres, signal: AbortSignal): Promise<Postgres> {
    return this.clientFor(object.metadata.namespace ?? null).postgres.create(object, { signal });
  }

  patch(namespace: string, name: string, patch: MergePatch, signal: AbortSignal): Promise<Postgres> {
    // The patch is built from the spec types, so its shape is the SDK's PostgresPatch.
    return this.clientFor(namespace).postgres.patch(name, patch as never, { signal });
  }

  waitForReady(namespace: string, name: string, options: WaitOptions): Promise<Postgres> {
    return this.clientFor(namespace).postgres.waitForReady(name, {
      level: levels[options.level],
      timeout: options.timeoutMs,
      signal: options.signal,
      ...(options.since ? { since: options.since } : {}),
      onProgress: (progress) => {
        const instances = progress.instances;
        const ready = instances === undefined ? '' : ` (${instances.filter((instance) => instance.ready).length}/${instances.length} instances ready)`;
        options.onProgress(`${namespace}/${name}: ${progress.reason}${ready}`);
      },
    });
  }

  async delete(namespace: string, name: string, options: { timeoutMs: number; signal: AbortSignal }): Promise<void> {
    await orNull(this.clientFor(namespace).postgres.delete(name, { wait: true, waitTimeout: options.timeoutMs, signal: options.signal }));
  }

  async observe(namespace: string, name: string, signal: AbortSignal): Promise<ClusterObservation> {
    const postgres = this.clientFor(namespace).postgres;
    const [instances, endpoints, credentials] = await Promise.all([
      postgres.instances(name, { signal }),
      orNull(postgres.endpoints(name, { signal })),
      postgres.credentials(name, { signal }).catch(() => null),
    ]);
    const endpoint = (value: EndpointModel | undefined): EndpointModel | null => (value === undefined ? null : { host: value.host, port: value.port });
    return {
      instances: instances.map((instance) => ({ name: instance.pod, zone: instance.zone ?? null, role: instance.role ?? 'unknown', ready: instance.ready })),
      endpoints: { rw: endpoint(endpoints?.rw), ro: endpoint(endpoints?.ro), r: endpoint(endpoints?.r), external: endpoint(endpoints?.external) },
      credentials,
    };
  }

  listSchedulingClasses(signal: AbortSignal): Promise<SchedulingClass[]> {
    return this.clientFor(null).schedulingClasses.listAll({ signal });
  }

  // A server that publishes no usable document (or none at all) is not a reason to refuse a plan.
  async specCapabilities(signal: AbortSignal): Promise<PostgresCapabilities | null> {
    const capabilities = await this.clientFor(null)
      .postgres.capabilities({ signal })
      .catch(() => null);
    return capabilities !== null && capabilities.fields.size > 0 ? capabilities : null;
  }
}
