// Data sources that exist only on Hikube's public API, and what they say on the Kubernetes API.
import type { ProviderData, PublicProviderData } from '../../provider-data.js';
import { error, type PlanIssue } from '../postgres-cluster/plan-issue.js';

export const notConfigured = error(
  null,
  'Provider not configured',
  'The hikube provider has no usable configuration yet; see the provider diagnostics above.',
  [],
);

/** What a public-only resource says to use on the Kubernetes API. */
export const inlineInstead = (map: 'users' | 'databases') =>
  `On the Cozystack Kubernetes API, declare it inline in hikube_postgres_cluster's ${map} map instead.`;

/** The public API's data, or the issue to report instead (`instead`: what to do on the Kubernetes API). */
export function publicData(data: ProviderData | undefined, typeName: string, instead: string): PublicProviderData | PlanIssue {
  if (data === undefined) return notConfigured;
  if (data.backend === 'public') return data;
  return error(null, 'Not on the Kubernetes API', `${typeName} speaks Hikube's public API (provider api_key and project_id). ${instead}`, []);
}

export function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
