// Discovery documents, both aggregated (apidiscovery.k8s.io v2 / v2beta1) and legacy, all built
// from the resource table. The aggregated form is returned only when the Accept header asks for
// that exact version, with the matching Content-Type (kubectl reads it as legacy otherwise).

import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../store/resource-types.js';

export interface Doc {
  contentType: string;
  body: unknown;
}

function groups(): Map<string, ResourceType[]> {
  const out = new Map<string, ResourceType[]>();
  for (const t of RESOURCE_TYPES) {
    const list = out.get(t.group) ?? [];
    list.push(t);
    out.set(t.group, list);
  }
  return out;
}

function aggregatedVersion(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    if (!/as=APIGroupDiscoveryList/.test(part) || !/g=apidiscovery\.k8s\.io/.test(part)) continue;
    const v = /v=(v2beta1|v2)\b/.exec(part);
    if (v) return v[1] as 'v2' | 'v2beta1';
  }
  return undefined;
}

function aggregatedResource(t: ResourceType): unknown {
  const kind = { group: t.group, version: t.version, kind: t.kind };
  const r: Record<string, unknown> = {
    resource: t.plural,
    singularResource: t.singular,
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    responseKind: kind,
    verbs: t.verbs,
  };
  if (t.shortNames.length) r['shortNames'] = t.shortNames;
  if (t.categories.length) r['categories'] = t.categories;
  if (t.hasStatus && t.verbs.includes('update')) r['subresources'] = [{ subresource: 'status', responseKind: kind, verbs: ['get', 'patch', 'update'] }];
  return r;
}

function aggregated(version: 'v2' | 'v2beta1', core: boolean): Doc {
  const items = [...groups()]
    .filter(([g]) => (g === '') === core)
    .map(([g, types]) => ({
      metadata: g ? { name: g } : {},
      versions: [{ version: (types[0] as ResourceType).version, freshness: 'Current', resources: types.map(aggregatedResource) }],
    }));
  return {
    contentType: `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`,
    body: { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items },
  };
}

const json = (body: unknown): Doc => ({ contentType: 'application/json', body });

export function coreDiscovery(accept: string | undefined): Doc {
  const v = aggregatedVersion(accept);
  if (v) return aggregated(v, true);
  return json({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
}

function groupDoc(group: string, types: ResourceType[]): unknown {
  const gv = { groupVersion: `${group}/${(types[0] as ResourceType).version}`, version: (types[0] as ResourceType).version };
  return { name: group, versions: [gv], preferredVersion: gv };
}

export function groupsDiscovery(accept: string | undefined): Doc {
  const v = aggregatedVersion(accept);
  if (v) return aggregated(v, false);
  const list = [...groups()].filter(([g]) => g !== '').map(([g, types]) => groupDoc(g, types));
  return json({ kind: 'APIGroupList', apiVersion: 'v1', groups: list });
}

export function groupDiscovery(group: string): Doc | undefined {
  const types = groups().get(group);
  if (!types || group === '') return undefined;
  return json({ kind: 'APIGroup', apiVersion: 'v1', ...(groupDoc(group, types) as object) });
}

export function resourceListDiscovery(group: string, version: string): Doc | undefined {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const t of types) {
    const r: Record<string, unknown> = { name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs };
    if (t.shortNames.length) r['shortNames'] = t.shortNames;
    if (t.categories.length) r['categories'] = t.categories;
    resources.push(r);
    if (t.hasStatus && t.verbs.includes('update'))
      resources.push({ name: `${t.plural}/status`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] });
  }
  return json({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(types[0] as ResourceType), resources });
}
