// The SDK reports API rule violations with object paths (`spec.quorum.maxSyncReplicas`);
// Terraform users need the attribute they wrote (`max_sync_replicas`).
import type { PostgresClusterArgs } from './model.js';
import { attr, error, type AttributePath, type PlanIssue } from './plan-issue.js';

export interface SdkIssue {
  path: string | readonly (string | number)[];
  rule: string;
  message: string;
}

const scalarFields: Record<string, string> = {
  replicas: 'replicas',
  resourcesPreset: 'resources_preset',
  size: 'storage_size',
  storageClass: 'storage_class',
  external: 'external',
  schedulingClass: 'scheduling_class',
  version: 'version',
};

const backupFields: Record<string, string> = {
  enabled: 'enabled',
  schedule: 'schedule',
  retentionPolicy: 'retention_policy',
  destinationPath: 'destination_path',
  endpointURL: 'endpoint_url',
  s3AccessKey: 's3_access_key',
  s3SecretKey: 's3_secret_key',
  useSystemBucket: 'use_system_bucket',
  s3CredentialsSecret: 's3_credentials_secret',
  endpointCA: 'endpoint_ca_secret',
};

const bootstrapFields: Record<string, string> = { oldName: 'source_cluster', recoveryTime: 'recovery_time', serverName: 'server_name' };
const tlsFields: Record<string, string> = { enabled: 'tls_enabled' };

/**
 * Split an SDK path: dotted identifiers, `[0]` indices and `["a.b"]` for keys that are not plain
 * identifiers (so a user named `app.reader` stays one segment).
 */
export function splitIssuePath(path: SdkIssue['path']): string[] {
  if (typeof path !== 'string') return path.map(String);
  const segments: string[] = [];
  const token = /([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(token)) {
    const [, plain, index, quoted] = match;
    if (plain !== undefined) segments.push(plain);
    else if (index !== undefined) segments.push(index);
    else if (quoted !== undefined) segments.push(JSON.parse(quoted) as string);
  }
  return segments;
}

function field(name: string): AttributePath {
  return attr(name);
}

/** The Terraform attribute for an SDK path; null when it is not an argument (reported on the resource). */
export function terraformPathFor(path: SdkIssue['path'], config: PostgresClusterArgs): AttributePath | null {
  const segments = splitIssuePath(path);
  const [root, first, second, third] = segments;
  if (root === 'metadata') return first === 'name' || first === 'namespace' ? field(first) : null;
  if (root !== 'spec' || first === undefined) return null;
  if (first === 'schedulingClass' && config.zones !== null) return field('zones');
  const scalar = scalarFields[first];
  if (scalar !== undefined) return field(scalar);
  switch (first) {
    case 'resources':
      return field(second === 'memory' ? 'memory' : 'cpu');
    case 'quorum':
      return field(second === 'minSyncReplicas' ? 'min_sync_replicas' : 'max_sync_replicas');
    case 'postgresql':
      return second === 'parameters' && third !== undefined ? attr('parameters', { key: third }) : field('parameters');
    case 'users': {
      if (second === undefined) return field('users');
      const user = config.users?.[second];
      if (third === 'password')
        return attr('users', { key: second }, { attribute: user?.passwordWo !== null && user?.passwordWo !== undefined ? 'password_wo' : 'password' });
      if (third === 'replication') return attr('users', { key: second }, { attribute: 'replication' });
      return attr('users', { key: second });
    }
    case 'databases': {
      if (second === undefined) return field('databases');
      const list = third === 'roles' ? segments[4] : third;
      if (list === 'admin' || list === 'readonly' || list === 'extensions') return attr('databases', { key: second }, { attribute: list });
      return attr('databases', { key: second });
    }
    case 'backup': {
      const name = second === undefined ? undefined : backupFields[second];
      return name === undefined ? field('backup') : attr('backup', { attribute: name });
    }
    case 'tls':
      return second === undefined || tlsFields[second] === undefined ? field('tls_enabled') : field(tlsFields[second]);
    case 'bootstrap': {
      const name = second === undefined ? undefined : bootstrapFields[second];
      return name === undefined ? field('restore') : attr('restore', { attribute: name });
    }
    default:
      return null;
  }
}

/** One plan error per SDK issue, at the attribute the user wrote. */
export function issuesFromSdk(issues: readonly SdkIssue[], config: PostgresClusterArgs): PlanIssue[] {
  return issues.map((issue) => {
    const path = terraformPathFor(issue.path, config);
    const where = typeof issue.path === 'string' ? issue.path : issue.path.join('.');
    const top = path?.[0];
    const involves = top !== undefined && 'attribute' in top ? [top.attribute] : [];
    return error(path, `Invalid configuration (${issue.rule})`, path === null ? `${where}: ${issue.message}` : issue.message, involves);
  });
}
