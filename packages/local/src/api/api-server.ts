// The HTTP front: HTTPS with HTTP/2 (and HTTP/1.1 fallback) on 127.0.0.1, authentication,
// authorization, discovery, OpenAPI, resource verbs and watch, every failure a Status body.

import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server as HttpServer } from 'node:http';
import { constants as http2Constants, createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import type { ObjectService } from '../store/object-service.js';
import type { Admission } from './admission.js';
import { authorize, type Authenticator, type Identity } from './auth.js';
import { coreDiscovery, groupDiscovery, groupsDiscovery, resourceListDiscovery, type Doc } from './discovery.js';
import type { OpenApiDocuments } from './openapi.js';
import { OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF_RESPONSE, openapiV2Protobuf } from './openapi-v2-protobuf.js';
import { BODY_LIMITS } from './body-limits.js';
import { readBody } from './request-body.js';
import { parseRequestTarget, parseResourcePath, type RequestTarget, type ResourcePath } from './request-path.js';
import { ResourceHandlers, isWatch, targetOf, verbOf, type Reply } from './resource-handlers.js';
import { ApiStatusError, badRequest, forbidden, methodNotAllowed, notFoundPath, toApiError, tooManyRequests } from './status-error.js';
import { wantsTable } from './table.js';
import { WatchRegistry, serveWatch, type WatchSink } from './watch-stream.js';
import type { KubeObject } from '../store/kube-object.js';

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
}

/** A front served beside the Kubernetes API, answering every path under its prefix (undefined passes the request on). */
export type PublicFront = (request: {
  method: string;
  path: string;
  apiKey: string | undefined;
  contentType: string | undefined;
  body: () => Promise<string>;
}) => Promise<Reply | undefined>;

/** Extra routes under /hikube-local/ (admin only), e.g. site operations. */
export type ExtraRoute = (method: string, path: string, identity: Identity, body: () => Promise<string>) => Promise<Reply | undefined>;

export interface ApiServerOptions {
  service: ObjectService;
  authenticator: Authenticator;
  admission: Admission;
  openapi: OpenApiDocuments;
  tls?: { key: string; cert: string };
  version?: VersionInfo;
  extraRoutes?: ExtraRoute;
  /** Hikube's public REST API (paths under /postgres/), authenticated by its own API keys. */
  publicFront?: PublicFront;
  maxInFlight?: number;
  /** Diagnostics; request bodies and tokens are never passed here. */
  log?: (line: string) => void;
  heartbeatMs?: number;
}

const DEFAULT_VERSION: VersionInfo = { major: '1', minor: '32', gitVersion: 'v1.32.0-hikube-local' };

export class ApiServer {
  private server: Http2SecureServer | HttpServer | undefined;
  private readonly handlers: ResourceHandlers;
  private readonly watches = new WatchRegistry();
  private readonly sockets = new Set<Socket>();
  private inFlight = 0;
  private openapiV2: Buffer | undefined;
  private requests = 0;

  constructor(private readonly options: ApiServerOptions) {
    this.handlers = new ResourceHandlers(options.service, options.admission);
  }

