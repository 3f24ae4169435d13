import type { Cluster } from '../generated/public/zod.js';
import { pollUntil, WaitFailedError, type Verdict } from '../waiters/poll-until.js';
import type { ClustersApi } from './postgres-api.js';
import { PublicNotFoundError } from './public-errors.js';

export interface WaitOptions {
  /** Give up after this long (default 15 minutes: Hikube asks to contact support beyond that). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** First delay between reads (default 2 s); it grows up to `maxIntervalMs` (default 10 s). The API has no watch. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Called with each status the cluster reports, once per change. */
  onStatus?: (status: string, cluster: Cluster) => void;
}

const defaults = { timeoutMs: 15 * 60_000, intervalMs: 2_000, maxIntervalMs: 10_000 };

function timing(what: string, options: WaitOptions) {
  return {
    what,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    signal: options.signal,
    minDelayMs: options.intervalMs ?? defaults.intervalMs,
    maxDelayMs: options.maxIntervalMs ?? defaults.maxIntervalMs,
  };
}

/** Polls the cluster until `ready`; stops at once on `error`; a timeout keeps the last cluster seen. */
export function waitUntilReady(clusters: Pick<ClustersApi, 'get'>, name: string, options: WaitOptions = {}): Promise<Cluster> {
  let lastStatus: string | undefined;
  return pollUntil<Cluster>({
    ...timing(`cluster "${name}" to be ready`, options),
    async check(_remaining, signal): Promise<Verdict<Cluster> & { observed?: unknown }> {
      const cluster = await clusters.get(name, { signal });
      if (cluster.status !== lastStatus) {
        lastStatus = cluster.status;
        options.onStatus?.(cluster.status, cluster);
      }
      if (cluster.status === 'ready') return { state: 'success', value: cluster, observed: cluster };
      if (cluster.status === 'error') {
        const error = new WaitFailedError(
          `cluster "${name}" reports status error: provisioning failed; read its settings, or give its name to Hikube support`,
          cluster,
        );
        return { state: 'failure', error, observed: cluster };
      }
      // provisioning, unknown (transient) or a status this SDK does not know yet: look again.
      return { state: 'retry', reason: `status ${cluster.status === '' ? '(none)' : cluster.status}`, observed: cluster };
    },
  });
}

/** Polls until reading the cluster answers 404 (a delete is accepted at once, then carried out). */
export function waitUntilDeleted(clusters: Pick<ClustersApi, 'get'>, name: string, options: WaitOptions = {}): Promise<void> {
  return pollUntil<void>({
    ...timing(`cluster "${name}" to be deleted`, options),
    async check(_remaining, signal) {
      try {
        const cluster = await clusters.get(name, { signal });
        options.onStatus?.(cluster.status, cluster);
        return { state: 'retry', reason: `still there, status ${cluster.status || '(none)'}`, observed: cluster };
      } catch (error) {
        if (error instanceof PublicNotFoundError) return { state: 'success', value: undefined };
        throw error;
      }
    },
  });
}
