// What configure() hands every resource and data source: the API the provider speaks, and its client.
import type { PostgresApi } from '@hikube/sdk/public';
import type { ClusterApi } from './resources/postgres-cluster/cluster-api.js';

/** The Cozystack Kubernetes API (a kubeconfig or explicit cluster credentials). */
export interface KubernetesProviderData {
  backend: 'kubernetes';
  api: ClusterApi;
  /** The namespace resources use when they set none (provider `namespace` or the kubeconfig's). */
  namespace: string | null;
}

/** Hikube's public REST API, for one project. */
export interface PublicProviderData {
  backend: 'public';
  postgres: PostgresApi;
  projectId: string;
}

export type ProviderData = KubernetesProviderData | PublicProviderData;
