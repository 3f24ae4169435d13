import { GoneError, NetworkError, ServerError, TooManyRequestsError, errorFromResponse, isStatus } from '../errors.js';
import type { ResourceRef } from '../errors.js';
import { backoffDelay, defaultRetryPolicy, sleep } from '../transport/backoff.js';
import type { HttpTransport } from '../transport/http-transport.js';
import { listAll, type ListOptions } from './list-pages.js';

export interface WatchedObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
}

/** A change to one object. */
export interface WatchEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: T;
}

export interface WatchOptions extends Omit<ListOptions, 'timeout' | 'limit'> {
  /** Start after this version; without it the current objects are listed first and reported as ADDED. */
  resourceVersion?: string;
  /** Milliseconds to wait for each (re)connection's response headers (default 30 000). */
  connectTimeout?: number;
}

const key = (object: WatchedObject) => `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

async function* lines(body: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const chunk of body) {
    buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line !== '') yield line;
      newline = buffer.indexOf('\n');
    }
  }
  if (buffer.trim() !== '') yield buffer.trim();
}

/**
 * Watches a collection. Reconnects from the last seen resourceVersion when the stream drops, and
 * lists again on 410 Gone, reporting what changed meanwhile as ADDED/MODIFIED/DELETED events.
 * Ends quietly when `signal` aborts.
 */
export async function* watchObjects<T extends WatchedObject>(
  transport: HttpTransport,
  path: string,
  resource: ResourceRef,
  options: WatchOptions = {},
): AsyncGenerator<WatchEvent<T>> {
  const signal = options.signal;
  const known = new Map<string, T>();
  const selectors = { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector };

  async function* relist(): AsyncGenerator<WatchEvent<T>, string | undefined> {
    const { items, resourceVersion } = await listAll<T>(transport, path, resource, { ...selectors, signal });
    const seen = new Set<string>();
    for (const item of items) {
      const id = key(item);
      seen.add(id);
      const before = known.get(id);
      known.set(id, item);
      if (!before) yield { type: 'ADDED', object: item };
      else if (before.metadata?.resourceVersion !== item.metadata?.resourceVersion) yield { type: 'MODIFIED', object: item };
    }
    for (const [id, object] of known) {
      if (!seen.has(id)) {
        known.delete(id);
        yield { type: 'DELETED', object };
      }
    }
    return resourceVersion;
  }

  let resourceVersion = options.resourceVersion;
  let failures = 0;
  try {
    if (resourceVersion === undefined) resourceVersion = yield* relist();
    while (!signal?.aborted) {
      let gone = false;
      try {
        const body = await transport.stream({
          method: 'GET',
          path,
          query: { watch: true, allowWatchBookmarks: true, resourceVersion, ...selectors },
          retry: 'idempotent',
          resource,
          signal,
          timeout: options.connectTimeout ?? 30_000,
        });
        const stop = () => body.destroy();
        signal?.addEventListener('abort', stop, { once: true });
        try {
          for await (const line of lines(body)) {
            const event = JSON.parse(line) as { type: string; object: unknown };
            if (event.type === 'ERROR') {
              const status = isStatus(event.object) ? event.object : undefined;
              const error = errorFromResponse(status?.code ?? 500, event.object, resource);
              if (error instanceof GoneError) {
                gone = true;
                break;
              }
              throw error;
            }
            const object = event.object as T;
            if (object.metadata?.resourceVersion) resourceVersion = object.metadata.resourceVersion;
            if (event.type === 'BOOKMARK') continue;
            failures = 0;
            if (event.type === 'DELETED') known.delete(key(object));
            else known.set(key(object), object);
            if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED') yield { type: event.type, object };
          }
        } finally {
          signal?.removeEventListener('abort', stop);
          body.destroy();
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (error instanceof GoneError) gone = true;
        else if (!(error instanceof NetworkError || error instanceof ServerError || error instanceof TooManyRequestsError || isStreamDrop(error))) throw error;
      }
      if (signal?.aborted) return;
      if (gone) {
        resourceVersion = yield* relist();
        continue;
      }
      // The stream ended or dropped: resume from the last version after a short, growing pause.
      failures += 1;
      await sleep(backoffDelay(defaultRetryPolicy, Math.min(failures, 6)), signal).catch(() => undefined);
    }
  } catch (error) {
    // An abort during a (re-)list ends the watch quietly too.
    if (signal?.aborted) return;
    throw error;
  } finally {
    known.clear();
  }
}

function isStreamDrop(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_ABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_BODY_TIMEOUT'].includes(code);
}
