/** What the logging hook receives. Secrets never appear: headers that carry them are redacted. */
export type LogEvent =
  | { type: 'request'; method: string; path: string; attempt: number; headers: Record<string, string> }
  | { type: 'response'; method: string; path: string; attempt: number; statusCode: number; durationMs: number }
  | { type: 'retry'; method: string; path: string; attempt: number; delayMs: number; reason: string }
  | { type: 'error'; method: string; path: string; attempt: number; code: string; message: string }
  | { type: 'credential'; source: 'exec' | 'tokenFile'; message: string }
  /** Sent anyway: the platform accepts it, but will likely not do what was meant. */
  | { type: 'warning'; resource: string; path: string; message: string };

export type Logger = (event: LogEvent) => void;

const secretHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (secretHeaders.has(name.toLowerCase())) {
      const scheme = value.split(' ')[0];
      out[name] = scheme && scheme !== value ? `${scheme} [REDACTED]` : '[REDACTED]';
    } else out[name] = value;
  }
  return out;
}

// Keys whose string values are secrets wherever they appear in a request body.
const secretKeys = new Set(['password', 's3AccessKey', 's3SecretKey', 'token', 'clientKeyData']);
const secretMaps = new Set(['data', 'stringData']);

/** The secret strings of a request body (passwords, keys), to scrub from what the server echoes. */
export function secretValues(body: unknown, out: string[] = [], inMap = false): string[] {
  if (typeof body === 'string') {
    if (inMap && body.length >= 4) out.push(body);
  } else if (Array.isArray(body)) {
    for (const item of body) secretValues(item, out, false);
  } else if (typeof body === 'object' && body !== null) {
    for (const [key, value] of Object.entries(body)) {
      if (secretKeys.has(key) && typeof value === 'string' && value.length >= 4) out.push(value);
      else secretValues(value, out, secretMaps.has(key));
    }
  }
  return out;
}

/** Replaces every occurrence of the given secrets in every string of `value`. */
export function scrub<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') {
    let text: string = value;
    for (const secret of secrets) text = text.split(secret).join('[REDACTED]');
    return text as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => scrub(item, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, scrub(child, secrets)])) as T;
  }
  return value;
}
