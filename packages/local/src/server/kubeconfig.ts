// The kubeconfig a Hikube user would have: one context per tenant (namespace preset) plus an admin
// context; the current context is the default tenant's.

import { stringify } from 'yaml';
import type { Tokens } from './data-dir.js';

export interface KubeconfigInput {
  url: string;
  caCertPem: string;
  tokens: Tokens;
  currentTenant: string;
  /** Only this tenant's context (no admin) when set. */
  onlyTenant?: string;
}

const CLUSTER_NAME = 'hikube-local';

export function renderKubeconfig(input: KubeconfigInput): string {
  const ca = Buffer.from(input.caCertPem).toString('base64');
  const tenants = Object.entries(input.tokens.tenants).filter(([t]) => input.onlyTenant === undefined || t === input.onlyTenant);
  const users = tenants.map(([t, token]) => ({ name: `${t}@${CLUSTER_NAME}`, user: { token } }));
  const contexts = tenants.map(([t]) => ({ name: `${CLUSTER_NAME}-${t}`, context: { cluster: CLUSTER_NAME, user: `${t}@${CLUSTER_NAME}`, namespace: t } }));
  if (input.onlyTenant === undefined) {
    users.push({ name: `admin@${CLUSTER_NAME}`, user: { token: input.tokens.admin } });
    contexts.push({ name: `${CLUSTER_NAME}-admin`, context: { cluster: CLUSTER_NAME, user: `admin@${CLUSTER_NAME}`, namespace: 'default' } });
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: CLUSTER_NAME, cluster: { server: input.url, 'certificate-authority-data': ca } }],
    users,
    contexts,
    'current-context': `${CLUSTER_NAME}-${input.onlyTenant ?? input.currentTenant}`,
    preferences: {},
  });
}
