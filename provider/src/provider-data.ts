// What configure() hands every resource and data source.
import type { ClusterApi } from './resources/postgres-cluster/cluster-api.js';

export interface ProviderData {
  api: ClusterApi;
  /** The namespace resources use when they set none (provider `namespace` or the kubeconfig's). */
  namespace: string | null;
}
