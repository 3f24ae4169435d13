// The test server's change history and open watches: every write is recorded and sent to the
// watches it matches; a watch may start from a resourceVersion, and compaction forgets the history
// (a watch from before it then gets 410 Expired, as from a real API server).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from './kube-object.js';

interface Change {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  plural: string;
  object: KubeObject;
}

/** What one watch receives: a collection, maybe one namespace, maybe one name. */
export interface WatchTarget {
  plural: string;
  namespace: string | undefined;
  name: string | undefined;
}

interface Watcher extends WatchTarget {
  response: ServerResponse;
}

const expired = (message: string) => ({
  type: 'ERROR',
  object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410, message },
});

export class ChangeFeed {
  readonly #changes: Change[] = [];
  readonly #watchers = new Set<Watcher>();
  /** Changes at or below this version are forgotten: watching from them answers 410. */
  compactedTo = 0;

  record(type: Change['type'], plural: string, object: KubeObject): void {
    const change: Change = { rv: Number(object.metadata.resourceVersion), type, plural, object };
    this.#changes.push(change);
    for (const watcher of this.#watchers) if (matches(watcher, change)) write(watcher, { type, object });
  }

  /**
   * Streams to `response` what `target` selects: `initial` as ADDED when there is no `from`, else
   * the recorded changes after `from`; then the `bookmark` when given, then every change as it comes.
   */
  watch(
    request: IncomingMessage,
    response: ServerResponse,
    target: WatchTarget,
    from: string | null,
    initial: () => KubeObject[],
    bookmark: { kind: string; rv: number } | undefined,
  ): void {
    const watcher: Watcher = { ...target, response };
    response.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    if (from !== null && from !== '' && Number(from) < this.compactedTo) {
      write(watcher, expired(`too old resource version: ${from} (${this.compactedTo})`));
      response.end();
      return;
    }
    if (from === null || from === '') {
      for (const object of initial()) write(watcher, { type: 'ADDED', object });
    } else {
      for (const change of this.#changes)
        if (change.rv > Number(from) && matches(watcher, change)) write(watcher, { type: change.type, object: change.object });
    }
    if (bookmark) write(watcher, { type: 'BOOKMARK', object: { kind: bookmark.kind, apiVersion: 'v1', metadata: { resourceVersion: String(bookmark.rv) } } });
    this.#watchers.add(watcher);
    request.on('close', () => this.#watchers.delete(watcher));
  }

  /** Forgets the history up to `rv`; open watches get 410 Expired and end. */
  compact(rv: number): void {
    this.compactedTo = rv;
    this.#changes.length = 0;
    for (const watcher of this.#watchers) {
      write(watcher, expired('too old resource version'));
      watcher.response.end();
    }
    this.#watchers.clear();
  }

  /** Drops every open watch, as a lost connection would. */
  dropAll(): void {
    for (const watcher of this.#watchers) watcher.response.destroy();
    this.#watchers.clear();
  }
}

function matches(watcher: WatchTarget, change: Change): boolean {
  return (
    watcher.plural === change.plural &&
    (watcher.namespace === undefined || watcher.namespace === change.object.metadata.namespace) &&
    (watcher.name === undefined || watcher.name === change.object.metadata.name)
  );
}

function write(watcher: Watcher, event: unknown): void {
  watcher.response.write(`${JSON.stringify(event)}\n`);
}
