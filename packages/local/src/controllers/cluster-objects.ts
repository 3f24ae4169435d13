// The platform model: what a Postgres's observed state looks like as API objects. Both drivers
// decide which instances exist, their role and readiness; this module alone turns that into the
// instance Pods, the status detail and the credentials data (published-objects.ts, beside it,
// builds the Services and the credentials Secret/TenantSecret). Pure: no I/O, no store, no process;
// exported as `@hikube/local/model` so other packages' test doubles derive from it.

import type { KubeObject } from '../store/kube-object.js';
import { podReadyCondition } from './conditions.js';
import { generatedPassword } from './generated-password.js';
import { nodeOfInstance } from './placement.js';
import type { OwnedObject, Placement } from './reconciler.js';
import type { WorkloadCount } from './release-status.js';

/** Annotation on a Pod: the local port its instance's postmaster listens on (engine only). */
export const PORT_ANNOTATION = 'local.hikube.io/port';

/** Annotation on a Pod: the incarnation of the instance it stands for (see postgres/pod-plan.ts). */
export const INCARNATION_ANNOTATION = 'local.hikube.io/incarnation';

/** The cluster an instance belongs to, as its Pods show it. */
export interface ClusterShape {
  /** The Postgres object's name (`x` for the cluster `postgres-x`). */
  readonly postgresName: string;
  /** `spec.version`, e.g. `v18`: the image tag is its number. */
  readonly version: string;
  readonly placement: Placement;
}

/** One instance as a driver observed it. */
export interface ObservedInstance {
  /** `postgres-<name>-<ordinal>`. */
  readonly name: string;
  /** 1-based. */
  readonly ordinal: number;
  readonly site: string;
  readonly role: 'primary' | 'replica';
  readonly ready: boolean;
  /** The Ready condition's reason (`InstanceReady`, `SiteDown`, ...). */
  readonly reason: string;
  /** Engine only: changes when the instance's data was recreated. */
  readonly incarnation?: string | undefined;
  /** Engine only: the postmaster's local port. */
  readonly port?: number | undefined;
}

/** `postgres-<name>`: the CloudNativePG cluster name, prefix of every object the platform makes. */
export function clusterBaseName(postgresName: string): string {
  return `postgres-${postgresName}`;
}

/** `postgres-<name>-<ordinal>`: an instance's name, and its Pod's. */
export function instanceName(postgresName: string, ordinal: number): string {
  return `${clusterBaseName(postgresName)}-${ordinal}`;
}

/** `postgres-<name>-credentials`: the Secret and TenantSecret holding the users' passwords. */
export function credentialsSecretName(postgresName: string): string {
  return `${clusterBaseName(postgresName)}-credentials`;
}

function podAnnotations(instance: ObservedInstance): Record<string, string> | undefined {
  const annotations: Record<string, string> = {
    ...(instance.port !== undefined ? { [PORT_ANNOTATION]: String(instance.port) } : {}),
    ...(instance.incarnation !== undefined ? { [INCARNATION_ANNOTATION]: instance.incarnation } : {}),
  };
  return Object.keys(annotations).length > 0 ? annotations : undefined;
}

/**
 * The Pod of one instance. `previousPod` is the pod it updates (undefined for a new or replaced
 * pod): the Ready condition keeps its lastTransitionTime while readiness is unchanged.
 */
export function instancePod(cluster: ClusterShape, instance: ObservedInstance, previousPod: KubeObject | undefined, clock?: () => string): OwnedObject {
  const role = instance.role === 'primary' ? 'primary' : 'replica';
  const annotations = podAnnotations(instance);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: instance.name,
      labels: {
        'cnpg.io/cluster': clusterBaseName(cluster.postgresName),
        'cnpg.io/instanceName': instance.name,
        'cnpg.io/instanceRole': role,
        'cnpg.io/podRole': 'instance',
        role,
      },
      ...(annotations !== undefined ? { annotations } : {}),
    },
    spec: {
      nodeName: nodeOfInstance(cluster.placement, instance.site, instance.ordinal),
      containers: [{ name: 'postgres', image: `ghcr.io/cloudnative-pg/postgresql:${cluster.version.slice(1)}` }],
    },
    status: {
      // An instance whose site is down has no running pod; any other unready one is still running.
      phase: instance.reason === 'SiteDown' ? 'Failed' : 'Running',
      podIP: '127.0.0.1',
      hostIP: '127.0.0.1',
      conditions: [
        clock === undefined
          ? podReadyCondition(previousPod, instance.ready, instance.reason)
          : podReadyCondition(previousPod, instance.ready, instance.reason, clock),
      ],
      containerStatuses: [{ name: 'postgres', ready: instance.ready, restartCount: 0 }],
    },
  };
}

/** Optional status detail Hikube does not publish (both drivers write it); clients must not depend on it. */
export interface StatusDetail {
  instances: number;
  readyInstances: number;
  currentPrimary?: string;
}

/** The status detail of the observed instances, under the primary the driver decided. */
export function statusDetail(instances: readonly Pick<ObservedInstance, 'ready'>[], currentPrimary: string | undefined): StatusDetail {
  return { instances: instances.length, readyInstances: instances.filter((i) => i.ready).length, ...(currentPrimary ? { currentPrimary } : {}) };
}

/** What WorkloadsReady counts: the instances, and how many are ready. */
export function workloadCount(instances: readonly Pick<ObservedInstance, 'ready'>[]): WorkloadCount {
  return { pods: instances.length, ready: instances.filter((i) => i.ready).length };
}

/** The same count read off Pods already published (a status written before or without a sync). */
export function workloadCountOfPods(pods: readonly KubeObject[]): WorkloadCount {
  const ready = pods.filter((p) =>
    (p['status'] as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  );
  return { pods: pods.length, ready: ready.length };
}

/** `spec.users` as the model reads it. */
export type UsersSpec = Readonly<Record<string, { readonly password?: string | undefined } | null>>;

/**
 * The credentials Secret's data (user -> base64 password): the password the spec gives, else the
 * one already published (kept across reconciles), else a new generated one. An empty given
 * password counts as none, as the chart's `if` reads it.
 */
export function credentialsData(
  users: UsersSpec,
  published: Readonly<Record<string, string>>,
  generate: () => string = generatedPassword,
): Record<string, string> {
  // Built as entries: an assignment to data['__proto__'] (a valid user name) would set the prototype.
  return Object.fromEntries(
    Object.entries(users).map(([user, config]) => {
      const given = config?.password;
      return [user, given ? toBase64(given) : (publishedPassword(published, user) ?? toBase64(generate()))];
    }),
  );
}

/** The plain passwords of credentials data (what the engine gives PostgreSQL). */
export function passwordsOf(data: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([user, value]) => [user, Buffer.from(value, 'base64').toString('utf8')]));
}

/**
 * The base64 password a credentials Secret's `data` already holds for `user`. Own entries only:
 * a user named `constructor` or `toString` has none until one is published, not a function.
 */
export function publishedPassword(data: Readonly<Record<string, string>>, user: string): string | undefined {
  const value = Object.hasOwn(data, user) ? data[user] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toBase64(text: string): string {
  return Buffer.from(text).toString('base64');
}
