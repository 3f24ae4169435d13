// Attributes the platform at hand does not have. Fields came in different Cozystack releases
// (`version`, `tls`, `backup.useSystemBucket`, ...); the platform's published OpenAPI document says
// which it has (the SDK reads it). A configuration that would send a field the platform lacks is
// refused at plan, at the attribute, rather than failing later or being silently dropped.
import type { PostgresCapabilities } from '@hikube/sdk/kubernetes';
import type { PostgresClusterArgs } from './model.js';
import type { PlanIssue } from './plan-issue.js';
import type { PostgresSpec } from './postgres-spec.js';
import { issuesFromSdk } from './sdk-issue-paths.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Spec paths down to the second level: the depth at which releases added fields. Maps of names
// (users, databases, parameters) have open values, so their keys are not fields.
function sentPaths(spec: PostgresSpec): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(spec)) {
    paths.push(key);
    if (isRecord(value) && key !== 'users' && key !== 'databases') {
      for (const nested of Object.keys(value)) if (!(key === 'postgresql' && nested !== 'parameters')) paths.push(`${key}.${nested}`);
    }
  }
  return paths;
}

// Fields of our document that no Cozystack release has (up to v1.6.2): missing means the platform
// never had them, not that it is old, so the message says what to do instead.
const inNoRelease: Record<string, string> = {
  schedulingClass:
    'This platform has no per-cluster field spec.schedulingClass (no Cozystack release up to v1.6.2 ' +
    'has one; its published OpenAPI document for apps.cozystack.io/v1alpha1 does not declare it). ' +
    "A tenant's SchedulingClass is chosen by the label scheduler.cozystack.io/scheduling-class on its " +
    'namespace, which the platform administrator sets: remove the attribute, and ask the ' +
    'administrator for the class you need.',
};

function messageFor(path: string): string {
  return (
    inNoRelease[path] ??
    `This platform has no field spec.${path} (its published OpenAPI document for ` +
      `apps.cozystack.io/v1alpha1 does not declare it: an older Cozystack release). Remove the ` +
      `attribute, or upgrade the platform.`
  );
}

/** One error per spec field the configuration sends and the platform does not declare. */
export function fieldsMissingOnPlatform(spec: PostgresSpec, capabilities: PostgresCapabilities, config: PostgresClusterArgs): PlanIssue[] {
  const sent = sentPaths(spec);
  // `zones` is sent as spec.schedulingClass once resolved to a class (after this check).
  if (config.zones !== null && config.zones.length > 0 && !sent.includes('schedulingClass')) sent.push('schedulingClass');
  const missing = sent.filter((path) => !capabilities.has(path));
  // A missing parent explains its children: report `tls`, not also `tls.enabled`.
  const reported = missing.filter((path) => !missing.includes(path.split('.')[0] ?? '') || !path.includes('.'));
  return issuesFromSdk(
    reported.map((path) => ({ path: `spec.${path}`, rule: 'platformField', message: messageFor(path) })),
    config,
  );
}
