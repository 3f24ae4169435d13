import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { randomUUID } from 'node:crypto';
import { applyMergePatch } from '../merge-patch.js';
import { ChangeFeed } from './change-feed.js';
import { FaultQueue, type Fault } from './fault-injection.js';
import type { KubeObject } from './kube-object.js';
import { refuseCreate, refuseUpdate } from './postgres-admission.js';
import { routeOf, selectObjects, type Collection } from './test-api-routes.js';

export interface TestApiServerOptions {
  /** Serve HTTPS with this key and certificate; `requestCert` asks for client certificates signed by `ca`. */
  tls?: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer; requestCert?: boolean };
  /** Bearer tokens accepted (default: any request is accepted). */
  tokens?: string[];
  /** Namespaces the caller may use (others answer 403). Default: any. */
  namespaces?: string[];
}

/** One request as the server saw it (headers included, for tests that check what was sent). */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  clientCertificateSubject?: string | undefined;
}

/**
 * A small Kubernetes-style API server on 127.0.0.1 for tests: the paths the SDK calls, resourceVersions,
 * optimistic concurrency, paging, watch with bookmarks and 410 after compaction, Status errors, bearer
 * or client-certificate auth and injected faults. No controller acts on what is stored: a test
 * states what the platform reports by writing it with `put` (a platform that acts is Hikube Local,
 * `@hikube/local/testing`).
 */
export class TestApiServer {
  readonly #server: Server;
  readonly #options: TestApiServerOptions;
  readonly #objects = new Map<string, Map<string, KubeObject>>();
  readonly #feed = new ChangeFeed();
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #faults = new FaultQueue();
  readonly #dropping = new WeakSet<ServerResponse>();
  #rv = 100;
  readonly requests: SeenRequest[] = [];
  url = '';

