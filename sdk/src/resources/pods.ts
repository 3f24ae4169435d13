import type { Pod, PodList } from '../generated/types.js';
import type { HttpTransport } from '../transport/http-transport.js';
import { listAll, type ListOptions } from './list-pages.js';

/** Core v1 Pods of the client's namespace. */
export class PodsResource {
  readonly #transport: HttpTransport;
  readonly namespace: string;
  constructor(transport: HttpTransport, namespace: string) {
    this.#transport = transport;
    this.namespace = namespace;
  }

  async listAll(options: ListOptions = {}): Promise<Pod[]> {
    const path = `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/pods`;
    return (await listAll<PodList['items'][number]>(this.#transport, path, { kind: 'Pod', namespace: this.namespace }, options)).items;
  }
}
