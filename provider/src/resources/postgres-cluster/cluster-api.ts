// What the resource needs from the platform, in its own terms. provider.ts implements it over the
// SDK client; unit tests use an in-memory one. Nothing here knows about HTTP.
import type { Postgres, PostgresCapabilities, SchedulingClass } from '@hikube/sdk/kubernetes';
import type { MergePatch } from './merge-patch.js';
import type { EndpointsModel, WaitFor } from './model.js';
import type { ObservedInstance } from './outputs.js';

export interface WaitOptions {
  level: WaitFor;
  timeoutMs: number;
  signal: AbortSignal;
  /** Progress lines such as "2/3 instances ready". */
  onProgress: (message: string) => void;
  /**
   * The object as the write being waited for returned it. The platform has no observedGeneration:
   * its Ready still says what it said before the write, and must not end the wait.
   */
  since?: Postgres;
}

export interface ClusterObservation {
  instances: ObservedInstance[];
  endpoints: EndpointsModel;
  /** user -> password; null when the credentials cannot be read. */
  credentials: Record<string, string> | null;
}

export interface ClusterApi {
  /** Clusters of a namespace, optionally filtered by a label selector. */
  list(namespace: string, labelSelector: string | null, signal: AbortSignal): Promise<Postgres[]>;
  /** Null when the cluster does not exist. */
  get(namespace: string, name: string, signal: AbortSignal): Promise<Postgres | null>;
  create(object: Postgres, signal: AbortSignal): Promise<Postgres>;
  patch(namespace: string, name: string, patch: MergePatch, signal: AbortSignal): Promise<Postgres>;
  /** Resolves once the platform reports the readiness level; rejects on timeout or a reported failure. */
  waitForReady(namespace: string, name: string, options: WaitOptions): Promise<Postgres>;
  /** Deletes and resolves once the object is gone; a missing object is not an error. */
  delete(namespace: string, name: string, options: { timeoutMs: number; signal: AbortSignal }): Promise<void>;
  observe(namespace: string, name: string, signal: AbortSignal): Promise<ClusterObservation>;
  /** Tenants may only read classes: the provider chooses among them and never writes one. */
  listSchedulingClasses(signal: AbortSignal): Promise<SchedulingClass[]>;
  /** The spec fields the platform publishes in its OpenAPI document; null when it publishes none we can read. */
  specCapabilities(signal: AbortSignal): Promise<PostgresCapabilities | null>;
}
