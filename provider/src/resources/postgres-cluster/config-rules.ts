// Rules about how the Terraform arguments combine (enums are the schema's validators). Rules of the API itself (names, enums, quorum
// bounds, role lists, blocked parameters...) come from the SDK's validatePostgres, never retyped here.
import { toSixFieldCron } from '../../normalize/cron-schedule.js';
import type { PostgresClusterArgs } from './model.js';
import { attr, error, type PlanIssue } from './plan-issue.js';
import { primaryZoneUnsupported } from './zone-placement.js';

export const waitForValues = ['released', 'primary', 'all_instances'] as const;
export const syncModeValues = ['async', 'quorum'] as const;

function checkSync(config: PostgresClusterArgs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const involves = ['sync_mode', 'min_sync_replicas', 'max_sync_replicas'];
  if (config.syncMode !== 'quorum') {
    for (const [name, value] of [
      ['min_sync_replicas', config.minSyncReplicas],
      ['max_sync_replicas', config.maxSyncReplicas],
    ] as const) {
      if (value === null) continue;
      issues.push(
        error(
          attr(name),
          `${name} needs sync_mode = "quorum"`,
          `${name} sets the synchronous quorum, which only applies with sync_mode = ` +
            `"quorum"${config.syncMode === 'async' ? '; sync_mode is "async"' : ''}. Set sync_mode = ` +
            `"quorum" or remove ${name}.`,
          involves,
        ),
      );
    }
    return issues;
  }
  if (config.maxSyncReplicas === null) {
    // Point at what was written: Terraform can only show a line for a configured attribute.
    issues.push(
      error(
        attr('sync_mode'),
        'Quorum size missing',
        'sync_mode = "quorum" needs max_sync_replicas: how many standbys may be synchronous (1 or ' +
          'more, fewer than replicas). Hikube advises replicas = 3 with max_sync_replicas = 1.',
        involves,
      ),
    );
  } else if (config.maxSyncReplicas < 1) {
    issues.push(
      error(
        attr('max_sync_replicas'),
        'Quorum size too small',
        `max_sync_replicas = ${config.maxSyncReplicas} disables synchronous replication; use ` +
          `sync_mode = "async" for that, or set max_sync_replicas to 1 or more.`,
        involves,
      ),
    );
  }
  return issues;
}

function checkPlacement(config: PostgresClusterArgs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const involves = ['zones', 'primary_zone', 'scheduling_class'];
  if (config.zones !== null && config.schedulingClass !== null) {
    issues.push(
      error(
        attr('scheduling_class'),
        'Conflicting placement',
        'Set either zones or scheduling_class, not both: zones are resolved to a SchedulingClass.',
        involves,
      ),
    );
  }
  if (config.zones !== null && config.zones.length === 0) {
    issues.push(error(attr('zones'), 'No zones', 'zones is empty: list at least one zone, or remove zones to use the tenant default placement.', involves));
  }
  if (config.primaryZone !== null) issues.push(error(attr('primary_zone'), 'No placement for the primary', primaryZoneUnsupported, involves));
  return issues;
}

function checkResources(config: PostgresClusterArgs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const involves = ['resources_preset', 'cpu', 'memory'];
  if (config.resourcesPreset !== null && (config.cpu !== null || config.memory !== null)) {
    issues.push(
      error(
        attr(config.cpu !== null ? 'cpu' : 'memory'),
        'Conflicting sizing',
        'Set either resources_preset or cpu and memory, not both: explicit resources make the platform ignore the preset.',
        involves,
      ),
    );
  }
  if ((config.cpu === null) !== (config.memory === null)) {
    const missing = config.cpu === null ? 'cpu' : 'memory';
    const present = config.cpu === null ? 'memory' : 'cpu';
    issues.push(error(attr(present), `${missing} missing`, `cpu and memory go together: set ${missing} too, or use resources_preset instead.`, involves));
  }
  return issues;
}

