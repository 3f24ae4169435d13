import { hikubeExtensions, defaultsTrees } from '../generated/rules.js';
import { postgresNameSchema, postgresSchema, postgresSpecSchema } from '../generated/zod.js';
import { fromZodIssues, formatPath, type ValidationIssue } from './validation-issue.js';

const parameterRules = hikubeExtensions['PostgresServerConfig.parameters'];
const userRules = hikubeExtensions['PostgresSpec.users'];
const databaseRules = hikubeExtensions['PostgresSpec.databases'];

/** Parameter names the platform refuses: they can run code, load libraries or reach the server's files. */
export const blockedPostgresParameters: readonly string[] = parameterRules['x-hikube-blocked'];
/** Parameter names CloudNativePG manages itself. */
export const operatorManagedPostgresParameters: readonly string[] = parameterRules['x-hikube-operator-managed'];
/** User names the platform or PostgreSQL reserves. */
export const reservedPostgresUsers: readonly string[] = userRules['x-hikube-reserved'];
/** Database names PostgreSQL creates itself. */
export const reservedPostgresDatabases: readonly string[] = databaseRules['x-hikube-reserved'];
/** User name prefixes PostgreSQL reserves for its own roles. */
export const reservedPostgresUserPrefixes: readonly string[] = userRules['x-hikube-reserved-prefixes'];
/** Database name prefixes refused because the database's roles (`<db>_admin`) would carry them. */
export const reservedPostgresDatabasePrefixes: readonly string[] = databaseRules['x-hikube-reserved-prefixes'];
/** CPU and memory per instance of each `resourcesPreset` value, as the platform's chart sizes them. */
export const postgresPresetSizes: Readonly<Record<string, { readonly cpu: string; readonly memory: string }>> =
  hikubeExtensions['PostgresSpec.resourcesPreset']['x-hikube-preset-sizes'];
/** What the platform puts in front of a Postgres name (`postgres-<name>`). */
export const postgresNamePrefix: string = hikubeExtensions.PostgresName['x-hikube-prefix'];

const maxNameLength = postgresNameSchema.maxLength ?? 44;
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `name` is a valid Postgres name; the fast path of every call that takes a name. */
export function isValidPostgresName(name: unknown): boolean {
  return typeof name === 'string' && name.length > 0 && name.length <= maxNameLength && dns1035Label.test(name);
}

/** Checks a Postgres object name: a DNS-1035 label of at most 44 characters. */
export function validatePostgresName(name: unknown, path = 'metadata.name'): ValidationIssue[] {
  if (typeof name !== 'string' || name === '') {
    return [{ path, rule: 'required', message: `${path} is required: a lowercase name such as "orders-db"` }];
  }
  const issues: ValidationIssue[] = [];
  if (name.length > maxNameLength) {
    issues.push({
      path,
      rule: 'maxLength',
      message:
        `${path} "${name}" has ${name.length} characters; at most ${maxNameLength} are allowed because ` +
        `the platform names the cluster "${postgresNamePrefix}${name}": choose a shorter name`,
    });
  }
  if (!dns1035Label.test(name)) {
    issues.push({
      path,
      rule: 'dns1035Label',
      message:
        `${path} "${name}" is not a DNS-1035 label: use lowercase letters, digits and "-", start with a ` +
        `letter and end with a letter or digit (e.g. "orders-db")`,
    });
  }
  return issues;
}

// The document's name lists are compared case-insensitively (see its description of x-hikube-*).
function listed(list: readonly string[], name: string): boolean {
  return list.includes(name.toLowerCase());
}

function reservedPrefix(prefixes: readonly string[], name: string): string | undefined {
  return prefixes.find((prefix) => name.toLowerCase().startsWith(prefix));
}

function userNameIssues(users: readonly string[], databases: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const databaseRoles = new Map(
    databases.flatMap((database) => [`${database}_admin`, `${database}_readonly`].map((role) => [role.toLowerCase(), database] as const)),
  );
  for (const user of users) {
    const path = formatPath(['spec', 'users', user]);
    const prefix = reservedPrefix(reservedPostgresUserPrefixes, user);
    const database = databaseRoles.get(user.toLowerCase());
    if (listed(reservedPostgresUsers, user)) {
      issues.push({
        path,
        rule: 'reservedUser',
        message:
          `spec.users may not declare "${user}": the platform or PostgreSQL owns that role (reserved: ` +
          `${reservedPostgresUsers.join(', ')}); pick another user name`,
      });
    } else if (prefix !== undefined) {
      issues.push({
        path,
        rule: 'reservedUser',
        message: `spec.users may not declare "${user}": PostgreSQL reserves role names starting with "${prefix}"; pick another user name`,
      });
    } else if (database !== undefined) {
      issues.push({
        path,
        rule: 'reservedUser',
        message: `spec.users may not declare "${user}": it is the name of a role of the database "${database}"; pick another user name`,
      });
    }
  }
  return issues;
}

function databaseNameIssues(databases: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const database of databases) {
    const path = formatPath(['spec', 'databases', database]);
    const prefix = reservedPrefix(reservedPostgresDatabasePrefixes, database);
    if (listed(reservedPostgresDatabases, database)) {
      issues.push({
        path,
        rule: 'reservedDatabase',
        message:
          `spec.databases may not declare "${database}": PostgreSQL creates and needs it (reserved: ` +
          `${reservedPostgresDatabases.join(', ')}); pick another database name`,
      });
    } else if (prefix !== undefined) {
      issues.push({
        path,
        rule: 'reservedDatabase',
        message:
          `spec.databases may not declare "${database}": its roles "${database}_admin" and ` +
          `"${database}_readonly" would start with "${prefix}", which PostgreSQL reserves; pick ` +
          `another database name`,
      });
    }
  }
  return issues;
}

