// The collections the test server stores, the paths that reach them, and the selectors a list or
// watch may carry: what the SDK calls, no more.
import type { KubeObject } from './kube-object.js';

export interface Collection {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const collections: Collection[] = [
  { group: 'apps.cozystack.io', version: 'v1alpha1', plural: 'postgreses', kind: 'Postgres', namespaced: true },
  { group: 'cozystack.io', version: 'v1alpha1', plural: 'schedulingclasses', kind: 'SchedulingClass', namespaced: false },
  { group: 'core.cozystack.io', version: 'v1alpha1', plural: 'tenantsecrets', kind: 'TenantSecret', namespaced: true },
  { group: '', version: 'v1', plural: 'secrets', kind: 'Secret', namespaced: true },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', plural: 'events', kind: 'Event', namespaced: true },
];

export interface Route {
  collection: Collection;
  namespace: string | undefined;
  name: string | undefined;
}

/** The collection, namespace and name a request path names, or undefined when it names none. */
export function routeOf(path: string): Route | undefined {
  for (const collection of collections) {
    const prefix = collection.group ? `/apis/${collection.group}/${collection.version}` : `/api/${collection.version}`;
    const pattern = collection.namespaced
      ? new RegExp(`^${prefix.replace(/\./g, '\\.')}/namespaces/([^/]+)/${collection.plural}(?:/([^/]+))?$`)
      : new RegExp(`^${prefix.replace(/\./g, '\\.')}/${collection.plural}(?:/([^/]+))?$`);
    const match = pattern.exec(path);
    if (!match) continue;
    if (collection.namespaced)
      return { collection, namespace: decodeURIComponent(match[1] ?? ''), name: match[2] === undefined ? undefined : decodeURIComponent(match[2]) };
    return { collection, namespace: undefined, name: match[1] === undefined ? undefined : decodeURIComponent(match[1]) };
  }
  return undefined;
}

/** The objects of one collection a list or watch selects (namespace, `labelSelector`, `fieldSelector`), by name. */
export function selectObjects(objects: Iterable<KubeObject>, collection: Collection, namespace: string | undefined, url: URL): KubeObject[] {
  const terms = (selector: string | null) =>
    (selector ?? '')
      .split(',')
      .filter(Boolean)
      .map((term) => term.split('='));
  const labels = terms(url.searchParams.get('labelSelector'));
  const fields = terms(url.searchParams.get('fieldSelector'));
  return [...objects]
    .filter((object) => !collection.namespaced || object.metadata.namespace === namespace)
    .filter((object) => labels.every(([key, value]) => object.metadata.labels?.[key ?? ''] === value))
    .filter((object) =>
      fields.every(([key, value]) => {
        if (key === 'metadata.name') return object.metadata.name === value;
        if (key === 'involvedObject.name') return (object['involvedObject'] as { name?: string } | undefined)?.name === value;
        return true;
      }),
    )
    .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}
