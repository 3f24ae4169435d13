// The plan of hikube_postgres_cluster on Hikube's public API. Every rule comes from the API's
// document through the SDK (the request schemas, the update rules); this module maps their paths to
// attributes, refuses what the public API does not have, and decides replacements.
import { clusterUpdateIssues, publicBodyIssues, publicSchemas, type Cluster } from '@hikube/sdk/public';
import { issueAtAttribute, type BodyPaths } from '../public-api/body-issues.js';
import { canonicalPreset } from '../../normalize/preset-names.js';
import type { PostgresClusterArgs, PostgresClusterComputed, PostgresClusterModel } from './model.js';
import { checkDestroy, checkStorageShrink } from './plan-changes.js';
import { attr, error, warning, withoutUnknownInputs, type AttributePath, type PlanIssue } from './plan-issue.js';
import { catalogPreset, createBody, maxConnectionsOf, publicPort, quorumOf, sizeFromQuantity } from './public-cluster-mapping.js';

/** Attributes of the Kubernetes API that the public API has no field for, with what to do instead. */
const kubernetesOnly: Partial<Record<keyof PostgresClusterArgs, [attribute: string, instead: string]>> = {
  namespace: ['namespace', 'the project (project_id) is the scope of every cluster'],
  zones: ['zones', 'the public API does not place instances'],
  primaryZone: ['primary_zone', 'the public API does not place instances'],
  schedulingClass: ['scheduling_class', 'the public API does not place instances'],
  storageClass: ['storage_class', 'the replica count decides the replication'],
  tlsEnabled: ['tls_enabled', "the public API does not name the certificate's hosts"],
  cpu: ['cpu', 'use resources_preset (see data.hikube_postgres_presets)'],
  memory: ['memory', 'use resources_preset (see data.hikube_postgres_presets)'],
  backup: ['backup', 'backups are not offered through the public API'],
  restore: ['restore', 'restores are not offered through the public API'],
  users: ['users', 'use hikube_postgres_user resources'],
  databases: ['databases', 'use hikube_postgres_database resources'],
};

function notOnPublicApi(attribute: string, instead: string): PlanIssue {
  return error(
    attr(attribute),
    'Not on the public API',
    `${attribute} is an attribute of the Cozystack Kubernetes API; Hikube's public API has no such ` +
      `field (${instead}). Remove it, or configure the provider for the Kubernetes API.`,
    [attribute],
  );
}

/** The configuration's attributes the public API cannot carry, refused where they are written. */
function unsupportedOnPublicApi(config: PostgresClusterArgs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const [key, [attribute, instead]] of Object.entries(kubernetesOnly) as [keyof PostgresClusterArgs, [string, string]][]) {
    // cpu and memory go together: one error, on the first one written.
    if (key === 'memory' && config.cpu !== null) continue;
    if (config[key] !== null) issues.push(notOnPublicApi(attribute, instead));
  }
  const others = Object.keys(config.parameters ?? {}).filter((name) => name !== 'max_connections');
  if (others.length > 0) {
    issues.push(
      error(
        attr('parameters'),
        'Not on the public API',
        `The public API sets only max_connections of PostgreSQL's parameters; ` +
          `${others.map((name) => `"${name}"`).join(', ')} cannot be set there. Remove them, or ` +
          `configure the provider for the Kubernetes API.`,
        ['parameters'],
      ),
    );
  }
  const text = config.parameters?.['max_connections'];
  if (text !== undefined && !/^[0-9]+$/.test(text)) {
    issues.push(
      error(attr('parameters', { key: 'max_connections' }), 'Invalid max_connections', `parameters.max_connections must be a whole number, not "${text}".`, [
        'parameters',
      ]),
    );
  }
  if (text !== undefined && config.maxConnections !== null && Number(text) !== config.maxConnections) {
    issues.push(
      error(
        attr('max_connections'),
        'Two values for max_connections',
        `max_connections = ${config.maxConnections} and parameters.max_connections = "${text}" disagree: set one of them.`,
        ['max_connections', 'parameters'],
      ),
    );
  }
  if (config.storageSize !== null && sizeFromQuantity(config.storageSize) === null) {
    issues.push(
      error(
        attr('storage_size'),
        'Size not in whole GB',
        `storage_size = "${config.storageSize}" does not convert exactly to the public API's size, ` +
          `whole GB (stored as GiB) per node from 1 to 4096: write it as e.g. "10Gi".`,
        ['storage_size'],
      ),
    );
  }
  return issues;
}

/** Where an issue of a request body belongs: body paths to attributes. */
const bodyPaths: BodyPaths = {
  name: 'name',
  version: 'version',
  replicas: 'replicas',
  external: 'external',
  size: 'storage_size',
  preset: 'resources_preset',
  'config.maxConnections': 'max_connections',
  'quorum.minSyncReplicas': 'min_sync_replicas',
  'quorum.maxSyncReplicas': 'max_sync_replicas',
};

const bodyWords = { storage_size: 'storage_size (in GB)' };

