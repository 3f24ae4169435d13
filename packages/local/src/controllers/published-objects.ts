// What every driver publishes for a Postgres, in the shape the platform uses and clients read
// (the SDK's endpoints/credentials, the provider, kubectl users): the rw/ro/r Services (plus
// external-write when asked) and the credentials Secret with its TenantSecret twin. Defined once so
// the deterministic and the engine drivers cannot drift apart.
import type { KubeObject } from '../store/kube-object.js';
import type { OwnedObject, ReconcileContext } from './reconciler.js';

/**
 * The local port behind each endpoint (on 127.0.0.1); `externalWrite` is the external cluster's own
 * address and port (its LoadBalancer ingress, what the public API reports as `host`), undefined
 * when the cluster is not external.
 */
export interface EndpointPorts {
  rw: number;
  ro: number;
  r: number;
  externalWrite: { ip: string; port: number } | undefined;
}

// Selectors and labels as CloudNativePG writes its rw/ro/r Services (pkg/specs/services.go) and as
// the chart writes external-write (packages/apps/postgres/templates/external-svc.yaml): `-r` takes
// every instance by `cnpg.io/podRole`, the external Service the primary by the older `role` label.
const endpointSelectors: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  rw: { 'cnpg.io/instanceRole': 'primary' },
  ro: { 'cnpg.io/instanceRole': 'replica' },
  r: { 'cnpg.io/podRole': 'instance' },
  'external-write': { role: 'primary' },
};

function operatorLabels(base: string): Record<string, string> {
  return {
    'cnpg.io/cluster': base,
    'app.kubernetes.io/name': 'postgresql',
    'app.kubernetes.io/instance': base,
    'app.kubernetes.io/component': 'database',
    'app.kubernetes.io/managed-by': 'cloudnative-pg',
  };
}

/** One endpoint Service; `loadBalancerIp` makes it the external LoadBalancer. */
export function endpointService(base: string, suffix: keyof typeof endpointSelectors & string, port: number, loadBalancerIp?: string): OwnedObject {
  const ip = loadBalancerIp ?? '127.0.0.1';
  const external = loadBalancerIp !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${base}-${suffix}`, ...(external ? {} : { labels: operatorLabels(base) }) },
    spec: {
      type: external ? 'LoadBalancer' : 'ClusterIP',
      ...(external ? { externalTrafficPolicy: 'Local' } : {}),
      clusterIP: ip,
      clusterIPs: [ip],
      ports: [{ name: 'postgres', port, protocol: 'TCP', targetPort: 5432 }],
      selector: { 'cnpg.io/cluster': base, ...endpointSelectors[suffix] },
    },
    status: external ? { loadBalancer: { ingress: [{ ip: loadBalancerIp }] } } : { loadBalancer: {} },
  };
}

/** Applies the endpoint Services of `object`, and removes external-write when it is not wanted. */
export async function publishServices(object: KubeObject, ctx: ReconcileContext, ports: EndpointPorts): Promise<void> {
  const base = `postgres-${object.metadata.name}`;
  await ctx.applyOwned(endpointService(base, 'rw', ports.rw));
  await ctx.applyOwned(endpointService(base, 'ro', ports.ro));
  await ctx.applyOwned(endpointService(base, 'r', ports.r));
  if (ports.externalWrite !== undefined) await ctx.applyOwned(endpointService(base, 'external-write', ports.externalWrite.port, ports.externalWrite.ip));
  else await ctx.deleteOwned('Service', `${base}-external-write`);
}

/**
 * The base64 password a credentials Secret's `data` already holds for `user`. Own entries only:
 * a user named `constructor` or `toString` has none until one is published, not a function.
 */
export function publishedPassword(data: Readonly<Record<string, string>>, user: string): string | undefined {
  const value = Object.hasOwn(data, user) ? data[user] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Applies `postgres-<name>-credentials` (user -> base64 password) as a Secret and a TenantSecret. */
export async function publishCredentials(object: KubeObject, ctx: ReconcileContext, data: Record<string, string>): Promise<void> {
  const name = `postgres-${object.metadata.name}-credentials`;
  const labels = { 'internal.cozystack.io/tenantresource': 'true' };
  await ctx.applyOwned({ apiVersion: 'v1', kind: 'Secret', metadata: { name, labels }, type: 'Opaque', data });
  await ctx.applyOwned({ apiVersion: 'core.cozystack.io/v1alpha1', kind: 'TenantSecret', metadata: { name, labels }, type: 'Opaque', data });
}
