// One HTTPS request to a started Hikube Local, as curl would send it, for this package's tests of
// the public API (node's client on HTTP/1.1, the server's CA trusted, the JSON answer parsed).
import { request } from 'node:https';

export interface HttpsAnswer {
  status: number;
  text: string;
  body: Record<string, unknown>;
}

export interface HttpsCallOptions {
  /** Sent as `X-Hikube-Api-Key`. */
  key?: string | undefined;
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown;
  /** Content-Type of the body (default application/json). */
  contentType?: string;
  headers?: Record<string, string>;
}

export function httpsCall(server: { url: string; caCertPem: string }, method: string, path: string, options: HttpsCallOptions = {}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    if (options.key !== undefined) headers['x-hikube-api-key'] = options.key;
    const req = request(`${server.url}${path}`, { method, headers, ca: server.caCertPem }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  });
}