export interface PublicPlanInput {
  config: PostgresClusterArgs;
  prior: PostgresClusterModel | null;
  unknownAttributes: ReadonlySet<string>;
  /** The presets catalog's names; asked only when a preset is configured. */
  presets: () => Promise<string[]>;
}

export interface PublicPlanResult {
  planned: PostgresClusterArgs;
  computed: PostgresClusterComputed;
  unknownArgs: AttributePath[];
  unknownComputed: (keyof PostgresClusterComputed)[];
  requiresReplace: AttributePath[];
  issues: PlanIssue[];
}

/** Planned arguments: the configuration, else the prior state (optional + computed), else unknown. */
function plannedArgs(config: PostgresClusterArgs, prior: PostgresClusterArgs | null): { planned: PostgresClusterArgs; unknown: AttributePath[] } {
  const keep = <K extends keyof PostgresClusterArgs>(key: K): PostgresClusterArgs[K] => config[key] ?? prior?.[key] ?? null;
  const quorum = config.syncMode === 'quorum';
  const planned: PostgresClusterArgs = {
    ...config,
    version: keep('version'),
    replicas: keep('replicas'),
    syncMode: keep('syncMode'),
    minSyncReplicas: quorum ? (config.minSyncReplicas ?? config.maxSyncReplicas) : config.syncMode === 'async' ? null : keep('minSyncReplicas'),
    maxSyncReplicas: quorum ? config.maxSyncReplicas : config.syncMode === 'async' ? null : keep('maxSyncReplicas'),
    resourcesPreset: keep('resourcesPreset'),
    storageSize: keep('storageSize'),
    external: keep('external'),
    maxConnections: config.maxConnections ?? maxConnectionsOf(config) ?? prior?.maxConnections ?? null,
    deletionProtection: config.deletionProtection ?? false,
    allowDestructiveChanges: config.allowDestructiveChanges ?? false,
    waitFor: config.waitFor ?? 'all_instances',
  };
  const unknown: AttributePath[] = [];
  for (const [key, attribute] of [
    ['version', 'version'],
    ['replicas', 'replicas'],
    ['syncMode', 'sync_mode'],
    ['resourcesPreset', 'resources_preset'],
    ['external', 'external'],
    ['maxConnections', 'max_connections'],
  ] as const) {
    if (planned[key] === null) unknown.push(attr(attribute));
  }
  if (planned.syncMode === null) unknown.push(attr('min_sync_replicas'), attr('max_sync_replicas'));
  return { planned, unknown };
}

/** The API's view of the prior state, for the SDK's update rules. */
function clusterOf(prior: PostgresClusterArgs): Cluster {
  return {
    id: '',
    projectId: '',
    name: prior.name ?? '',
    version: prior.version ?? '',
    replicas: prior.replicas ?? 0,
    external: prior.external ?? false,
    size: prior.storageSize === null ? 0 : (sizeFromQuantity(prior.storageSize) ?? 0),
    preset: prior.resourcesPreset ?? '',
    config: { maxConnections: prior.maxConnections ?? 0 },
    quorum: quorumOf(prior) ?? { minSyncReplicas: 0, maxSyncReplicas: 0 },
    host: '',
    status: '',
  };
}

/** Whether the platform would be sent anything: every field the API carries, compared by value. */
export function platformChanged(prior: PostgresClusterArgs, planned: PostgresClusterArgs): boolean {
  const body = (args: PostgresClusterArgs) => JSON.stringify(createBody(args, args.resourcesPreset === null ? null : canonicalPreset(args.resourcesPreset)));
  return body(prior) !== body(planned);
}

function plannedComputed(
  prior: PostgresClusterModel | null,
  planned: PostgresClusterArgs,
  changed: boolean,
): { computed: PostgresClusterComputed; unknown: (keyof PostgresClusterComputed)[] } {
  const nulls: PostgresClusterComputed = {
    id: planned.name,
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
  };
  if (prior === null) return { computed: nulls, unknown: ['ready', 'status', 'host', 'port', 'createdAt', ...(planned.name === null ? ['id' as const] : [])] };
  const computed: PostgresClusterComputed = {
    ...nulls,
    id: prior.id,
    ready: prior.ready,
    status: prior.status,
    host: prior.host,
    port: prior.port,
    createdAt: prior.createdAt,
  };
  const unknown: (keyof PostgresClusterComputed)[] = [];
  if (changed) unknown.push('ready', 'status');
  if (changed && (planned.external !== prior.external || prior.host === null) && planned.external !== false) unknown.push('host', 'port');
  if (planned.external === false) {
    computed.host = null;
    computed.port = null;
  }
  return { computed, unknown };
}

