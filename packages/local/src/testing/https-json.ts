// One JSON request over real HTTPS with the server's CA, as curl sends it: the client of this
// package's tests for both fronts (Kubernetes and Hikube's public API).

import { request } from 'node:https';

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface JsonRequest {
  method?: string;
  headers?: Record<string, string>;
  /** The CA that signed the server's certificate (PEM). */
  ca: string | Buffer;
  /** Sent as is when a string (to send malformed JSON), else as JSON. */
  body?: unknown;
}

export function httpsJson(url: string, options: JsonRequest): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', accept: 'application/json', ...options.headers };
    const req = request(url, { method: options.method ?? 'GET', headers, ca: options.ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    const { body } = options;
    req.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  });
}
