// Parses Kubernetes REST paths into the resource they address.

import { findResourceType, type ResourceType } from '../store/resource-types.js';

export interface ResourcePath {
  type: ResourceType;
  /** undefined: cluster-scoped object, or a list/watch across all namespaces. */
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

export type ParsedPath =
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'unknown-resource' }
  | { kind: 'other' };

export function parseResourcePath(pathname: string): ParsedPath {
  const segs = pathname.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) {
    group = '';
    version = segs[1] as string;
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    group = segs[1] as string;
    version = segs[2] as string;
    rest = segs.slice(3);
  } else {
    return { kind: 'other' };
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest as [string, string?, string?, ...string[]];
  const type = findResourceType(group, version, plural);
  if (!type || extra.length > 0) return { kind: 'unknown-resource' };
  if (namespace !== undefined && !type.namespaced) return { kind: 'unknown-resource' };
  if (type.namespaced && namespace === undefined && name !== undefined) return { kind: 'unknown-resource' };
  return { kind: 'resource', path: { type, namespace, name, subresource } };
}
