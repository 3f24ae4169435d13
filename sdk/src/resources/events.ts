import type { Event, EventList } from '../generated/types.js';
import type { HttpTransport } from '../transport/http-transport.js';
import { listAll, type ListOptions } from './list-pages.js';

/** Core v1 Events of the client's namespace. */
export class EventsResource {
  readonly #transport: HttpTransport;
  readonly namespace: string;
  constructor(transport: HttpTransport, namespace: string) {
    this.#transport = transport;
    this.namespace = namespace;
  }

  async listAll(options: ListOptions = {}): Promise<Event[]> {
    const path = `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/events`;
    return (await listAll<EventList['items'][number]>(this.#transport, path, { kind: 'Event', namespace: this.namespace }, options)).items;
  }
}
