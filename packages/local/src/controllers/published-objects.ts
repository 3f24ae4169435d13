// What every driver publishes for a Postgres, in the shape the platform uses and clients read
// (the SDK's endpoints/credentials, the provider, kubectl users): the rw/ro/r Services (plus
// external-write when asked) and the credentials Secret with its TenantSecret twin. Part of the
// platform model beside cluster-objects.ts: the builders are pure; publish* apply them through ctx.
import type { KubeObject } from '../store/kube-object.js';
import { clusterBaseName, credentialsSecretName } from './cluster-objects.js';
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

/** The endpoint Services of the cluster `postgres-<postgresName>`: rw, ro, r, and external-write when asked. */
export function endpointServices(postgresName: string, ports: EndpointPorts): OwnedObject[] {
  const base = clusterBaseName(postgresName);
  const services = [endpointService(base, 'rw', ports.rw), endpointService(base, 'ro', ports.ro), endpointService(base, 'r', ports.r)];
  if (ports.externalWrite !== undefined) services.push(endpointService(base, 'external-write', ports.externalWrite.port, ports.externalWrite.ip));
  return services;
}

/** Applies the endpoint Services of `object`, and removes external-write when it is not wanted. */
export async function publishServices(object: KubeObject, ctx: ReconcileContext, ports: EndpointPorts): Promise<void> {
  for (const service of endpointServices(object.metadata.name, ports)) await ctx.applyOwned(service);
  if (ports.externalWrite === undefined) await ctx.deleteOwned('Service', `${clusterBaseName(object.metadata.name)}-external-write`);
}

/** `postgres-<postgresName>-credentials` (user -> base64 password) as a Secret and its TenantSecret twin. */
export function credentialsObjects(postgresName: string, data: Record<string, string>): OwnedObject[] {
  const name = credentialsSecretName(postgresName);
  const labels = { 'internal.cozystack.io/tenantresource': 'true' };
  return [
    { apiVersion: 'v1', kind: 'Secret', metadata: { name, labels }, type: 'Opaque', data },
    { apiVersion: 'core.cozystack.io/v1alpha1', kind: 'TenantSecret', metadata: { name, labels }, type: 'Opaque', data },
  ];
}

/** The credentials data `object` has published so far (empty before the first publish). */
export function publishedCredentials(object: KubeObject, ctx: ReconcileContext): Record<string, string> {
  const secret = ctx.listOwned('Secret').find((s) => s.metadata.name === credentialsSecretName(object.metadata.name));
  return (secret?.['data'] ?? {}) as Record<string, string>;
}

/** Applies the credentials Secret and TenantSecret of `object`. */
export async function publishCredentials(object: KubeObject, ctx: ReconcileContext, data: Record<string, string>): Promise<void> {
  for (const secret of credentialsObjects(object.metadata.name, data)) await ctx.applyOwned(secret);
}