export async function planPublicCluster(input: PublicPlanInput): Promise<PublicPlanResult> {
  const { config, prior, unknownAttributes } = input;
  const { planned, unknown } = plannedArgs(config, prior);
  const issues: PlanIssue[] = [...unsupportedOnPublicApi(config)];
  const requiresReplace: AttributePath[] = [];
  if (prior === null) {
    for (const [value, attribute, example] of [
      [planned.version, 'version', 'v17'],
      [planned.storageSize, 'storage_size', '10Gi'],
    ] as const) {
      if (value === null && !unknownAttributes.has(attribute))
        issues.push(
          error(
            attr(attribute),
            `${attribute} is required`,
            `Hikube's public API needs ${attribute} to create a cluster: set it, e.g. ${attribute} = "${example}".`,
            [attribute],
          ),
        );
    }
  }
  // The document's rules, on the body the plan would send.
  const body = createBody(planned, planned.resourcesPreset);
  const schema = prior === null ? publicSchemas.clusterCreateSchema : publicSchemas.clusterUpdateSchema;
  const sent = prior === null ? body : (({ name: _name, ...rest }) => rest)(body);
  const known = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== null && value !== undefined));
  for (const issue of publicBodyIssues(schema, known)) {
    // A field not known yet (or missing, reported above) is checked at apply.
    if (issue.rule === 'required' || !((issue.path.split(/[.[]/)[0] ?? '') in known)) continue;
    issues.push(issueAtAttribute(issue, bodyPaths, 'Invalid cluster setting', bodyWords));
  }
  const quorum = quorumOf(planned);
  // (Beyond the document's own limit of 10, its message is the one that helps.)
  if (
    quorum !== null &&
    quorum.maxSyncReplicas > 0 &&
    quorum.maxSyncReplicas <= 10 &&
    planned.replicas !== null &&
    quorum.maxSyncReplicas >= planned.replicas
  ) {
    // The platform keeps at least one asynchronous standby (Cozystack: max < replicas).
    issues.push(
      error(
        attr('max_sync_replicas'),
        'Quorum too large',
        `max_sync_replicas = ${quorum.maxSyncReplicas} must be lower than replicas = ` +
          `${planned.replicas}: a standalone cluster has no standby, and the platform keeps one ` +
          `standby out of the quorum.`,
        ['max_sync_replicas', 'replicas'],
      ),
    );
  }

  let changed = prior === null;
  if (prior !== null) {
    changed = platformChanged(prior, planned);
    if (planned.name !== null && planned.name !== prior.name) requiresReplace.push(attr('name'));
    for (const issue of clusterUpdateIssues(clusterOf(prior), known)) {
      if (issue.rule === 'x-hikube-mode-fixed') requiresReplace.push(attr('replicas'));
      else issues.push(issueAtAttribute(issue, bodyPaths, 'Invalid change', bodyWords));
    }
    issues.push(...checkStorageShrink(prior, planned));
    if (requiresReplace.length > 0) {
      const why = requiresReplace.some((path) => 'attribute' in path[0]! && path[0].attribute === 'replicas')
        ? `replicas goes from ${prior.replicas} to ${planned.replicas}: a cluster keeps the mode it was ` +
          `created with (1 = standalone, 2-8 = replicated), and the API refuses the switch (code ` +
          `80201), so the cluster is deleted with its data and created again.`
        : `the name is the cluster's identity: cluster ${prior.name} is deleted with its data and ${planned.name} is created.`;
      issues.push(
        prior.deletionProtection === true
          ? error(
              requiresReplace[0] ?? null,
              'Replacement blocked by deletion_protection',
              `This change replaces the cluster: ${why} deletion_protection is true: set it to false and apply first, if that is really wanted.`,
              ['deletion_protection'],
            )
          : warning(requiresReplace[0] ?? null, 'Cluster will be replaced', `This change replaces the cluster: ${why}`, []),
      );
    }
  }

  // The catalog is read (a GET) only once the rest is valid, and only for a preset that changes.
  const presetChanges = planned.resourcesPreset !== null && (prior === null || planned.resourcesPreset !== prior.resourcesPreset);
  if (presetChanges && !unknownAttributes.has('resources_preset') && !issues.some((issue) => issue.severity === 'error')) {
    let catalog: string[] | null = null;
    try {
      catalog = await input.presets();
    } catch (cause) {
      issues.push(error(attr('resources_preset'), 'Cannot read the presets catalog', cause instanceof Error ? cause.message : String(cause), []));
    }
    if (catalog !== null && catalogPreset(planned.resourcesPreset ?? '', catalog) === null) {
      issues.push(
        error(
          attr('resources_preset'),
          'Unknown preset',
          `resources_preset = "${planned.resourcesPreset}" is not in Hikube's presets catalog: use one of ${catalog.map((name) => `"${name}"`).join(', ')}.`,
          ['resources_preset'],
        ),
      );
    }
  }
  const { computed, unknown: unknownComputed } = plannedComputed(prior, planned, changed);
  if (computed.port === null && computed.host !== null) computed.port = publicPort;
  return { planned, computed, unknownArgs: unknown, unknownComputed, requiresReplace, issues: withoutUnknownInputs(issues, unknownAttributes) };
}

export { checkDestroy as planPublicDestroy };
