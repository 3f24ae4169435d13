// Parses Kubernetes REST paths into the resource they address.

import { findResourceType, type ResourceType } from '../store/resource-types.js';
import { badRequest } from './status-error.js';

export interface RequestTarget {
  /** The path as sent (still percent-encoded), without trailing slashes. */
  pathname: string;
  query: URLSearchParams;
}

/**
 * Splits a request target without the URL parser's dot-segment removal: `inj/%2e%2e` must not
 * become the collection above it (a delete turned into a deletecollection). A segment that
 * decodes to `.` or `..`, holds an encoded `/`, or is not valid percent-encoding is refused.
 */
export function parseRequestTarget(rawUrl: string): RequestTarget {
  const cut = rawUrl.search(/[?#]/);
  const rawPath = cut < 0 ? rawUrl : rawUrl.slice(0, cut);
  const rawQuery = cut < 0 || rawUrl[cut] === '#' ? '' : (rawUrl.slice(cut + 1).split('#')[0] ?? '');
  if (!rawPath.startsWith('/')) throw badRequest(`the request path must start with "/", not "${rawPath.slice(0, 64)}"`);
  for (const seg of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(seg);
    } catch {
      throw badRequest(`the request path segment "${seg.slice(0, 64)}" is not valid percent-encoding`);
    }
    if (decoded === '.' || decoded === '..') throw badRequest(`the request path may not contain the segment "${seg}" ("." and ".." are not names)`);
    if (decoded.includes('/')) throw badRequest(`the request path segment "${seg.slice(0, 64)}" holds an encoded "/"`);
  }
  return { pathname: rawPath.replace(/\/+$/, '') || '/', query: new URLSearchParams(rawQuery) };
}

export interface ResourcePath {
  type: ResourceType;
  /** undefined: cluster-scoped object, or a list/watch across all namespaces. */
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

export type ParsedPath = { kind: 'resource'; path: ResourcePath } | { kind: 'unknown-resource' } | { kind: 'other' };

export function parseResourcePath(pathname: string): ParsedPath {
  const segs = pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(decodeURIComponent);
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
