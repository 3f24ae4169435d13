// The real `curl` for this package's tests: the client hostile-input reports are written with,
// and one that speaks HTTP/2 without Node's own client in the way.

import { execFile } from 'node:child_process';

export interface CurlResult {
  /** curl's exit code: 0 when it got a whole answer (any HTTP status). */
  code: number;
  /** The body, then a last line `<http code> <http version>`. */
  stdout: string;
}

/** `--max-time` only keeps a hang from stalling a suite; callers assert on the answer. */
export function runCurl(args: string[], maxTimeSeconds = 60): Promise<CurlResult> {
  return new Promise((resolve) => {
    execFile('curl', ['-sS', '--max-time', String(maxTimeSeconds), '-w', '\n%{http_code} %{http_version}', ...args], { maxBuffer: 1 << 20 }, (err, stdout) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}
