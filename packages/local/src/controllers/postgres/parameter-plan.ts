import { operatorManagedPostgresParameters } from '@hikube/sdk/kubernetes';

/** Parameters the operator owns (the API document's list); the API refuses them in a spec. */
export const OPERATOR_PARAMETERS: ReadonlySet<string> = new Set(operatorManagedPostgresParameters);

export interface ParameterChangePlan {
  /** Applied by reloading the configuration. */
  readonly reload: string[];
  /** Need a restart of every instance (rolling, primary last). */
  readonly restart: string[];
  /** Unknown to this server version or not settable: recorded, not applied. */
  readonly rejected: string[];
}

/**
 * Classify changed parameters by pg_settings.context: `postmaster` needs a restart; `sighup`,
 * `superuser`, `user`, `backend`, `superuser-backend` take effect on reload (backend-context ones
 * for new sessions); `internal` and unknown names cannot be set.
 */
export function classifyParameterChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  contextOf: (name: string) => string | undefined,
): ParameterChangePlan {
  const plan: ParameterChangePlan = { reload: [], restart: [], rejected: [] };
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    if (before[name] === after[name]) continue;
    const ctx = contextOf(name);
    if (ctx === 'postmaster') plan.restart.push(name);
    else if (ctx === undefined || ctx === 'internal') plan.rejected.push(name);
    else plan.reload.push(name);
  }
  return plan;
}

export type RollingStep =
  { readonly action: 'restart'; readonly instance: string } | { readonly action: 'switchover'; readonly from: string; readonly to: string };

/**
 * CloudNativePG's rolling update with primaryUpdateMethod=switchover: restart the standbys one
 * by one (highest name first), switch the primary over to a restarted standby, then restart the
 * old primary, now a standby.
 */
export function rollingRestartPlan(instances: readonly string[], primary: string, switchoverTo?: string): RollingStep[] {
  const standbys = instances.filter((i) => i !== primary).sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  const steps: RollingStep[] = standbys.map((instance) => ({ action: 'restart', instance }));
  const target = switchoverTo ?? standbys[standbys.length - 1];
  if (target) steps.push({ action: 'switchover', from: primary, to: target });
  steps.push({ action: 'restart', instance: primary });
  return steps;
}

/** Settings a hot standby needs at least as high as its primary's (PostgreSQL refuses to serve otherwise). */
const HOT_STANDBY_MINIMUMS = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'];

/**
 * True when one of those settings goes down: then the primary must restart first (in place),
 * or the standbys restarted before it would have lower values than their primary.
 */
export function lowersHotStandbyMinimum(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  defaults: Readonly<Record<string, string>> = {},
): boolean {
  return HOT_STANDBY_MINIMUMS.some((name) => {
    const a = Number(before[name] ?? defaults[name]);
    const b = Number(after[name] ?? defaults[name]);
    return Number.isFinite(a) && Number.isFinite(b) && b < a;
  });
}
