// Rules that compare the plan with the prior state: what would shrink, drop data, restart
// instances or force a replacement.
import { presetsEqual } from '../../normalize/preset-names.js';
import { compareQuantities, quantitiesEqual } from '../../normalize/quantity.js';
import type { PostgresClusterArgs } from './model.js';
import { attr, error, warning, type AttributePath, type PlanIssue } from './plan-issue.js';
import { restartParameters } from './restart-parameters.js';

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

function removedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  return Object.keys(before ?? {})
    .filter((key) => !(key in (after ?? {})))
    .sort();
}

export function checkStorageShrink(prior: PostgresClusterArgs, planned: PostgresClusterArgs): PlanIssue[] {
  if (prior.storageSize === null || planned.storageSize === null) return [];
  let order: number;
  try {
    order = compareQuantities(planned.storageSize, prior.storageSize);
  } catch {
    return [];
  }
  if (order >= 0) return [];
  return [
    error(
      attr('storage_size'),
      'Storage cannot shrink',
      `storage_size would go from ${prior.storageSize} to ${planned.storageSize}. Volumes only grow ` +
        `in place; keep ${prior.storageSize} or more, or restore into a new, smaller cluster.`,
      ['storage_size'],
    ),
  ];
}

/** PostgreSQL data directories only move forward: a lower major cannot read them. */
export function checkVersionDowngrade(prior: PostgresClusterArgs, planned: PostgresClusterArgs): PlanIssue[] {
  const major = (version: string | null) => (version === null ? Number.NaN : Number(/^v(\d+)$/.exec(version)?.[1]));
  const before = major(prior.version);
  const after = major(planned.version);
  if (!(after < before)) return [];
  return [
    error(
      attr('version'),
      'PostgreSQL cannot be downgraded',
      `version would go from ${prior.version} to ${planned.version}; a data directory cannot move to ` +
        `an older major. Keep ${prior.version}, or restore a backup into a new cluster ` +
        `on ${planned.version}.`,
      ['version'],
    ),
  ];
}

/** Removing users or databases drops them on the platform (DROP DATABASE ... WITH (FORCE), DROP USER). */
export function checkDestructiveChanges(prior: PostgresClusterArgs, planned: PostgresClusterArgs): PlanIssue[] {
  const databases = removedKeys(prior.databases, planned.databases);
  const users = removedKeys(prior.users, planned.users);
  if (databases.length === 0 && users.length === 0) return [];
  const parts: string[] = [];
  if (databases.length > 0) parts.push(`database${databases.length > 1 ? 's' : ''} ${quoteList(databases)} (DROP DATABASE, all data lost)`);
  if (users.length > 0) parts.push(`user${users.length > 1 ? 's' : ''} ${quoteList(users)} (objects they own reassigned to postgres, then DROP USER)`);
  const what = parts.join(' and ');
  const path: AttributePath = databases.length > 0 ? attr('databases') : attr('users');
  if (planned.allowDestructiveChanges === true) {
    return [warning(path, 'Data will be dropped', `This apply drops ${what}.`, ['users', 'databases', 'allow_destructive_changes'])];
  }
  return [
    error(
      path,
      'Change would drop data',
      `This change drops ${what} on the platform. Renaming a key is a drop plus a create. ` +
        'If that is what you want, set allow_destructive_changes = true for this apply; otherwise put the entries back.',
      ['users', 'databases', 'allow_destructive_changes'],
    ),
  ];
}

function changed(before: string | null, after: string | null, equal: (a: string, b: string) => boolean): boolean {
  if (before === null || after === null) return before !== after;
  return !equal(before, after);
}

/** Warnings for changes CloudNativePG applies by restarting instances one by one, then switching over. */
export function restartWarnings(prior: PostgresClusterArgs, planned: PostgresClusterArgs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const restart = 'CloudNativePG restarts the standbys one by one, then switches the primary over: expect a short interruption of writes.';
  const parameters = Object.keys({ ...prior.parameters, ...planned.parameters })
    .filter((key) => restartParameters.has(key.toLowerCase()) && prior.parameters?.[key] !== planned.parameters?.[key])
    .sort();
  for (const key of parameters) {
    issues.push(
      warning(attr('parameters', { key }), 'Change restarts instances', `Parameter ${key} only takes effect after a restart. ${restart}`, ['parameters']),
    );
  }
  const sizing =
    changed(prior.resourcesPreset, planned.resourcesPreset, presetsEqual) ||
    changed(prior.cpu, planned.cpu, quantitiesEqual) ||
    changed(prior.memory, planned.memory, quantitiesEqual);
  if (sizing) {
    const at = planned.cpu !== null || prior.cpu !== null ? attr('cpu') : attr('resources_preset');
    issues.push(
      warning(at, 'Change restarts instances', `New CPU or memory applies by recreating each instance. ${restart}`, ['resources_preset', 'cpu', 'memory']),
    );
  }
  if (prior.version !== null && planned.version !== null && prior.version !== planned.version && checkVersionDowngrade(prior, planned).length === 0) {
    issues.push(
      warning(
        attr('version'),
        'Major version upgrade',
        `PostgreSQL goes from ${prior.version} to ${planned.version}: a major upgrade stops the ` +
          `cluster while the data is migrated, and cannot be undone. Take a backup first.`,
        ['version'],
      ),
    );
  }
  return issues;
}

/** Attributes whose change needs a new cluster. */
export function replacementPaths(prior: PostgresClusterArgs, planned: PostgresClusterArgs): AttributePath[] {
  const paths: AttributePath[] = [];
  if (planned.name !== null && planned.name !== prior.name) paths.push(attr('name'));
  if (planned.namespace !== null && planned.namespace !== prior.namespace) paths.push(attr('namespace'));
  if (planned.storageClass !== null && prior.storageClass !== null && planned.storageClass !== prior.storageClass) paths.push(attr('storage_class'));
  if (JSON.stringify(planned.restore) !== JSON.stringify(prior.restore)) paths.push(attr('restore'));
  return paths;
}

export function checkReplacement(prior: PostgresClusterArgs, paths: readonly AttributePath[]): PlanIssue[] {
  if (paths.length === 0) return [];
  if (prior.deletionProtection === true) {
    return [
      error(
        paths[0] ?? null,
        'Replacement blocked by deletion_protection',
        `This change replaces cluster ${prior.namespace}/${prior.name}, which deletes it and its data ` +
          `first. deletion_protection is true: set it to false and apply, then apply this change, if ` +
          `that is really wanted.`,
        ['deletion_protection'],
      ),
    ];
  }
  return [
    warning(
      paths[0] ?? null,
      'Cluster will be replaced',
      `This change deletes cluster ${prior.namespace}/${prior.name} with all its data and creates a new, empty one.`,
      [],
    ),
  ];
}

export function checkDestroy(prior: PostgresClusterArgs): PlanIssue[] {
  if (prior.deletionProtection !== true) return [];
  return [
    error(
      attr('deletion_protection'),
      'Cluster is protected from deletion',
      `Cluster ${prior.namespace}/${prior.name} has deletion_protection = true, so nothing was ` +
        `deleted. To delete it, set deletion_protection = false and apply first.`,
      [],
    ),
  ];
}