  /** Requests received so far (every path, including discovery). */
  get requestCount(): number {
    return this.requests;
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const handler = (req: Req, res: Res): void => {
      this.dispatch(req, res).catch((err: unknown) => {
        // Only reachable when answering itself failed (the client went away); keep serving.
        this.options.log?.(`failed to answer ${req.method ?? ''} ${req.url ?? ''}: ${(err as Error).message}`);
      });
    };
    const server = this.options.tls
      ? createSecureServer({ key: this.options.tls.key, cert: this.options.tls.cert, allowHTTP1: true }, handler)
      : createHttpServer(handler);
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    // TLS handshakes that fail (a client without our CA) must not crash the server.
    server.on('tlsClientError', () => undefined);
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => answerUnparsable(err, socket));
    if (this.options.tls) server.on('sessionError', () => undefined);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.watches.closeAll();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private async dispatch(req: Req, res: Res): Promise<void> {
    this.requests++;
    const method = req.method ?? 'GET';
    let streaming = false;
    let pathname = '/';
    const body = (): Promise<string> => readBody(req);
    try {
      const url = parseRequestTarget(req.url ?? '/');
      pathname = url.pathname;
      const open = this.publicRoute(pathname);
      if (open) return this.send(res, { status: 200, ...open });
      if (pathname.startsWith('/postgres/') && this.options.publicFront) {
        const apiKey = req.headers['x-hikube-api-key'];
        const reply = await this.options.publicFront({
          method,
          path: pathname,
          apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey,
          contentType: req.headers['content-type'],
          body,
        });
        if (reply) return this.send(res, reply);
      }
      const identity = this.options.authenticator.authenticate(req.headers.authorization);
      const parsed = parseResourcePath(pathname);
      if (parsed.kind === 'resource') {
        const { path } = parsed;
        const verb = verbOf(method, path, url.query);
        const checkVerb = path.subresource ? (verb === 'get' ? 'get' : 'update') : verb;
        if (!path.type.verbs.includes(checkVerb === 'post-named' ? 'create' : checkVerb)) {
          throw methodNotAllowed(`the server does not allow this method on the requested resource (${verb} ${path.type.plural})`);
        }
        authorize(identity, verb, path.type, path.type.namespaced ? path.namespace : undefined, path.name);
        // Status is the platform's to write, as on Hikube; tenants only read it.
        if (path.subresource === 'status' && verb !== 'get' && identity.kind !== 'admin') {
          throw forbidden(
            `${path.type.plural}.${path.type.group}/status "${path.name ?? ''}" is forbidden: User ` +
              `"${identity.user}" cannot ${verb} resource "${path.type.plural}/status"`,
          );
        }
        if (verb === 'watch' || (verb === 'get' && isWatch(url.query))) {
          streaming = true;
          return this.watch(req, res, url, path);
        }
        if (this.inFlight >= (this.options.maxInFlight ?? 400)) throw tooManyRequests();
        this.inFlight++;
        try {
          const reply = await this.handlers.handle({ method, path, query: url.query, headers: req.headers, body }, verb);
          return this.send(res, reply);
        } catch (err) {
          const apiErr = toApiError(err, targetOf(path.type, path.name ?? ''));
          if (apiErr.httpCode === 500) this.options.log?.(`internal error on ${method} ${pathname}: ${(err as Error).stack ?? String(err)}`);
          throw apiErr;
        } finally {
          this.inFlight--;
        }
      }
      if (parsed.kind === 'unknown-resource') throw notFoundPath();
      const doc = this.discoveryRoute(pathname, req.headers.accept);
      if (doc) return this.send(res, { status: 200, body: doc.body, contentType: doc.contentType });
      if (pathname.startsWith('/hikube-local/') && this.options.extraRoutes) {
        const reply = await this.options.extraRoutes(method, pathname, identity, body);
        if (reply) return this.send(res, reply);
      }
      const openapi = this.openapiRoute(pathname);
      if (openapi !== undefined) return this.sendRaw(res, 200, openapi, 'application/json');
      if (pathname === '/openapi/v2' && (req.headers.accept ?? '').includes(OPENAPI_V2_PROTOBUF)) {
        return this.sendRaw(res, 200, (this.openapiV2 ??= openapiV2Protobuf()), OPENAPI_V2_PROTOBUF_RESPONSE);
      }
      throw notFoundPath();
    } catch (err) {
      if (streaming && res.headersSent) {
        res.end();
        return;
      }
      const apiErr = toApiError(err);
      if (!(err instanceof ApiStatusError)) this.options.log?.(`internal error on ${method} ${pathname}: ${(err as Error).stack ?? String(err)}`);
      if (apiErr.httpCode === 429) res.setHeader('retry-after', '1');
      this.send(res, { status: apiErr.httpCode, body: apiErr.toStatus() });
    }
  }

  private publicRoute(pathname: string): { body: unknown; contentType?: string } | undefined {
    switch (pathname) {
      case '/version':
        return { body: { ...(this.options.version ?? DEFAULT_VERSION), platform: 'linux/amd64', compiler: 'hikube-local' } };
      case '/healthz':
      case '/readyz':
      case '/livez':
        return { body: 'ok', contentType: 'text/plain' };
      default:
        return undefined;
    }
  }

  private discoveryRoute(pathname: string, accept: string | undefined): Doc | undefined {
    if (pathname === '/api') return coreDiscovery(accept);
    if (pathname === '/apis') return groupsDiscovery(accept);
    const segs = pathname.split('/').filter(Boolean);
    if (segs[0] === 'api' && segs.length === 2) return resourceListDiscovery('', segs[1] as string);
    if (segs[0] === 'apis' && segs.length === 2) return groupDiscovery(segs[1] as string);
    if (segs[0] === 'apis' && segs.length === 3) return resourceListDiscovery(segs[1] as string, segs[2] as string);
    return undefined;
  }

