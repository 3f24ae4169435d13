import type { ProcessInfo } from './leak-scan.js';

/** What a test file left behind. */
export interface Leaks {
  readonly processes: readonly ProcessInfo[];
  readonly ports: readonly number[];
  readonly tempEntries: readonly string[];
}

/**
 * Entries a test file may leave in its temp directory on purpose: caches meant to outlive a run
 * (the provider's V8 code cache), which the guard removes with the directory anyway.
 */
const KEPT_ON_PURPOSE: readonly RegExp[] = [/^hikube-tfplugin-v8cache-/];

/** Compare what the file started with and what is left; nothing left means no leak. */
export function findLeaks(input: {
  readonly portsBefore: ReadonlySet<number>;
  readonly portsAfter: ReadonlySet<number>;
  readonly processes: readonly ProcessInfo[];
  readonly tempEntries: readonly string[];
}): Leaks | undefined {
  const ports = [...input.portsAfter].filter((p) => !input.portsBefore.has(p)).sort((a, b) => a - b);
  const tempEntries = input.tempEntries.filter((e) => !KEPT_ON_PURPOSE.some((re) => re.test(e))).sort();
  const leaks = { processes: input.processes, ports, tempEntries };
  return ports.length + tempEntries.length + input.processes.length === 0 ? undefined : leaks;
}

// a command line may carry a password (psql "password=...", --password ...): never print one
const SECRET_ARG = /((?:password|passwd|secret|token)[=:\s]+)\S+/gi;

export function describeLeaks(leaks: Leaks, tempDir: string): string {
  const lines = ['this test file left things behind (stop, close and remove what a test starts or creates):'];
  for (const p of leaks.processes) lines.push(`  process ${p.pid}: ${p.command.replace(SECRET_ARG, '$1***').slice(0, 200)}`);
  for (const port of leaks.ports) lines.push(`  listening port ${port} (a server of this test file was not closed)`);
  for (const e of leaks.tempEntries) lines.push(`  temp entry ${tempDir}/${e}`);
  return lines.join('\n');
}
