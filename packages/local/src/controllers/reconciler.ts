// The reconciler seam: the one narrow interface between Hikube Local's API machinery and whatever
// makes a `Postgres` real. The controller loop (controller-loop.ts) owns queueing, finalizers,
// garbage collection and shutdown; a Reconciler only observes an object, acts, and reports status.
// Two implementations exist: the deterministic driver (controllers/deterministic/, for API tests)
// and the PostgreSQL engine (controllers/postgres/, real clusters). See README.md next to this file.

import type { Condition, KubeObject, OwnerReference } from '../store/kube-object.js';
import type { KeyPairPem } from '../tls/certificates.js';

/** The three Hikube datacenters. */
export const SITES = ['gland', 'lucerne', 'geneva'] as const;
export type Site = (typeof SITES)[number];

/** Node-name prefix per site, as on Hikube (`gld-…` Gland, `luc-…` Lucerne, `plo-…` Geneva/Plan-les-Ouates). */
export const SITE_NODE_PREFIX: Readonly<Record<Site, string>> = { gland: 'gld', lucerne: 'luc', geneva: 'plo' };

/** Finalizer the API adds to every Postgres at creation so deletion waits for `finalize`. */
export { POSTGRES_FINALIZER } from '../store/finalizers.js';

/** Kinds a reconciler may own. Each is stored with an ownerReference to its Postgres. */
export type OwnedKind = 'Pod' | 'Service' | 'Secret' | 'TenantSecret' | 'Event';

/** `status` of a Postgres as a reconciler writes it. */
export interface PostgresStatus {
  /** Chart version the platform reports, e.g. `0.18.0`. */
  version?: string;
  /** Ready and Released (the Helm release), WorkloadsReady (pods); no observedGeneration, as on the platform. */
  conditions: Condition[];
  /** Optional detail Hikube does not publish; clients must not depend on it. */
  [extra: string]: unknown;
}

export interface ReconcileResult {
  /** Run `reconcile` again after this many milliseconds (also used after an error). */
  requeueAfterMs?: number;
}

export interface FinalizeResult {
  /** true: cleanup finished; the finalizer is removed and deletion completes (owned objects are collected). */
  done: boolean;
  requeueAfterMs?: number;
}

/** An owned object as a reconciler describes it; the loop adds namespace, ownerReference and labels. */
export interface OwnedObject {
  apiVersion: string;
  kind: OwnedKind;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** Where a Postgres's instances go: its SchedulingClass evaluated against the nodes (see placement.ts). */
export interface Placement {
  /** The SchedulingClass applied; undefined when none applies (the platform's spread alone). */
  className: string | undefined;
  /** Node of instance n at index n - 1, as many as the instances that fit. */
  nodes: string[];
  /** Why instance `nodes.length + 1` fits no node (what a Pending pod's event says); undefined when all fit. */
  unschedulable?: string;
}

/** Handed to every call: everything a reconciler may do to the API, scoped to one Postgres. */
export interface ReconcileContext {
  /**
   * Placement from the object's SchedulingClass; undefined when the class does not exist (report
   * `Ready=False`, reason `SchedulingClassNotFound`).
   */
  placement(): Placement | undefined;
  /** Aborted when the server shuts down; stop long work and return. */
  readonly signal: AbortSignal;
  /** The owner reference the loop puts on objects created through `applyOwned`. */
  readonly ownerReference: OwnerReference;
  /** The current stored object (fresh read), or undefined once it is gone. */
  get(): KubeObject | undefined;
  /**
   * Replace `status` (status subresource semantics: spec and generation untouched). A status equal
   * to the stored one is a no-op and does not bump resourceVersion.
   */
  writeStatus(status: PostgresStatus): Promise<void>;
  /** Create or update an owned object in the Postgres's namespace (stored fields replaced, metadata merged). */
  applyOwned(object: OwnedObject): Promise<KubeObject>;
  /** Delete an owned object; absent is fine. Deleting a Pod here does NOT call `podDeleted`. */
  deleteOwned(kind: OwnedKind, name: string): Promise<void>;
  /** Owned objects of one kind, sorted by name. */
  listOwned(kind: OwnedKind): KubeObject[];
  /** Record a Kubernetes Event on the Postgres (shown by `kubectl describe`). */
  event(type: 'Normal' | 'Warning', reason: string, message: string): Promise<void>;
}

/** Services the loop gives a reconciler when it starts. */
export interface ReconcilerHost {
  /** Hikube Local's data directory; a reconciler keeps its own state under `dataDir/<its name>/`. */
  readonly dataDir: string;
  /** Aborted when the server shuts down. */
  readonly signal: AbortSignal;
  /** Hikube Local's CA (the one in DIR/hikube.env): it signs the PostgreSQL servers' certificates. None: no TLS. */
  readonly ca?: KeyPairPem | undefined;
  /** Ask for a reconcile of namespace/name (e.g. a health loop saw the primary die). Coalesced. */
  enqueue(namespace: string, name: string, afterMs?: number): void;
  /** All stored Postgres objects (for adoption after a restart). */
  listPostgres(): KubeObject[];
  /** Diagnostics; never pass secrets. */
  log(message: string): void;
}

export interface Reconciler {
  /** Short name shown by `hikube-local status` (e.g. `deterministic`, `engine`). */
  readonly name: string;
  /** Called once when the server starts, before any reconcile. Adopt or restart what survives. */
  start(host: ReconcilerHost): Promise<void>;
  /** Bring the world in line with `object` (no deletionTimestamp). Idempotent. */
  reconcile(object: KubeObject, ctx: ReconcileContext): Promise<ReconcileResult>;
  /** The object carries a deletionTimestamp: stop processes, remove data, then return done. */
  finalize(object: KubeObject, ctx: ReconcileContext): Promise<FinalizeResult>;
  /** A user deleted an owned Pod (`kubectl delete pod`): that instance is killed, as on Kubernetes. */
  podDeleted(owner: KubeObject, pod: KubeObject, ctx: ReconcileContext): Promise<void>;
  /** `hikube-local site down|up <site>`: stop or restart every instance in that site. */
  siteOperation(operation: 'down' | 'up', site: Site): Promise<void>;
  /** Called once on shutdown, after the signal aborts; leave nothing running. */
  stop(): Promise<void>;
  /** The extensions a database may enable (the public API's catalog); read once by the caller. */
  extensionCatalog?(): Promise<readonly string[]>;
}

/** How a server builds its reconciler; `host` is also passed later to `start`. */
export type ReconcilerFactory = () => Reconciler | Promise<Reconciler>;