  private openapiRoute(pathname: string): string | undefined {
    if (pathname === '/openapi/v3') return this.options.openapi.rootDocument();
    if (pathname.startsWith('/openapi/v3/')) return this.options.openapi.groupVersionDocument(pathname.slice('/openapi/v3/'.length));
    return undefined;
  }

  private watch(req: Req, res: Res, url: RequestTarget, path: ResourcePath): void {
    const q = url.query;
    const timeout = q.get('timeoutSeconds');
    const filter = this.handlers.listFilter(q);
    const include = q.get('includeObject');
    let remove: () => void = () => undefined;
    const end = serveWatch(
      this.options.service.store,
      res as unknown as WatchSink,
      {
        type: path.type,
        namespace: path.type.namespaced ? path.namespace : undefined,
        filter: path.name !== undefined ? combine(filter, (o) => o.metadata.name === path.name) : filter,
        resourceVersion: q.get('resourceVersion') ?? undefined,
        allowBookmarks: q.get('allowWatchBookmarks') === 'true',
        timeoutSeconds: timeout ? Number(timeout) : undefined,
        asTable: wantsTable(req.headers.accept),
        includeObject: include ?? undefined,
        ...(this.options.heartbeatMs ? { heartbeatMs: this.options.heartbeatMs } : {}),
      },
      () => remove(),
    );
    remove = this.watches.add(end);
  }

  private send(res: Res, reply: Reply): void {
    const headers: Record<string, string | string[]> = {};
    if (reply.warnings?.length) headers['warning'] = reply.warnings.map((w) => `299 - ${warningText(w)}`);
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    this.sendRaw(res, reply.status, text, reply.contentType ?? 'application/json', headers);
  }

  private sendRaw(res: Res, status: number, text: string | Buffer, contentType: string, headers: Record<string, string | string[]> = {}): void {
    if (res.headersSent) return;
    endUnreadRequest(res, headers);
    res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-cache, private', ...headers });
    res.end(text);
  }
}

/**
 * An answer given before the request body was read to its end (refused, too large) must still
 * end the exchange. HTTP/2: the rest of the body is read and dropped, so the client gets the
 * window it waits for and finishes; past one more body's worth the stream is reset with
 * NO_ERROR (RFC 9113 8.1). Resetting at once would race the answer's END_STREAM, which Go
 * clients (kubectl) report as a stream error. HTTP/1.1: the connection closes after the answer.
 */
function endUnreadRequest(res: Res, headers: Record<string, string | string[]>): void {
  const req = res.req;
  if (req.complete) return;
  if ('stream' in res) {
    const stream = res.stream;
    if (stream.endAfterHeaders || stream.readableEnded) return;
    let dropped = 0;
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > BODY_LIMITS.maxBytes && !stream.closed) stream.close(http2Constants.NGHTTP2_NO_ERROR);
    });
    req.resume();
    return;
  }
  const h = req.headers;
  const hasBody = (h['content-length'] !== undefined && h['content-length'] !== '0') || h['transfer-encoding'] !== undefined;
  if (hasBody) headers['connection'] = 'close';
}

/**
 * A request HTTP/1.1 cannot parse (a method Node's parser does not know, a malformed header or
 * chunk) gets a 400 Status and the connection closes, as a Kubernetes client expects an answer;
 * nothing was routed and nothing is read after it. Only when no answer is under way on the
 * socket: Node's own default makes the same check on the same internal field.
 */
function answerUnparsable(err: NodeJS.ErrnoException, socket: Socket): void {
  const inFlight = (socket as unknown as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!err.code?.startsWith('HPE_') || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(badRequest(`the request is not valid HTTP/1.1 (${err.code})`).toStatus());
  socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  socket.once('finish', () => socket.destroy());
}

/**
 * A warning as the quoted text of a Warning header. A header holds only Latin-1, and a warning
 * may quote a field name the client sent in any script: beyond ASCII, characters are escaped
 * (`\uXXXX`) so that an unknown field named in Chinese warns instead of failing the request.
 */
function warningText(warning: string): string {
  return JSON.stringify(warning).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function combine(a: ((o: KubeObject) => boolean) | undefined, b: (o: KubeObject) => boolean): (o: KubeObject) => boolean {
  return a ? (o) => a(o) && b(o) : b;
}