function parameterIssues(parameters: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const parameter of parameters) {
    const path = formatPath(['spec', 'postgresql', 'parameters', parameter]);
    if (listed(blockedPostgresParameters, parameter)) {
      issues.push({
        path,
        rule: 'blockedParameter',
        message: `${path} is blocked by the platform: it can run code, reach the server's files, or the platform depends on its value; remove it`,
      });
    } else if (listed(operatorManagedPostgresParameters, parameter)) {
      issues.push({
        path,
        rule: 'operatorManagedParameter',
        message: `${path} is managed by the operator (CloudNativePG) and may not be overridden: remove it`,
      });
    }
  }
  return issues;
}

// Rules on map keys alone (reserved names, blocked parameters): they hold for a patch too.
function keyRuleIssues(spec: Record<string, unknown>): ValidationIssue[] {
  const users = isRecord(spec['users']) ? Object.keys(spec['users']) : [];
  const databases = isRecord(spec['databases']) ? Object.keys(spec['databases']) : [];
  const postgresql = isRecord(spec['postgresql']) ? spec['postgresql'] : {};
  const parameters = isRecord(postgresql['parameters']) ? Object.keys(postgresql['parameters']) : [];
  return [...userNameIssues(users, databases), ...databaseNameIssues(databases), ...parameterIssues(parameters)];
}

function crossFieldIssues(spec: Record<string, unknown>, name: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : defaultsTrees.PostgresSpec.properties.replicas.default;

  const quorum = isRecord(spec['quorum']) ? spec['quorum'] : {};
  const min = quorum['minSyncReplicas'];
  const max = quorum['maxSyncReplicas'];
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    issues.push({
      path: 'spec.quorum.minSyncReplicas',
      rule: 'quorumOrder',
      message: `spec.quorum.minSyncReplicas (${min}) must not exceed spec.quorum.maxSyncReplicas (${max}): lower the minimum or raise the maximum`,
    });
  }
  if (typeof max === 'number' && max > 0 && max >= replicas) {
    issues.push({
      path: 'spec.quorum.maxSyncReplicas',
      rule: 'quorumBelowReplicas',
      message:
        `spec.quorum.maxSyncReplicas (${max}) must be lower than spec.replicas (${replicas}), since ` +
        `only standbys can be synchronous: set it to at most ${Math.max(replicas - 1, 0)} ` +
        `or raise spec.replicas`,
    });
  }

  issues.push(...keyRuleIssues(spec));
  const users = isRecord(spec['users']) ? spec['users'] : {};
  const databases = isRecord(spec['databases']) ? spec['databases'] : {};

  for (const [database, config] of Object.entries(databases)) {
    const roles = isRecord(config) && isRecord(config['roles']) ? config['roles'] : {};
    for (const role of ['admin', 'readonly']) {
      const members = roles[role];
      if (!Array.isArray(members)) continue;
      members.forEach((member: unknown, index) => {
        if (typeof member === 'string' && !(member in users)) {
          issues.push({
            path: formatPath(['spec', 'databases', database, 'roles', role, index]),
            rule: 'declaredUser',
            message: `spec.databases.${database}.roles.${role} names "${member}", which is not in spec.users: declare the user or remove it from the role`,
          });
        }
      });
    }
  }

  const bootstrap = isRecord(spec['bootstrap']) ? spec['bootstrap'] : {};
  if (bootstrap['enabled'] === true) {
    const oldName = bootstrap['oldName'];
    if (typeof oldName !== 'string' || oldName === '') {
      issues.push({
        path: 'spec.bootstrap.oldName',
        rule: 'bootstrapSource',
        message: 'spec.bootstrap.oldName is required when spec.bootstrap.enabled is true: name the cluster whose backups to restore',
      });
    } else if (oldName === name) {
      issues.push({
        path: 'spec.bootstrap.oldName',
        rule: 'bootstrapSource',
        message: `spec.bootstrap.oldName must differ from metadata.name ("${oldName}"): a restore creates a NEW cluster, give it another name`,
      });
    }
  }
  return issues;
}

// JSON semantics: a key whose value is undefined is absent.
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Every problem in a Postgres object, schema rules and platform rules alike, before it is sent.
 * An empty array means valid.
 */
export function validatePostgres(object: unknown): ValidationIssue[] {
  const value = asJson(object);
  if (!isRecord(value)) return [{ path: '', rule: 'type', message: 'a Postgres must be an object with apiVersion, kind, metadata and spec' }];
  const parsed = postgresSchema.safeParse(value, { reportInput: true });
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  const metadata = isRecord(value['metadata']) ? value['metadata'] : undefined;
  if (metadata) issues.push(...validatePostgresName(metadata['name']));
  if (isRecord(value['spec'])) issues.push(...crossFieldIssues(value['spec'], metadata?.['name']));
  return issues;
}

/**
 * The problems a merge patch's spec can show on its own: the schema, reserved names and blocked
 * parameters. Rules across fields need the whole object; the server checks those.
 */
export function validatePostgresSpecPatch(spec: unknown): ValidationIssue[] {
  const value = asJson(spec);
  const parsed = postgresSpecSchema.safeParse(value, { reportInput: true });
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues, ['spec']);
  if (isRecord(value)) issues.push(...keyRuleIssues(value));
  return issues;
}
