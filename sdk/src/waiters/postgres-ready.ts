import { connect } from 'node:net';
import type { Condition, Postgres } from '../generated/types.js';
import type { PostgresInstance, PostgresResource } from '../resources/postgres.js';
import type { CallOptions } from '../transport/http-transport.js';
import { applyPostgresDefaults } from '../validation/apply-defaults.js';
import { pollUntil, WaitFailedError, type Verdict } from './poll-until.js';
import { isNewerCondition, readyCondition } from './ready-since.js';

/**
 * How ready:
 * - `released`: the platform's `Ready` condition is True;
 * - `primary`: and the primary instance's pod is Ready (the operator's probe: PostgreSQL accepts
 *   connections); with `external`, the external address also accepts TCP connections. The rw
 *   Service's cluster address is not tried: outside the cluster it is not reachable.
 * - `allInstances`: and every instance (spec.replicas) is Ready.
 */
export type ReadinessLevel = 'released' | 'primary' | 'allInstances';

export interface WaitProgress {
  level: ReadinessLevel;
  reason: string;
  conditions: Condition[];
  instances?: PostgresInstance[];
}

export interface WaitForReadyOptions {
  level?: ReadinessLevel;
  /** Milliseconds (default 15 minutes). */
  timeout?: number;
  signal?: AbortSignal;
  onProgress?: (progress: WaitProgress) => void;
  /**
   * The Postgres as read before the change you wait for, or as the write returned it. The platform
   * has no observedGeneration, and its Ready stays as it was until the release of the change
   * starts: with `since`, a Ready (or a failure) equal to the one `since` carries does not count.
   * Leave it out after a write that changed nothing (no release follows it).
   */
  since?: Postgres;
}

// Terminal reasons end in a verdict (Flux's InstallFailed, UpgradeFailed, RetriesExceeded; an
// unavailable PostgreSQL major). Matching on the suffix keeps transient states such as
// FailingOver or PrimaryUnavailable-during-failover waiting instead of failing the wait.
const terminalReasonSuffix = /(Failed|Error|Invalid|Stalled|RetriesExceeded)$/;
const terminalReasons = new Set(['VersionUnavailable']);

/** Whether a condition reason says the platform gave up, rather than "not yet". */
export function isTerminalReason(reason: string | undefined): boolean {
  return reason !== undefined && (terminalReasons.has(reason) || terminalReasonSuffix.test(reason));
}

/**
 * A condition that says the platform gave up, rather than "not yet". While `Ready` is Unknown a
 * release is running (helm-controller's Progressing) and `Released` still holds the last result,
 * possibly the failure this release is fixing: nothing has failed yet.
 */
export function failedCondition(postgres: Postgres): Condition | undefined {
  if (readyCondition(postgres)?.status === 'Unknown') return undefined;
  return postgres.status?.conditions?.find(
    (condition) =>
      (condition.status === 'False' && isTerminalReason(condition.reason)) ||
      ((condition.type === 'Failed' || condition.type === 'Stalled') && condition.status === 'True'),
  );
}

function tcpAccepts(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Waits until a Postgres reaches `level`; fails fast with the platform's message on a failure condition. */
export function waitForPostgresReady(resource: PostgresResource, name: string, options: WaitForReadyOptions = {}): Promise<Postgres> {
  const level = options.level ?? 'allInstances';
  const what = `Postgres "${name}" in namespace "${resource.namespace}" to be ready (${level})`;
  const call = (remaining: number, signal: AbortSignal): CallOptions => ({ timeout: Math.min(remaining, 30_000), signal });
  const stale = options.since === undefined ? undefined : readyCondition(options.since);
  // Once Ready moved away from the stale one, every later state belongs to the change.
  let moved = stale === undefined;

  async function check(remaining: number, signal: AbortSignal): Promise<Verdict<Postgres> & { observed?: unknown }> {
    const postgres = await resource.get(name, call(remaining, signal));
    const conditions = postgres.status?.conditions ?? [];
    const report = (reason: string, instances?: PostgresInstance[]) => {
      options.onProgress?.({ level, reason, conditions, ...(instances ? { instances } : {}) });
      return { state: 'retry' as const, reason, observed: postgres };
    };
    const ready = readyCondition(postgres);
    moved ||= isNewerCondition(stale, ready);
    if (!moved)
      return report(
        `the platform has not started applying the change yet (Ready is still ${stale?.status ?? 'not reported'}${stale?.reason ? `, ${stale.reason}` : ''})`,
      );
    const failed = failedCondition(postgres);
    if (failed) {
      return {
        state: 'failure',
        error: new WaitFailedError(
          `Postgres "${name}" failed: ${failed.type}=${failed.status} ` +
            `(${failed.reason ?? 'no reason'}): ${failed.message ?? 'no message'}; fix the spec ` +
            `or look at the events`,
          postgres,
        ),
        observed: postgres,
      };
    }
    if (ready?.status !== 'True') return report(`Ready is ${ready?.status ?? 'not reported'}${ready?.message ? `: ${ready.message}` : ''}`);
    if (level === 'released') return { state: 'success', value: postgres };
    const instances = await resource.instances(name, call(remaining, signal));
    if (level === 'primary') {
      const primary = instances.find((instance) => instance.role === 'primary');
      if (!primary?.ready) return report(primary ? `the primary ${primary.pod} is not ready yet` : 'no primary instance yet', instances);
      if (postgres.spec?.external) {
        const external = (await resource.endpoints(name, call(remaining, signal)).catch(() => undefined))?.external;
        if (!external) return report('no external address yet', instances);
        if (!(await tcpAccepts(external.host, external.port, Math.min(remaining, 2_000))))
          return report(`the external address ${external.host}:${external.port} does not accept connections yet`, instances);
      }
      return { state: 'success', value: postgres };
    }
    const want = applyPostgresDefaults(postgres.spec ?? {}).replicas;
    const readyCount = instances.filter((instance) => instance.ready).length;
    if (readyCount < want) return report(`${readyCount} of ${want} instances ready`, instances);
    return { state: 'success', value: postgres };
  }

  return pollUntil({
    what,
    timeoutMs: options.timeout ?? 15 * 60_000,
    signal: options.signal,
    check,
    changes: (signal) => resource.watch({ name, signal }),
  });
}

/** Waits until the Postgres object is gone (NotFound). */
export function waitForPostgresDeleted(resource: PostgresResource, name: string, options: { timeout?: number; signal?: AbortSignal } = {}): Promise<void> {
  return pollUntil<void>({
    what: `Postgres "${name}" in namespace "${resource.namespace}" to be deleted`,
    timeoutMs: options.timeout ?? 10 * 60_000,
    signal: options.signal,
    changes: (signal) => resource.watch({ name, signal }),
    async check(remaining, signal) {
      try {
        const postgres = await resource.get(name, { timeout: Math.min(remaining, 30_000), signal });
        return {
          state: 'retry',
          reason: postgres.metadata.deletionTimestamp ? 'deletion in progress (finalizers running)' : 'still present',
          observed: postgres,
        };
      } catch (error) {
        if ((error as { code?: string }).code === 'HIKUBE_API_NOT_FOUND') return { state: 'success', value: undefined };
        throw error;
      }
    },
  });
}
