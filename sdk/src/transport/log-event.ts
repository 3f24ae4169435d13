/** What the logging hook receives. Secrets never appear: headers that carry them are redacted. */
export type LogEvent =
  | { type: 'request'; method: string; path: string; attempt: number; headers: Record<string, string> }
  | { type: 'response'; method: string; path: string; attempt: number; statusCode: number; durationMs: number }
  | { type: 'retry'; method: string; path: string; attempt: number; delayMs: number; reason: string }
  | { type: 'error'; method: string; path: string; attempt: number; code: string; message: string }
  | { type: 'credential'; source: 'exec' | 'tokenFile'; message: string };

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
