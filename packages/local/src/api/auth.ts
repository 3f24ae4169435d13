// Bearer-token authentication (constant-time, tokens never logged) and the tenancy rule: a tenant
// token sees and changes only its own namespace; cluster-scoped writes and all-namespace requests
// are the admin's.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { ResourceType } from '../store/resource-types.js';
import { forbidden, unauthorized } from './status-error.js';

export type Identity = { kind: 'admin'; user: string } | { kind: 'tenant'; user: string; namespace: string };

export interface TokenSet {
  admin: string;
  /** namespace -> token */
  tenants: Record<string, string>;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export class Authenticator {
  private readonly entries: { digest: Buffer; identity: Identity }[];

  constructor(tokens: TokenSet) {
    this.entries = [{ digest: digest(tokens.admin), identity: { kind: 'admin', user: 'admin' } }];
    for (const [namespace, token] of Object.entries(tokens.tenants)) {
      this.entries.push({ digest: digest(token), identity: { kind: 'tenant', user: namespace, namespace } });
    }
  }

  /** Throws 401 for a missing or unknown token. Compares against every token, always. */
  authenticate(authorization: string | undefined): Identity {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) throw unauthorized();
    const given = digest(m[1] as string);
    let found: Identity | undefined;
    for (const e of this.entries) if (timingSafeEqual(e.digest, given)) found = e.identity;
    if (!found) throw unauthorized();
    return found;
  }
}

const READ = new Set(['get', 'list', 'watch']);

/** Throws 403 unless `identity` may do `verb` on `type` in `namespace` (undefined = all namespaces / cluster scope). */
export function authorize(identity: Identity, verb: string, type: ResourceType, namespace: string | undefined, name?: string): void {
  if (identity.kind === 'admin') return;
  const allowed = type.namespaced ? namespace === identity.namespace : READ.has(verb) && type.kind === 'SchedulingClass';
  if (type.kind === 'Namespace' && READ.has(verb) && name === identity.namespace) return;
  if (allowed) return;
  const qualified = type.group ? `${type.plural}.${type.group}` : type.plural;
  const subject = name ? `${qualified} "${name}"` : qualified;
  const scope = type.namespaced && namespace !== undefined ? `in the namespace "${namespace}"` : 'at the cluster scope';
  throw forbidden(`${subject} is forbidden: User "${identity.user}" cannot ${verb} resource "${type.plural}" in API group "${type.group}" ${scope}`);
}
