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

function service(base: string, suffix: string, port: number, role: 'primary' | 'replica' | undefined, loadBalancerIp?: string): OwnedObject {
  const ip = loadBalancerIp ?? '127.0.0.1';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${base}-${suffix}` },
    spec: {
      type: loadBalancerIp !== undefined ? 'LoadBalancer' : 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ports: [{ name: 'postgres', port, protocol: 'TCP', targetPort: 5432 }],
      selector: { 'cnpg.io/cluster': base, ...(role ? { 'cnpg.io/instanceRole': role } : {}) },
    },
    status: loadBalancerIp !== undefined ? { loadBalancer: { ingress: [{ ip: loadBalancerIp }] } } : { loadBalancer: {} },
  };
}

/** Applies the endpoint Services of `object`, and removes external-write when it is not wanted. */
export async function publishServices(object: KubeObject, ctx: ReconcileContext, ports: EndpointPorts): Promise<void> {
  const base = `postgres-${object.metadata.name}`;
  await ctx.applyOwned(service(base, 'rw', ports.rw, 'primary'));
  await ctx.applyOwned(service(base, 'ro', ports.ro, 'replica'));
  await ctx.applyOwned(service(base, 'r', ports.r, undefined));
  if (ports.externalWrite !== undefined) await ctx.applyOwned(service(base, 'external-write', ports.externalWrite.port, 'primary', ports.externalWrite.ip));
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
