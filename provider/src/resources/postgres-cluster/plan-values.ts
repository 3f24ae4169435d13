// The planned arguments: configuration, plus for each optional+computed argument left out either
// the prior value (update) or what the platform will fill in (create), so plans show real values
// instead of "(known after apply)". Semantically equal spellings keep the prior value.
import { schedulesEqual } from '../../normalize/cron-schedule.js';
import { presetsEqual } from '../../normalize/preset-names.js';
import { quantitiesEqual } from '../../normalize/quantity.js';
import { providerDefaults } from './from-object.js';
import { buildUpdatePatch } from './merge-patch.js';
import { clusterId, computedOf, type PostgresClusterArgs, type PostgresClusterComputed, type UserModel } from './model.js';
import { attr, type AttributePath } from './plan-issue.js';
import type { PostgresSpec } from './postgres-spec.js';

export interface PlanArgsInput {
  config: PostgresClusterArgs;
  /** Prior state; null on create. */
  prior: PostgresClusterArgs | null;
  /** The configuration's spec with the platform's defaults applied (the SDK's applyPostgresDefaults). */
  defaulted: PostgresSpec;
  /** The provider's namespace, used when the resource sets none. */
  providerNamespace: string | null;
  /** The SchedulingClass `zones` resolved to, when zones are set. */
  resolvedSchedulingClass: string | null;
}

export interface PlannedArgs {
  planned: PostgresClusterArgs;
  /** Arguments whose value only the apply will tell (generated passwords). */
  unknown: AttributePath[];
}

function sameSpelling<T>(configured: T | null, prior: T | null | undefined, equal: (a: T, b: T) => boolean): T | null {
  return configured !== null && prior !== null && prior !== undefined && equal(configured, prior) ? prior : configured;
}

function text(value: string | number | undefined): string | null {
  return value === undefined ? null : String(value);
}

export function planArgs(input: PlanArgsInput): PlannedArgs {
  const { config, prior, defaulted } = input;
  const unknown: AttributePath[] = [];
  const base = <K extends keyof PostgresClusterArgs>(key: K, fallback: PostgresClusterArgs[K]): PostgresClusterArgs[K] =>
    config[key] ?? (prior === null ? fallback : prior[key]);

  const defaultMax = defaulted.quorum?.maxSyncReplicas ?? 0;
  const syncMode = base('syncMode', defaultMax > 0 ? 'quorum' : 'async');
  let minSyncReplicas: number | null;
  let maxSyncReplicas: number | null;
  if (config.syncMode === 'async') {
    minSyncReplicas = 0;
    maxSyncReplicas = 0;
  } else if (config.syncMode === 'quorum') {
    maxSyncReplicas = config.maxSyncReplicas;
    minSyncReplicas = config.minSyncReplicas ?? config.maxSyncReplicas;
  } else {
    minSyncReplicas = base('minSyncReplicas', defaulted.quorum?.minSyncReplicas ?? 0);
    maxSyncReplicas = base('maxSyncReplicas', defaultMax);
  }

  let users: Record<string, UserModel> | null = null;
  if (config.users !== null) {
    users = {};
    for (const [name, user] of Object.entries(config.users)) {
      const before = prior?.users?.[name];
      let password = user.password;
      if (user.passwordWoVersion !== null || user.passwordWo !== null) password = null;
      else if (password === null && before?.password !== null && before?.password !== undefined) password = before.password;
      else if (password === null) unknown.push(attr('users', { key: name }, { attribute: 'password' }));
      users[name] = { password, passwordWo: null, passwordWoVersion: user.passwordWoVersion, replication: user.replication };
    }
  }

  const backup = config.backup === null ? null : { ...config.backup, schedule: sameSpelling(config.backup.schedule, prior?.backup?.schedule, schedulesEqual) };

  // zones and primary_zone are optional+computed: read back on import, kept while the class is.
  const sameClass = config.schedulingClass === null || config.schedulingClass === prior?.schedulingClass;
  const sameSet = (a: string[], b: string[]) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());
  const zones = sameSpelling(config.zones, prior?.zones, sameSet) ?? (sameClass ? (prior?.zones ?? null) : null);
  const primaryZone = config.zones !== null ? config.primaryZone : sameClass ? (prior?.primaryZone ?? null) : null;

  const planned: PostgresClusterArgs = {
    ...config,
    zones,
    primaryZone,
    namespace: config.namespace ?? prior?.namespace ?? input.providerNamespace,
    version: base('version', defaulted.version ?? null),
    replicas: base('replicas', defaulted.replicas ?? null),
    syncMode,
    minSyncReplicas,
    maxSyncReplicas,
    schedulingClass: input.resolvedSchedulingClass ?? base('schedulingClass', defaulted.schedulingClass ?? null),
    resourcesPreset: sameSpelling(config.resourcesPreset, prior?.resourcesPreset, presetsEqual) ?? base('resourcesPreset', defaulted.resourcesPreset ?? null),
    cpu: sameSpelling(config.cpu, prior?.cpu, quantitiesEqual),
    memory: sameSpelling(config.memory, prior?.memory, quantitiesEqual),
    storageSize: sameSpelling(config.storageSize, prior?.storageSize, quantitiesEqual) ?? base('storageSize', text(defaulted.size)),
    storageClass: base('storageClass', defaulted.storageClass ?? null),
    external: base('external', defaulted.external ?? null),
    // Public API only: refused at plan on the Kubernetes API, so never sent there.
    maxConnections: null,
    users,
    backup,
    deletionProtection: config.deletionProtection ?? providerDefaults.deletionProtection,
    allowDestructiveChanges: config.allowDestructiveChanges ?? providerDefaults.allowDestructiveChanges,
    waitFor: config.waitFor ?? providerDefaults.waitFor,
  };
  for (const key of ['version', 'replicas', 'resourcesPreset', 'storageSize', 'storageClass', 'external', 'namespace'] as const) {
    if (planned[key] === null) unknown.push(attr(snakeCase(key)));
  }
  return { planned, unknown };
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export interface PlannedComputed {
  computed: PostgresClusterComputed;
  /** Computed attributes left unknown until apply. */
  unknown: (keyof PostgresClusterComputed)[];
}