function checkUsers(config: PostgresClusterArgs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const [name, user] of Object.entries(config.users ?? {})) {
    const at = (field: string) => attr('users', { key: name }, { attribute: field });
    if (user.password !== null && user.passwordWo !== null) {
      issues.push(
        error(
          at('password_wo'),
          'Two passwords',
          `User "${name}" sets both password and password_wo: keep password_wo (never stored in state) or password, not both.`,
          ['users'],
        ),
      );
    }
    if (user.passwordWo !== null && user.passwordWoVersion === null) {
      issues.push(
        error(
          at('password_wo_version'),
          'password_wo_version missing',
          `User "${name}" sets password_wo without password_wo_version: set password_wo_version = 1 ` +
            `and increase it whenever password_wo changes, since Terraform cannot see write-only ` +
            `values to compare them.`,
          ['users'],
        ),
      );
    }
    if (user.passwordWoVersion !== null && user.passwordWo === null) {
      issues.push(
        error(
          at('password_wo'),
          'password_wo missing',
          `User "${name}" sets password_wo_version without password_wo: set password_wo, or remove password_wo_version.`,
          ['users'],
        ),
      );
    }
  }
  return issues;
}

function checkBackup(config: PostgresClusterArgs): PlanIssue[] {
  const schedule = config.backup?.schedule ?? null;
  if (schedule === null) return [];
  const converted = toSixFieldCron(schedule);
  return converted.ok
    ? []
    : [error(attr('backup', { attribute: 'schedule' }), 'Invalid backup schedule', `backup.schedule "${schedule}": ${converted.message}.`, ['backup'])];
}

function checkRestore(config: PostgresClusterArgs): PlanIssue[] {
  const restore = config.restore;
  if (restore === null) return [];
  const issues: PlanIssue[] = [];
  if (restore.sourceCluster === null) {
    issues.push(
      error(
        attr('restore', { attribute: 'source_cluster' }),
        'Restore source missing',
        'restore needs source_cluster: the name of the cluster whose backups to restore.',
        ['restore'],
      ),
    );
  } else if (config.name !== null && restore.sourceCluster === config.name) {
    issues.push(
      error(
        attr('restore', { attribute: 'source_cluster' }),
        'Restore into the same name',
        `restore creates a new cluster from the backups of "${restore.sourceCluster}": give this cluster a different name.`,
        ['restore', 'name'],
      ),
    );
  }
  // The chart refuses to render a restore without S3 credentials, or from the system bucket
  // (cozystack packages/apps/postgres/templates/db.yaml): say so at plan rather than as a failed release.
  const backup = config.backup;
  const hasKeys = backup !== null && (backup.s3AccessKey ?? '') !== '' && (backup.s3SecretKey ?? '') !== '';
  const hasSecret = backup !== null && (backup.s3CredentialsSecret ?? '') !== '';
  if (backup?.useSystemBucket === true) {
    issues.push(
      error(
        attr('backup', { attribute: 'use_system_bucket' }),
        'Restore not from the system bucket',
        'The platform cannot restore through restore from the system bucket (use_system_bucket = ' +
          'true): restore from a bucket of your own (destination_path, endpoint_url and its ' +
          "credentials), or use the platform's RestoreJob.",
        ['restore', 'backup'],
      ),
    );
  } else if (!hasKeys && !hasSecret) {
    issues.push(
      error(
        attr('restore'),
        'Restore needs backup settings',
        "restore reads the source cluster's backups from object storage: set the backup block " +
          '(destination_path, endpoint_url, and s3_access_key with s3_secret_key or ' +
          's3_credentials_secret) pointing at them.',
        ['restore', 'backup'],
      ),
    );
  }
  return issues;
}

export function checkConfig(config: PostgresClusterArgs): PlanIssue[] {
  return [
    ...(config.syncMode === null || (syncModeValues as readonly string[]).includes(config.syncMode) ? checkSync(config) : []),
    ...checkPlacement(config),
    ...checkResources(config),
    ...checkUsers(config),
    ...checkBackup(config),
    ...checkRestore(config),
  ];
}
