/** An object as the test server stores it: any kind, the metadata the server manages typed. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string | undefined;
    namespace?: string | undefined;
    resourceVersion?: string;
    uid?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    finalizers?: string[];
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}