const outputKeys = [
  'ready',
  'chartVersion',
  'currentPrimary',
  'instances',
  'endpoints',
  'credentials',
  'connectionUris',
  'status',
  'host',
  'port',
  'createdAt',
] as const;

/**
 * Computed attributes: on create only `id` is known; on update only what the change can affect
 * becomes unknown, so an unchanged cluster plans as a no-op.
 */
export function planComputed(prior: (PostgresClusterArgs & PostgresClusterComputed) | null, planned: PostgresClusterArgs): PlannedComputed {
  const id = planned.namespace !== null && planned.name !== null ? clusterId(planned.namespace, planned.name) : null;
  if (prior === null) {
    return {
      computed: {
        id,
        ready: null,
        chartVersion: null,
        currentPrimary: null,
        instances: null,
        endpoints: null,
        credentials: null,
        connectionUris: null,
        status: null,
        host: null,
        port: null,
        createdAt: null,
      },
      unknown: id === null ? ['id', ...outputKeys] : [...outputKeys],
    };
  }
  const computed = computedOf(prior);
  const patch = buildUpdatePatch({ prior, planned, writeOnlyPasswords: {} });
  const spec = (patch?.['spec'] ?? {}) as Record<string, unknown>;
  const unknown = new Set<keyof PostgresClusterComputed>();
  if (Object.keys(spec).length > 0) {
    unknown.add('ready');
    unknown.add('instances');
    unknown.add('currentPrimary');
    unknown.add('status');
  }
  // Outputs that were still incomplete (an apply that waited only for `released`) may fill in.
  const endpoints = prior.endpoints;
  const incomplete = endpoints === null || endpoints.rw === null || endpoints.ro === null || endpoints.r === null;
  if ('external' in spec || (Object.keys(spec).length > 0 && incomplete)) {
    unknown.add('endpoints');
    unknown.add('connectionUris');
    unknown.add('host');
    unknown.add('port');
  }
  if (Object.keys(spec).length > 0 && prior.chartVersion === null) unknown.add('chartVersion');
  if ('users' in spec || 'databases' in spec) {
    unknown.add('credentials');
    unknown.add('connectionUris');
  }
  return { computed, unknown: [...unknown] };
}
