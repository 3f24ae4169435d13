import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { randomUUID } from 'node:crypto';
import { validatePostgres } from '../validation/validate-postgres.js';

/** A fault the server applies to matching requests (`path` is tested against path and query), `times` times (default 1). */
export type Fault = {
  match: { method?: string; path?: RegExp };
  times?: number;
} & (
  | { status: number; reason?: string; message?: string; retryAfterSeconds?: number }
  | { reset: true }
  | { delayMs: number }
  /** Handle the request, then drop the connection instead of answering (a lost response). */
  | { dropResponse: true }
  /** Answer 200 with this body instead (e.g. a proxy's page, or another object). */
  | { body: string }
);

export interface TestApiServerOptions {
  /** Serve HTTPS with this key and certificate; `requestCert` asks for client certificates signed by `ca`. */
  tls?: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer; requestCert?: boolean };
  /** Bearer tokens accepted (default: any request is accepted). */
  tokens?: string[];
  /** Namespaces the caller may use (others answer 403). Default: any. */
  namespaces?: string[];
  /** Act like the platform: services, credentials, pods, then Ready, `readyAfterMs` after a create. */
  platform?: { readyAfterMs: number; failWhen?: (postgres: KubeObject) => string | undefined };
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string | undefined; namespace?: string | undefined; resourceVersion?: string; uid?: string; generation?: number; labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp?: string; deletionTimestamp?: string; finalizers?: string[] };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