  constructor(options: TestApiServerOptions = {}) {
    this.#options = options;
    const handler = (request: IncomingMessage, response: ServerResponse) => {
      this.#handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) this.#status(response, 500, 'InternalError', String(error));
      });
    };
    this.#server = options.tls
      ? createHttpsServer(
          {
            key: options.tls.key,
            cert: options.tls.cert,
            ...(options.tls.ca ? { ca: options.tls.ca } : {}),
            requestCert: options.tls.requestCert ?? false,
            rejectUnauthorized: false,
          },
          handler,
        )
      : createHttpServer(handler);
    // Every socket is known, so that stop() can end kept-alive and watching ones at once.
    const track = (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    };
    this.#server.on('connection', track);
    this.#server.on('secureConnection', track);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolvePromise) => this.#server.listen(0, '127.0.0.1', resolvePromise));
    const { port } = this.#server.address() as AddressInfo;
    this.url = `${this.#options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#feed.dropAll();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolvePromise) => this.#server.close(() => resolvePromise()));
  }

  /** Queue a fault; the first matching fault with uses left is applied to a request. */
  inject(fault: Fault): void {
    this.#faults.add(fault);
  }

  /** Forget the faults not yet used up. */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** Close every open watch stream, as a dropped connection would. */
  dropWatches(): void {
    this.#feed.dropAll();
  }

  /** Forget the change history: watches from older versions answer 410 Gone. */
  compact(): void {
    this.#feed.compact(this.#rv);
  }

  /** Stores an object as if a controller wrote it (no validation, no auth). */
  put(plural: string, object: KubeObject): KubeObject {
    const store = this.#store(plural);
    const key = this.#key(object.metadata.namespace, object.metadata.name ?? '');
    const existing = store.get(key);
    const stored = this.#stamp(object, existing);
    store.set(key, stored);
    this.#feed.record(existing ? 'MODIFIED' : 'ADDED', plural, stored);
    return stored;
  }

  remove(plural: string, namespace: string | undefined, name: string): void {
    const store = this.#store(plural);
    const key = this.#key(namespace, name);
    const existing = store.get(key);
    if (!existing) return;
    store.delete(key);
    this.#rv += 1;
    const gone = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(this.#rv) } };
    this.#feed.record('DELETED', plural, gone);
  }

  read(plural: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#store(plural).get(this.#key(namespace, name));
  }

  #store(plural: string): Map<string, KubeObject> {
    let store = this.#objects.get(plural);
    if (!store) {
      store = new Map();
      this.#objects.set(plural, store);
    }
    return store;
  }

  #key(namespace: string | undefined, name: string): string {
    return `${namespace ?? ''}/${name}`;
  }

  #stamp(object: KubeObject, existing: KubeObject | undefined): KubeObject {
    this.#rv += 1;
    const specChanged = JSON.stringify(existing?.spec) !== JSON.stringify(object.spec);
    return {
      ...object,
      metadata: {
        ...object.metadata,
        uid: existing?.metadata.uid ?? object.metadata.uid ?? randomUUID(),
        creationTimestamp: existing?.metadata.creationTimestamp ?? new Date().toISOString(),
        generation: (existing?.metadata.generation ?? 0) + (existing && !specChanged ? 0 : 1),
        resourceVersion: String(this.#rv),
      },
    };
  }

  #json(response: ServerResponse, code: number, body: unknown): void {
    if (this.#dropping.delete(response)) {
      response.socket?.destroy();
      return;
    }
    const text = JSON.stringify(body);
    response.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  }

  #status(
    response: ServerResponse,
    code: number,
    reason: string,
    message: string,
    details?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): void {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    this.#json(response, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code, ...(details ? { details } : {}) });
  }

  async #body(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://x');
    const method = request.method ?? 'GET';
    const peer = (request.socket as TLSSocket).getPeerCertificate?.();
    const subject = peer && 'subject' in peer && peer.subject ? String(peer.subject.CN) : undefined;
    this.requests.push({ method, path: url.pathname + url.search, headers: request.headers, clientCertificateSubject: subject });

    const fault = this.#faults.take(method, url.pathname + url.search);
    if (fault) {
      if ('dropResponse' in fault) {
        this.#dropping.add(response);
      } else if ('reset' in fault) {
        request.socket.destroy();
        return;
      } else if ('body' in fault) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(fault.body);
        return;
      } else if ('delayMs' in fault) {
        await new Promise((resolvePromise) => {
          const timer = setTimeout(resolvePromise, fault.delayMs);
          this.#timers.add(timer);
        });
        if (response.destroyed) return;
      } else {
        this.#status(
          response,
          fault.status,
          fault.reason ?? 'InternalError',
          fault.message ?? `injected ${fault.status}`,
          fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : undefined,
          fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
        );
        return;
      }
    }

    // Authentication: a known bearer token or a client certificate verified against our CA.
    if (this.#options.tokens) {
      const header = request.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;
      const certOk = (request.socket as TLSSocket).authorized === true && subject !== undefined;
      if (!certOk && (token === undefined || !this.#options.tokens.includes(token))) {
        this.#status(response, 401, 'Unauthorized', 'Unauthorized');
        return;
      }
    }

    const route = routeOf(url.pathname);
    if (!route) {
      this.#status(response, 404, 'NotFound', `the server could not find the requested resource (${url.pathname})`);
      return;
    }
    const { collection, namespace, name } = route;
    if (collection.namespaced && this.#options.namespaces && !this.#options.namespaces.includes(namespace ?? '')) {
      this.#status(response, 403, 'Forbidden', `${collection.plural} is forbidden: cannot access namespace "${namespace ?? ''}"`);
      return;
    }
    const what = `${collection.plural}${collection.group ? `.${collection.group}` : ''}`;
    const store = this.#store(collection.plural);

    if (method === 'GET' && name === undefined) {
      if (url.searchParams.get('watch') === 'true') {
        this.#watch(request, response, collection, namespace, url);
        return;
      }
      this.#list(response, collection, namespace, url);
      return;
    }
    if (method === 'GET' && name !== undefined) {
      const object = store.get(this.#key(namespace, name));
      if (!object) this.#status(response, 404, 'NotFound', `${what} "${name}" not found`, { name, kind: collection.plural });
      else this.#json(response, 200, object);
      return;
    }
    if (method === 'POST' && name === undefined) {
      const body = (await this.#body(request)) as KubeObject;
      const objectName = body.metadata?.name ?? '';
      const refused = collection.kind === 'Postgres' ? refuseCreate(body, namespace) : undefined;
      if (refused) {
        this.#status(response, 422, 'Invalid', refused.message, refused.details);
        return;
      }
      if (store.has(this.#key(namespace, objectName))) {
        this.#status(response, 409, 'AlreadyExists', `${what} "${objectName}" already exists`, { name: objectName, kind: collection.plural });
        return;
      }
      // A dry run answers as a create would, and stores nothing.
      if (url.searchParams.get('dryRun') === 'All') {
        this.#json(response, 201, { ...body, metadata: { ...body.metadata, ...(collection.namespaced ? { namespace } : {}) } });
        return;
      }
      const stored = this.put(collection.plural, { ...body, metadata: { ...body.metadata, ...(collection.namespaced ? { namespace } : {}) } });
      this.#json(response, 201, stored);
      return;
    }
    if ((method === 'PUT' || method === 'PATCH' || method === 'DELETE') && name !== undefined) {
      const existing = store.get(this.#key(namespace, name));
      if (!existing) {
        this.#status(response, 404, 'NotFound', `${what} "${name}" not found`, { name, kind: collection.plural });
        return;
      }
      if (method === 'DELETE') {
        await this.#body(request);
        this.remove(collection.plural, namespace, name);
        this.#json(response, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name, kind: collection.plural } });
        return;
      }
      const body = (await this.#body(request)) as KubeObject;
      let next: KubeObject;
      if (method === 'PUT') {
        if (body.metadata?.resourceVersion !== existing.metadata.resourceVersion) {
          this.#status(
            response,
            409,
            'Conflict',
            `Operation cannot be fulfilled on ${what} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
            { name, kind: collection.plural },
          );
          return;
        }
        next = { ...body, status: existing.status, metadata: { ...body.metadata, namespace } } as KubeObject;
      } else {
        if (request.headers['content-type'] !== 'application/merge-patch+json') {
          this.#status(response, 415, 'UnsupportedMediaType', 'the body of the request was in an unknown format');
          return;
        }
        next = applyMergePatch(existing, body) as KubeObject;
      }
      const refused = collection.kind === 'Postgres' ? refuseUpdate(existing, next) : undefined;
      if (refused) {
        this.#status(response, 422, 'Invalid', refused.message, refused.details);
        return;
      }
      const stored = this.put(collection.plural, next);
      this.#json(response, 200, stored);
      return;
    }
    this.#status(response, 405, 'MethodNotAllowed', `${method} is not supported on ${url.pathname}`);
  }

  #list(response: ServerResponse, collection: Collection, namespace: string | undefined, url: URL): void {
    const all = selectObjects(this.#store(collection.plural).values(), collection, namespace, url);
    const limit = Number(url.searchParams.get('limit') ?? '0');
    const token = url.searchParams.get('continue');
    let start = 0;
    if (token) {
      const [rv, offset] = Buffer.from(token, 'base64url').toString('utf8').split(':');
      if (Number(rv) <= this.#feed.compactedTo) {
        this.#status(response, 410, 'Expired', 'The provided continue parameter is too old; list again without it');
        return;
      }
      start = Number(offset);
    }
    const end = limit > 0 ? start + limit : all.length;
    const items = all.slice(start, end);
    const more = end < all.length;
    this.#json(response, 200, {
      apiVersion: collection.group ? `${collection.group}/${collection.version}` : collection.version,
      kind: `${collection.kind}List`,
      metadata: {
        resourceVersion: String(this.#rv),
        ...(more ? { continue: Buffer.from(`${this.#rv}:${end}`).toString('base64url'), remainingItemCount: all.length - end } : {}),
      },
      items,
    });
  }

  #watch(request: IncomingMessage, response: ServerResponse, collection: Collection, namespace: string | undefined, url: URL): void {
    const fieldSelector = url.searchParams.get('fieldSelector') ?? '';
    const name = fieldSelector.startsWith('metadata.name=') ? fieldSelector.slice('metadata.name='.length) : undefined;
    const target = { plural: collection.plural, namespace: collection.namespaced ? namespace : undefined, name };
    const initial = () => selectObjects(this.#store(collection.plural).values(), collection, namespace, url);
    const bookmark = url.searchParams.get('allowWatchBookmarks') === 'true' ? { kind: collection.kind, rv: this.#rv } : undefined;
    this.#feed.watch(request, response, target, url.searchParams.get('resourceVersion'), initial, bookmark);
  }
}

/** Starts a TestApiServer on 127.0.0.1 and a random port. */
export function startTestApiServer(options: TestApiServerOptions = {}): Promise<TestApiServer> {
  return new TestApiServer(options).start();
}
