// Watch streams: one JSON event per line, replay from a resourceVersion (410 Expired as an ERROR
// event when it is too old), synthetic ADDED events for resourceVersion 0/unset, bookmarks when
// asked, and a whitespace heartbeat each second so HTTP/1.1 clients notice cancellation promptly.

import type { KubeObject } from '../store/kube-object.js';
import type { ObjectStore, StoreEvent } from '../store/object-store.js';
import { GoneError } from '../store/errors.js';
import { apiVersionOf, storageKey, type ResourceType } from '../store/resource-types.js';
import { toTable, TABLE_CONTENT_TYPE } from './table.js';

export interface WatchSink {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: string): unknown;
  end(): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface WatchRequest {
  type: ResourceType;
  namespace: string | undefined;
  filter: ((o: KubeObject) => boolean) | undefined;
  resourceVersion: string | undefined;
  allowBookmarks: boolean;
  timeoutSeconds: number | undefined;
  asTable: boolean;
  includeObject: string | undefined;
  heartbeatMs?: number;
  bookmarkMs?: number;
}

/** Starts streaming; returns a function that ends the stream. */
export function serveWatch(store: ObjectStore, sink: WatchSink, w: WatchRequest, onEnd: () => void): () => void {
  const resource = storageKey(w.type);
  let first = true;
  let closed = false;
  const encode = (type: string, obj: KubeObject): string => {
    if (!w.asTable || type === 'BOOKMARK' || type === 'ERROR') return JSON.stringify({ type, object: obj });
    const table = toTable(w.type, [obj], obj.metadata.resourceVersion ?? '', {
      withColumns: first,
      ...(w.includeObject ? { includeObject: w.includeObject } : {}),
    });
    first = false;
    return JSON.stringify({ type, object: table });
  };
  const matches = (o: KubeObject): boolean => (w.namespace === undefined || (o.metadata.namespace ?? '') === w.namespace) && (!w.filter || w.filter(o));

  sink.writeHead(200, { 'content-type': w.asTable ? TABLE_CONTENT_TYPE : 'application/json', 'cache-control': 'no-cache, private' });
  const send = (line: string): void => {
    if (!closed) sink.write(line + '\n');
  };

  let startRv: number;
  let unsubscribe: () => void = () => undefined;
  const listener = (ev: StoreEvent): void => {
    if (ev.resource !== resource || ev.rv <= startRv) return;
    const now = matches(ev.object);
    if (ev.type === 'MODIFIED' && ev.previous && w.filter) {
      // As the apiserver does: an object entering the selection is ADDED, one leaving it DELETED.
      const before = matches(ev.previous);
      if (now || before) send(encode(now && before ? 'MODIFIED' : now ? 'ADDED' : 'DELETED', ev.object));
      return;
    }
    if (now) send(encode(ev.type, ev.object));
  };
  const rv = w.resourceVersion;
  try {
    if (rv === undefined || rv === '' || rv === '0') {
      const { items, rv: now } = store.list(resource, {
        ...(w.namespace !== undefined ? { namespace: w.namespace } : {}),
        ...(w.filter ? { filter: w.filter } : {}),
        shared: true,
      });
      startRv = now;
      for (const o of items) send(encode('ADDED', o));
      unsubscribe = store.watch(undefined, listener);
    } else {
      startRv = Number(rv);
      if (!Number.isSafeInteger(startRv)) startRv = 0;
      unsubscribe = store.watch(startRv, listener);
    }
  } catch (err) {
    if (err instanceof GoneError) {
      send(
        JSON.stringify({
          type: 'ERROR',
          object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: err.message, reason: 'Expired', code: 410 },
        }),
      );
      closed = true;
      sink.end();
      onEnd();
      return () => undefined;
    }
    throw err;
  }

  const heartbeat = setInterval(() => {
    if (!closed) sink.write('\n');
  }, w.heartbeatMs ?? 1000);
  const bookmark = w.allowBookmarks
    ? setInterval(() => {
        send(
          JSON.stringify({
            type: 'BOOKMARK',
            object: { kind: w.type.kind, apiVersion: apiVersionOf(w.type), metadata: { resourceVersion: String(store.resourceVersion) } },
          }),
        );
      }, w.bookmarkMs ?? 10_000)
    : undefined;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (bookmark) clearInterval(bookmark);
    clearTimeout(timeout);
    sink.end();
    onEnd();
  };
  const timeout = w.timeoutSeconds && w.timeoutSeconds > 0 ? setTimeout(finish, w.timeoutSeconds * 1000) : undefined;
  sink.on('close', finish);
  return finish;
}

/** Lets the server end every open watch on shutdown. */
export class WatchRegistry {
  private readonly enders = new Set<() => void>();
  add(end: () => void): () => void {
    this.enders.add(end);
    return () => this.enders.delete(end);
  }
  closeAll(): void {
    for (const end of [...this.enders]) end();
  }
  get size(): number {
    return this.enders.size;
  }
}
