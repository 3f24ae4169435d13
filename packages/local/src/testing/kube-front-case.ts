// One generated request to the tenant Kubernetes API of Hikube Local (`apps.cozystack.io/v1alpha1`
// Postgres objects): who sends it, over which protocol, and what it means.

import fc from 'fast-check';

export const TENANT_NAMESPACE = 'tenant-demo';
export const OTHER_NAMESPACE = 'tenant-b';
export const GROUP_PATH = '/apis/apps.cozystack.io/v1alpha1';

/** Who sends the request: the tenant mostly, sometimes another tenant, nobody, or a forged token. */
export type Sender = 'tenant' | 'other-tenant' | 'none' | 'forged';

/** What the request means, for the invariants on what an accepted request may store. */
export interface KubeIntent {
  verb: 'create' | 'replace' | 'patch' | 'delete' | 'read' | 'raw';
  /** The object's spec as sent (create, replace, apply): what it asked for. */
  spec?: Record<string, unknown> | undefined;
  dryRun: boolean;
}

export interface KubeCase {
  method: string;
  path: string;
  sender: Sender;
  contentType: string | undefined;
  body: string | undefined;
  protocol: 'http1' | 'http2';
  intent: KubeIntent;
}

/** HTTP/1.1 mostly, HTTP/2 sometimes. */
export const protocol = fc.constantFrom<'http1' | 'http2'>('http1', 'http1', 'http2');
