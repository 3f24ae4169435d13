import type { Service, ServiceList } from '../generated/types.js';
import type { CallOptions, HttpTransport } from '../transport/http-transport.js';
import { listAll, type ListOptions } from './list-pages.js';

/** Core v1 Services of the client's namespace. */
export class ServicesResource {
  readonly #transport: HttpTransport;
  readonly namespace: string;
  constructor(transport: HttpTransport, namespace: string) {
    this.#transport = transport;
    this.namespace = namespace;
  }

  #path(name?: string): string {
    const base = `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/services`;
    return name === undefined ? base : `${base}/${encodeURIComponent(name)}`;
  }

  get(name: string, options: CallOptions = {}): Promise<Service> {
    return this.#transport.request<Service>({
      method: 'GET',
      path: this.#path(name),
      retry: 'idempotent',
      resource: { kind: 'Service', name, namespace: this.namespace },
      ...options,
    });
  }

  async listAll(options: ListOptions = {}): Promise<Service[]> {
    return (await listAll<ServiceList['items'][number]>(this.#transport, this.#path(), { kind: 'Service', namespace: this.namespace }, options)).items;
  }
}