interface Collection {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const collections: Collection[] = [
  { group: 'apps.cozystack.io', version: 'v1alpha1', plural: 'postgreses', kind: 'Postgres', namespaced: true },
  { group: 'cozystack.io', version: 'v1alpha1', plural: 'schedulingclasses', kind: 'SchedulingClass', namespaced: false },
  { group: 'core.cozystack.io', version: 'v1alpha1', plural: 'tenantsecrets', kind: 'TenantSecret', namespaced: true },
  { group: '', version: 'v1', plural: 'secrets', kind: 'Secret', namespaced: true },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', plural: 'events', kind: 'Event', namespaced: true },
];

interface Change {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  plural: string;
  object: KubeObject;
}

interface Watcher {
  plural: string;
  namespace: string | undefined;
  name: string | undefined;
  response: ServerResponse;
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
 * or client-certificate auth, injected faults, and optionally a platform that readies Postgres objects.
 */
export class TestApiServer {
  readonly #server: Server;
  readonly #options: TestApiServerOptions;
  readonly #objects = new Map<string, Map<string, KubeObject>>();
  readonly #changes: Change[] = [];
  readonly #watchers = new Set<Watcher>();
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  /** Helm release revision per Postgres (namespace/name): it grows with every successful release. */
  readonly #revisions = new Map<string, number>();
  #faults: (Fault & { left: number })[] = [];
  readonly #dropping = new WeakSet<ServerResponse>();
  #rv = 100;
  /** Changes at or below this version are forgotten: watching from them answers 410. */
  #compactedTo = 0;
  #postgresPort: TcpServer | undefined;
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
      ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert, ...(options.tls.ca ? { ca: options.tls.ca } : {}), requestCert: options.tls.requestCert ?? false, rejectUnauthorized: false }, handler)
      : createHttpServer(handler);
    this.#server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    this.#server.on('secureConnection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolvePromise) => this.#server.listen(0, '127.0.0.1', resolvePromise));
    const { port } = this.#server.address() as AddressInfo;
    this.url = `${this.#options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    if (this.#options.platform) {
      // Stands in for PostgreSQL's port behind the rw service: accepts and closes.
      this.#postgresPort = createTcpServer((socket) => socket.end());
      await new Promise<void>((resolvePromise) => this.#postgresPort!.listen(0, '127.0.0.1', resolvePromise));
    }
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    for (const watcher of this.#watchers) watcher.response.destroy();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolvePromise) => this.#server.close(() => resolvePromise()));
    if (this.#postgresPort) await new Promise<void>((resolvePromise) => this.#postgresPort!.close(() => resolvePromise()));
  }

  /** Queue a fault; the first matching fault with uses left is applied to a request. */
  inject(fault: Fault): void {
    this.#faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Forget the faults not yet used up. */
  clearFaults(): void {
    this.#faults = [];
  }

  /** Close every open watch stream, as a dropped connection would. */
  dropWatches(): void {
    for (const watcher of this.#watchers) watcher.response.destroy();
    this.#watchers.clear();
  }

  /** Forget the change history: watches from older versions answer 410 Gone. */
  compact(): void {
    this.#compactedTo = this.#rv;
    this.#changes.length = 0;
    for (const watcher of this.#watchers) {
      this.#writeEvent(watcher, { type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410, message: 'too old resource version' } });
      watcher.response.end();
    }
    this.#watchers.clear();
  }

  /** Stores an object as if a controller wrote it (no validation, no auth). */
  put(plural: string, object: KubeObject): KubeObject {
    const store = this.#store(plural);
    const key = this.#key(object.metadata.namespace, object.metadata.name ?? '');
    const existing = store.get(key);
    const stored = this.#stamp(object, existing);
    store.set(key, stored);
    this.#record(existing ? 'MODIFIED' : 'ADDED', plural, stored);
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
    this.#record('DELETED', plural, gone);
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

  #record(type: Change['type'], plural: string, object: KubeObject): void {
    const change: Change = { rv: Number(object.metadata.resourceVersion), type, plural, object };
    this.#changes.push(change);
    for (const watcher of this.#watchers) {
      if (this.#matches(watcher, change)) this.#writeEvent(watcher, { type, object });
    }
  }

  #matches(watcher: Watcher, change: Change): boolean {
    return (
      watcher.plural === change.plural &&
      (watcher.namespace === undefined || watcher.namespace === change.object.metadata.namespace) &&
      (watcher.name === undefined || watcher.name === change.object.metadata.name)
    );
  }

  #writeEvent(watcher: Watcher, event: unknown): void {
    watcher.response.write(`${JSON.stringify(event)}\n`);
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

  #status(response: ServerResponse, code: number, reason: string, message: string, details?: Record<string, unknown>, headers: Record<string, string> = {}): void {
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

    const fault = this.#faults.find((candidate) => candidate.left > 0 && (candidate.match.method ?? method) === method && (candidate.match.path?.test(url.pathname + url.search) ?? true));
    if (fault) {
      fault.left -= 1;
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
        this.#status(response, fault.status, fault.reason ?? 'InternalError', fault.message ?? `injected ${fault.status}`, fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : undefined, fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {});
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

    const route = this.#route(url.pathname);
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
      if (collection.kind === 'Postgres') {
        const issues = validatePostgres({ ...body, metadata: { ...body.metadata, namespace } });
        if (issues.length > 0) {
          this.#status(response, 422, 'Invalid', `Postgres.apps.cozystack.io "${objectName}" is invalid`, { name: objectName, kind: 'Postgres', causes: issues.map((issue) => ({ reason: 'FieldValueInvalid', field: issue.path, message: issue.message })) });
          return;
        }
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
      if (collection.kind === 'Postgres') this.#platformReconcile(stored);
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
        if (collection.kind === 'Postgres') this.#platformCleanup(existing);
        this.#json(response, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name, kind: collection.plural } });
        return;
      }
      const body = (await this.#body(request)) as KubeObject;
      let next: KubeObject;
      if (method === 'PUT') {
        if (body.metadata?.resourceVersion !== existing.metadata.resourceVersion) {
          this.#status(response, 409, 'Conflict', `Operation cannot be fulfilled on ${what} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, kind: collection.plural });
          return;
        }
        next = { ...body, status: existing.status, metadata: { ...body.metadata, namespace } } as KubeObject;
      } else {
        if (request.headers['content-type'] !== 'application/merge-patch+json') {
          this.#status(response, 415, 'UnsupportedMediaType', 'the body of the request was in an unknown format');
          return;
        }
        next = mergePatch(existing, body) as KubeObject;
      }
      if (collection.kind === 'Postgres') {
        if ((next.spec?.['storageClass'] ?? '') !== (existing.spec?.['storageClass'] ?? '')) {
          this.#status(response, 422, 'Invalid', `Postgres.apps.cozystack.io "${name}" is invalid: spec.storageClass: Invalid value: storageClass is immutable`, {
            name,
            kind: 'Postgres',
            causes: [{ reason: 'FieldValueInvalid', field: 'spec.storageClass', message: 'storageClass is immutable' }],
          });
          return;
        }
      }
      const stored = this.put(collection.plural, next);
      this.#json(response, 200, stored);
      if (collection.kind === 'Postgres' && stored.metadata.generation !== existing.metadata.generation) this.#platformReconcile(stored);
      return;
    }
    this.#status(response, 405, 'MethodNotAllowed', `${method} is not supported on ${url.pathname}`);
  }

  #route(path: string): { collection: Collection; namespace: string | undefined; name: string | undefined } | undefined {
    for (const collection of collections) {
      const prefix = collection.group ? `/apis/${collection.group}/${collection.version}` : `/api/${collection.version}`;
      const pattern = collection.namespaced
        ? new RegExp(`^${prefix.replace(/\./g, '\\.')}/namespaces/([^/]+)/${collection.plural}(?:/([^/]+))?$`)
        : new RegExp(`^${prefix.replace(/\./g, '\\.')}/${collection.plural}(?:/([^/]+))?$`);
      const match = pattern.exec(path);
      if (!match) continue;
      if (collection.namespaced) return { collection, namespace: decodeURIComponent(match[1] ?? ''), name: match[2] === undefined ? undefined : decodeURIComponent(match[2]) };
      return { collection, namespace: undefined, name: match[1] === undefined ? undefined : decodeURIComponent(match[1]) };
    }
    return undefined;
  }

  #selected(collection: Collection, namespace: string | undefined, url: URL): KubeObject[] {
    const labelSelector = url.searchParams.get('labelSelector');
    const fieldSelector = url.searchParams.get('fieldSelector');
    const labels = (labelSelector ?? '').split(',').filter(Boolean).map((term) => term.split('='));
    const fields = (fieldSelector ?? '').split(',').filter(Boolean).map((term) => term.split('='));
    return [...this.#store(collection.plural).values()]
      .filter((object) => !collection.namespaced || object.metadata.namespace === namespace)
      .filter((object) => labels.every(([key, value]) => object.metadata.labels?.[key ?? ''] === value))
      .filter((object) =>
        fields.every(([key, value]) => {
          if (key === 'metadata.name') return object.metadata.name === value;
          if (key === 'involvedObject.name') return (object['involvedObject'] as { name?: string } | undefined)?.name === value;
          return true;
        }),
      )
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  }

  #list(response: ServerResponse, collection: Collection, namespace: string | undefined, url: URL): void {
    const all = this.#selected(collection, namespace, url);
    const limit = Number(url.searchParams.get('limit') ?? '0');
    const token = url.searchParams.get('continue');
    let start = 0;
    if (token) {
      const [rv, offset] = Buffer.from(token, 'base64url').toString('utf8').split(':');
      if (Number(rv) <= this.#compactedTo) {
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
      metadata: { resourceVersion: String(this.#rv), ...(more ? { continue: Buffer.from(`${this.#rv}:${end}`).toString('base64url'), remainingItemCount: all.length - end } : {}) },
      items,
    });
  }

  #watch(request: IncomingMessage, response: ServerResponse, collection: Collection, namespace: string | undefined, url: URL): void {
    const fieldSelector = url.searchParams.get('fieldSelector') ?? '';
    const name = fieldSelector.startsWith('metadata.name=') ? fieldSelector.slice('metadata.name='.length) : undefined;
    const watcher: Watcher = { plural: collection.plural, namespace: collection.namespaced ? namespace : undefined, name, response };
    response.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const from = url.searchParams.get('resourceVersion');
    if (from !== null && from !== '' && Number(from) < this.#compactedTo) {
      this.#writeEvent(watcher, { type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410, message: `too old resource version: ${from} (${this.#compactedTo})` } });
      response.end();
      return;
    }
    if (from === null || from === '') {
      for (const object of this.#selected(collection, namespace, url)) this.#writeEvent(watcher, { type: 'ADDED', object });
    } else {
      for (const change of this.#changes) if (change.rv > Number(from) && this.#matches(watcher, change)) this.#writeEvent(watcher, { type: change.type, object: change.object });
    }
    if (url.searchParams.get('allowWatchBookmarks') === 'true') {
      this.#writeEvent(watcher, { type: 'BOOKMARK', object: { kind: collection.kind, apiVersion: 'v1', metadata: { resourceVersion: String(this.#rv) } } });
    }
    this.#watchers.add(watcher);
    request.on('close', () => this.#watchers.delete(watcher));
  }

  #later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, ms);
    this.#timers.add(timer);
  }

  // The platform, in miniature: what Hikube creates for a Postgres, then the Ready condition.
  #platformReconcile(postgres: KubeObject): void {
    const platform = this.#options.platform;
    if (!platform) return;
    const name = postgres.metadata.name ?? '';
    const namespace = postgres.metadata.namespace;
    // As Cozystack reports it: Ready and Released from the HelmRelease (helm-controller's reasons,
    // the release revision in the success message), WorkloadsReady, no observedGeneration.
    const key = `${namespace ?? ''}/${name}`;
    const revision = this.#revisions.get(key) ?? 0;
    const action = revision === 0 ? 'install' : 'upgrade';
    const Action = revision === 0 ? 'Install' : 'Upgrade';
    const release = `${namespace ?? ''}/postgres-${name}`;
    const setStatus = (ready: { status: 'True' | 'False' | 'Unknown'; reason: string; message: string }, released: boolean) => {
      const current = this.read('postgreses', namespace, name);
      if (!current) return;
      const time = new Date().toISOString();
      const before = ((current['status'] as { conditions?: { type: string }[] } | undefined)?.conditions ?? []).filter((c) => c.type === 'Released');
      this.put('postgreses', {
        ...current,
        status: {
          version: '0.18.0',
          conditions: [{ type: 'Ready', ...ready, lastTransitionTime: time }, ...(released ? [{ type: 'Released', ...ready, lastTransitionTime: time }] : before)],
        },
      });
    };
    const failure = platform.failWhen?.(postgres);
    // The release starts a moment after the write: until then Ready is the one from before it.
    this.#later(Math.min(10, platform.readyAfterMs / 3), () => setStatus({ status: 'Unknown', reason: 'Progressing', message: `Running '${action}' action with timeout of 5m0s` }, false));
    this.#later(platform.readyAfterMs, () => {
      if (failure) {
        setStatus({ status: 'False', reason: `${Action}Failed`, message: `Helm ${action} failed for release ${release} with chart postgres@0.18.0: ${failure}` }, true);
        return;
      }
      const spec = postgres.spec ?? {};
      const port = (this.#postgresPort?.address() as AddressInfo | undefined)?.port ?? 5432;
      for (const suffix of ['rw', 'ro', 'r']) {
        this.put('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: `postgres-${name}-${suffix}`, namespace }, spec: { type: 'ClusterIP', clusterIP: '127.0.0.1', ports: [{ name: 'postgres', port, protocol: 'TCP' }] } });
      }
      if (spec['external'] === true) {
        this.put('services', {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: `postgres-${name}-external-write`, namespace },
          spec: { type: 'LoadBalancer', clusterIP: '10.0.0.9', ports: [{ name: 'postgres', port, protocol: 'TCP' }] },
          status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } },
        });
      }
      const users = Object.entries((spec['users'] as Record<string, { password?: string }> | undefined) ?? {});
      const data = Object.fromEntries(users.map(([user, config]) => [user, Buffer.from(config.password ?? `gen${randomUUID().replace(/-/g, '').slice(0, 13)}`).toString('base64')]));
      this.put('tenantsecrets', { apiVersion: 'core.cozystack.io/v1alpha1', kind: 'TenantSecret', metadata: { name: `postgres-${name}-credentials`, namespace }, type: 'Opaque', data });
      const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 2;
      const nodePrefixes = ['gld', 'luc', 'plo'];
      for (let index = 1; index <= replicas; index += 1) {
        this.put('pods', {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: `postgres-${name}-${index}`,
            namespace,
            // As on the platform, no zone label: the node's name tells the datacenter.
            labels: { 'cnpg.io/cluster': `postgres-${name}`, 'cnpg.io/instanceRole': index === 1 ? 'primary' : 'replica' },
          },
          spec: { nodeName: `${nodePrefixes[(index - 1) % 3] ?? 'gld'}-node-${index}` },
          status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
        });
      }
      this.#revisions.set(key, revision + 1);
      setStatus({ status: 'True', reason: `${Action}Succeeded`, message: `Helm ${action} succeeded for release ${release}.v${revision + 1} with chart postgres@0.18.0` }, true);
      this.put('events', { apiVersion: 'v1', kind: 'Event', metadata: { name: `${name}.${this.#rv}`, namespace }, involvedObject: { kind: 'Postgres', name, namespace }, reason: 'Ready', message: 'the cluster is ready', type: 'Normal' });
    });
  }

  #platformCleanup(postgres: KubeObject): void {
    if (!this.#options.platform) return;
    const name = postgres.metadata.name ?? '';
    const namespace = postgres.metadata.namespace;
    this.#revisions.delete(`${namespace ?? ''}/${name}`);
    for (const suffix of ['rw', 'ro', 'r', 'external-write']) this.remove('services', namespace, `postgres-${name}-${suffix}`);
    this.remove('tenantsecrets', namespace, `postgres-${name}-credentials`);
    for (const pod of [...this.#store('pods').values()]) {
      if (pod.metadata.namespace === namespace && new RegExp(`^postgres-${name}-\\d+$`).test(pod.metadata.name ?? '')) this.remove('pods', namespace, pod.metadata.name ?? '');
    }
  }
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** Starts a TestApiServer on 127.0.0.1 and a random port. */
export function startTestApiServer(options: TestApiServerOptions = {}): Promise<TestApiServer> {
  return new TestApiServer(options).start();
}
