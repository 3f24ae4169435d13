// A client for hostile-input tests: sends the path exactly as given (no dot-segment removal, no
// re-encoding) and any body and headers, over HTTP/1.1 or HTTP/2 with TLS to 127.0.0.1, and
// returns the raw answer. Node's own clients would normalise or refuse what the tests must send.

import { Agent, request as httpsRequest } from 'node:https';
import { connect, type ClientHttp2Session } from 'node:http2';

export interface RawRequest {
  method: string;
  /** The request target as sent: path and query, percent-encoding untouched. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  protocol?: 'http1' | 'http2';
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One connection pool per protocol; `close()` ends them all. */
export class RawHttpsClient {
  readonly #agent: Agent;
  #session: ClientHttp2Session | undefined;

  constructor(
    private readonly base: string,
    private readonly ca: string,
  ) {
    this.#agent = new Agent({ keepAlive: true, maxSockets: 4, ca });
  }

  send(request: RawRequest): Promise<RawAnswer> {
    return request.protocol === 'http2' ? this.#http2(request) : this.#http1(request);
  }

  close(): void {
    this.#agent.destroy();
    this.#session?.close();
    this.#session = undefined;
  }

  #http1(r: RawRequest): Promise<RawAnswer> {
    // Node frames a GET or DELETE body with neither Content-Length nor chunking: the server would
    // read it as the next request. Say its length, as every real client does.
    const length = r.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(r.body)) };
    return new Promise((resolve, reject) => {
      const req = httpsRequest(`${this.base}/`, { method: r.method, path: r.path, agent: this.#agent, headers: { ...length, ...r.headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(r.body);
    });
  }

  #http2(r: RawRequest): Promise<RawAnswer> {
    if (!this.#session || this.#session.closed || this.#session.destroyed) {
      this.#session = connect(this.base, { ca: this.ca });
      this.#session.on('error', () => undefined);
    }
    const session = this.#session;
    return new Promise((resolve, reject) => {
      // Node ends a GET or DELETE stream at its headers unless told there is a body.
      const stream = session.request({ ':method': r.method, ':path': r.path, ...(r.headers ?? {}) }, { endStream: r.body === undefined });
      let status = 0;
      let headers: RawAnswer['headers'] = {};
      let text = '';
      stream.setEncoding('utf8');
      stream.on('response', (h) => {
        status = Number(h[':status']);
        headers = h;
      });
      stream.on('data', (d: string) => (text += d));
      // The answer is complete at 'end'; a server that resets a stream still being sent to would
      // otherwise leave it open on the client side.
      stream.on('end', () => {
        resolve({ status, headers, text });
        stream.close();
      });
      stream.on('close', () => reject(new Error(`HTTP/2 stream closed without an answer (code ${stream.rstCode ?? '?'})`)));
      stream.on('error', () => undefined);
      stream.end(r.body);
    });
  }
}
