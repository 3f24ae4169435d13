// Everything checked at plan time, before any request: how the arguments combine, every API rule
// (through the SDK's validatePostgres, mapped to attribute paths), and what the change would do.
import { validatePostgres } from '@hikube/sdk/kubernetes';
import { checkConfig } from './config-rules.js';
import type { PostgresClusterArgs } from './model.js';
import { checkDestructiveChanges, checkReplacement, checkStorageShrink, checkVersionDowngrade, replacementPaths, restartWarnings } from './plan-changes.js';
import type { AttributePath, PlanIssue } from './plan-issue.js';
import { issuesFromSdk } from './sdk-issue-paths.js';
import { toSpec } from './to-spec.js';
import { zoneCoverageWarning } from './zone-placement.js';

/** Every API rule for the object the plan would send, as plan errors at attribute paths. */
function apiRuleIssues(config: PostgresClusterArgs, planned: PostgresClusterArgs, resolvedSchedulingClass: string | null): PlanIssue[] {
  const object = {
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name: planned.name ?? '', ...(planned.namespace === null ? {} : { namespace: planned.namespace }) },
    spec: toSpec(planned, { resolvedSchedulingClass, includeWriteOnlyPasswords: true }),
  };
  return issuesFromSdk(validatePostgres(object), config);
}

export interface PlanCheckInput {
  config: PostgresClusterArgs;
  planned: PostgresClusterArgs;
  /** Null on create. */
  prior: PostgresClusterArgs | null;
  resolvedSchedulingClass: string | null;
  /** The zones the instances will use, when known (from `zones` or the SchedulingClass). */
  placementZones: readonly string[] | null;
}

export interface PlanCheck {
  issues: PlanIssue[];
  /** Attributes whose change needs a new cluster. */
  requiresReplace: AttributePath[];
}

export function checkPlan(input: PlanCheckInput): PlanCheck {
  const { config, planned, prior } = input;
  const configIssues = checkConfig(config);
  const issues: PlanIssue[] = [...configIssues];
  // Config errors first: the API rules would only repeat them in other words.
  if (!configIssues.some((issue) => issue.severity === 'error')) issues.push(...apiRuleIssues(config, planned, input.resolvedSchedulingClass));
  let requiresReplace: AttributePath[] = [];
  if (prior !== null) {
    requiresReplace = replacementPaths(prior, planned);
    issues.push(
      ...checkStorageShrink(prior, planned),
      ...checkVersionDowngrade(prior, planned),
      ...checkDestructiveChanges(prior, planned),
      ...checkReplacement(prior, requiresReplace),
    );
    if (requiresReplace.length === 0) issues.push(...restartWarnings(prior, planned));
  }
  const coverage = zoneCoverageWarning(planned.replicas, input.placementZones);
  if (
    coverage !== null &&
    (prior === null ||
      prior.replicas !== planned.replicas ||
      JSON.stringify(prior.zones) !== JSON.stringify(planned.zones) ||
      prior.schedulingClass !== planned.schedulingClass)
  ) {
    issues.push(coverage);
  }
  return { issues, requiresReplace };
}
