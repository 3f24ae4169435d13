// The life cycle of one cluster, free of any plugin framework: plan, create, read, update, delete
// and import over a ClusterApi. Every outcome is a model plus issues; nothing throws to the caller.
import { isDeepStrictEqual } from 'node:util';
import { applyPostgresDefaults, validatePostgres, type Postgres } from '@hikube/sdk/kubernetes';
import type { ClusterApi } from './cluster-api.js';
import { fromObject } from './from-object.js';
import { inlineMapsAnnotation, inlineMapsValue } from './inline-maps.js';
import { buildUpdatePatch } from './merge-patch.js';
import { clusterId, computedOf, parseClusterId, type PostgresClusterArgs, type PostgresClusterComputed, type PostgresClusterModel } from './model.js';
import { computeOutputs } from './outputs.js';
import { checkDestroy } from './plan-changes.js';
import { attr, error, withoutUnknownInputs, type AttributePath, type PlanIssue } from './plan-issue.js';
import { planArgs, planComputed } from './plan-values.js';
import { issuesFromSdk } from './sdk-issue-paths.js';
import { placementsOf } from './scheduling-class-placement.js';
import { toSpec } from './to-spec.js';
import { checkPlan } from './validate-plan.js';
import { fieldsMissingOnPlatform } from './platform-fields.js';
import { resolvePlacement } from './zone-placement.js';

export const defaultTimeoutsMs = { create: 20 * 60_000, update: 20 * 60_000, delete: 10 * 60_000 } as const;

const platformDefaults = applyPostgresDefaults({});

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function apiError(summary: string, cause: unknown, path: AttributePath | null = null): PlanIssue {
  return error(path, summary, messageOf(cause), []);
}

// ---------------------------------------------------------------------------------------- plan

export interface PlanInput {
  config: PostgresClusterArgs;
  /** Prior state; null on create. */
  prior: PostgresClusterModel | null;
  /** Top-level attributes whose configured value is not known yet. */
  unknownAttributes: ReadonlySet<string>;
  providerNamespace: string | null;
  api: ClusterApi;
  signal: AbortSignal;
}

export interface PlanResult {
  planned: PostgresClusterArgs;
  computed: PostgresClusterComputed;
  /** Paths the framework must plan as unknown. */
  unknownArgs: AttributePath[];
  unknownComputed: (keyof PostgresClusterComputed)[];
  requiresReplace: AttributePath[];
  issues: PlanIssue[];
}

interface PlacementOutcome {
  resolved: string | null;
  zones: readonly string[] | null;
  issues: PlanIssue[];
}

/** Resolve `zones` to an existing class, or find the zones of a named class for the coverage warning. */
async function planPlacement(config: PostgresClusterArgs, unknown: ReadonlySet<string>, api: ClusterApi, signal: AbortSignal): Promise<PlacementOutcome> {
  const wantsZones = config.zones !== null && config.zones.length > 0 && !unknown.has('zones');
  const namedClass = config.schedulingClass !== null && config.schedulingClass !== '' && !unknown.has('scheduling_class');
  if (!wantsZones && !namedClass) return { resolved: null, zones: null, issues: [] };
  let classes;
  try {
    classes = await api.listSchedulingClasses(signal);
  } catch (cause) {
    const at = wantsZones ? attr('zones') : attr('scheduling_class');
    return { resolved: null, zones: null, issues: [apiError('Cannot read SchedulingClasses', cause, at)] };
  }
  const placements = placementsOf(classes);
  if (namedClass) {
    if (!classes.some((sc) => sc.metadata.name === config.schedulingClass)) {
      const names =
        classes
          .map((sc) => sc.metadata.name ?? '')
          .filter((n) => n !== '')
          .sort()
          .join(', ') || 'none';
      return {
        resolved: null,
        zones: null,
        issues: [
          error(attr('scheduling_class'), 'Unknown SchedulingClass', `SchedulingClass "${config.schedulingClass}" does not exist. Available: ${names}.`, [
            'scheduling_class',
          ]),
        ],
      };
    }
    return { resolved: null, zones: placements.find((placement) => placement.name === config.schedulingClass)?.zones ?? null, issues: [] };
  }
  const placement = resolvePlacement(config.zones ?? [], placements);
  return placement.kind === 'reuse'
    ? { resolved: placement.name, zones: config.zones, issues: [] }
    : { resolved: null, zones: null, issues: [placement.issue] };
}

export async function planCluster(input: PlanInput): Promise<PlanResult> {
  const { config, prior, unknownAttributes } = input;
  const defaulted = applyPostgresDefaults(toSpec(config));
  const plan = (resolvedSchedulingClass: string | null, placementZones: readonly string[] | null) => {
    const { planned, unknown } = planArgs({ config, prior, defaulted, providerNamespace: input.providerNamespace, resolvedSchedulingClass });
    const issues: PlanIssue[] = [];
    if (planned.namespace === null && !unknownAttributes.has('namespace')) {
      issues.push(
        error(attr('namespace'), 'No namespace', 'Set namespace on the resource or the provider, or use a kubeconfig context that names one.', ['namespace']),
      );
    }
    if (config.maxConnections !== null) {
      issues.push(
        error(
          attr('max_connections'),
          'Not on the Kubernetes API',
          'max_connections is an attribute of Hikube\'s public API; on the Cozystack Kubernetes API set parameters = { max_connections = "..." } instead.',
          ['max_connections'],
        ),
      );
    }
    const checked = checkPlan({ config, planned, prior, resolvedSchedulingClass, placementZones });
    issues.push(...checked.issues);
    const { computed, unknown: unknownComputed } = planComputed(prior, planned);
    return {
      planned,
      computed,
      unknownArgs: unknown,
      unknownComputed,
      requiresReplace: checked.requiresReplace,
      issues: withoutUnknownInputs(issues, unknownAttributes),
    };
  };
  // An invalid configuration is refused before any request; placement is looked up only after.
  const offline = plan(null, null);
  if (offline.issues.some((issue) => issue.severity === 'error')) return offline;
  // Asked only when the plan sends a spec: a Terraform-only change makes no request.
  const sendsSpec = prior === null || JSON.stringify(toSpec(offline.planned)) !== JSON.stringify(toSpec(prior));
  const capabilities = sendsSpec ? await input.api.specCapabilities(input.signal) : null;
  const missing = capabilities === null ? [] : withoutUnknownInputs(fieldsMissingOnPlatform(toSpec(config), capabilities, config), unknownAttributes);
  if (missing.length > 0) return { ...offline, issues: [...missing, ...offline.issues] };
  const placement = await planPlacement(config, unknownAttributes, input.api, input.signal);
  const result = plan(placement.resolved, placement.zones);
  return { ...result, issues: [...withoutUnknownInputs(placement.issues, unknownAttributes), ...result.issues] };
}

/** Destroy plan: refused up front when the cluster is protected. */
export function planDestroy(prior: PostgresClusterArgs): PlanIssue[] {
  return checkDestroy(prior);
}

// ---------------------------------------------------------------------------------------- apply

export interface ApplyResult {
  /** The state to store: null only when nothing was created (or the object is gone). */
  state: PostgresClusterModel | null;
  issues: PlanIssue[];
}

export interface ApplyInput {
  planned: PostgresClusterArgs;
  /** Write-only passwords from the configuration, by user. */
  writeOnlyPasswords: Record<string, string>;
  timeoutMs: number;
  api: ClusterApi;
  signal: AbortSignal;
  onProgress: (message: string) => void;
}

function withWriteOnly(args: PostgresClusterArgs, passwords: Record<string, string>): PostgresClusterArgs {
  if (args.users === null) return args;
  const users = Object.fromEntries(Object.entries(args.users).map(([name, user]) => [name, { ...user, passwordWo: passwords[name] ?? null }]));
  return { ...args, users };
}

function objectFor(args: PostgresClusterArgs, namespace: string, name: string, passwords: Record<string, string>): Postgres {
  return {
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name, namespace, annotations: { [inlineMapsAnnotation]: inlineMapsValue(args) } },
    spec: toSpec(withWriteOnly(args, passwords), { includeWriteOnlyPasswords: true }),
  };
}

/** Read the object and what the platform made of it into a full model; null when it is gone. */
async function observeModel(
  api: ClusterApi,
  namespace: string,
  name: string,
  prior: PostgresClusterArgs | null,
  signal: AbortSignal,
): Promise<PostgresClusterModel | null> {
  const object = await api.get(namespace, name, signal);
  if (object === null) return null;
  const observation = await api.observe(namespace, name, signal);
  // Only an import needs the classes: they give back the zones the configuration may name.
  const placements = prior === null ? await api.listSchedulingClasses(signal).then(placementsOf, () => null) : null;
  const args = fromObject(object, { prior, platformDefaults, credentials: observation.credentials, placements });
  return { ...args, ...computeOutputs(args, { object, ...observation }) };
}

function identity(planned: PostgresClusterArgs): { namespace: string; name: string } | PlanIssue {
  if (planned.namespace === null || planned.name === null) return error(null, 'Cluster identity unknown', 'name and namespace must be known before apply.', []);
  return { namespace: planned.namespace, name: planned.name };
}

async function waitAndRead(input: ApplyInput, namespace: string, name: string, verb: string, written?: Postgres): Promise<ApplyResult> {
  const issues: PlanIssue[] = [];
  const level = input.planned.waitFor ?? 'all_instances';
  try {
    await input.api.waitForReady(namespace, name, {
      level,
      timeoutMs: input.timeoutMs,
      signal: input.signal,
      onProgress: input.onProgress,
      ...(written ? { since: written } : {}),
    });
  } catch (cause) {
    // The cluster exists: keep it in state (Terraform taints a failed create) and say why.
    issues.push(apiError(`Cluster ${clusterId(namespace, name)} ${verb} but is not ready`, cause));
  }
  try {
    const state = await observeModel(input.api, namespace, name, input.planned, input.signal);
    if (state === null) issues.push(error(null, 'Cluster disappeared', `Cluster ${clusterId(namespace, name)} was deleted while Terraform waited for it.`, []));
    return { state, issues };
  } catch (cause) {
    issues.push(apiError(`Cannot read cluster ${clusterId(namespace, name)}`, cause));
    return { state: null, issues };
  }
}

export async function createCluster(input: ApplyInput): Promise<ApplyResult> {
  const id = identity(input.planned);
  if ('severity' in id) return { state: null, issues: [id] };
  const object = objectFor(input.planned, id.namespace, id.name, input.writeOnlyPasswords);
  const invalid = issuesFromSdk(validatePostgres(object), input.planned);
  if (invalid.length > 0) return { state: null, issues: invalid };
  try {
    await input.api.create(object, input.signal);
  } catch (cause) {
    return { state: null, issues: [apiError(`Cannot create cluster ${clusterId(id.namespace, id.name)}`, cause)] };
  }
  input.onProgress(`created ${clusterId(id.namespace, id.name)}; waiting for ${input.planned.waitFor ?? 'all_instances'}`);
  return waitAndRead(input, id.namespace, id.name, 'was created');
}

export async function updateCluster(input: ApplyInput & { prior: PostgresClusterModel }): Promise<ApplyResult> {
  const id = identity(input.planned);
  if ('severity' in id) return { state: input.prior, issues: [id] };
  const patch = buildUpdatePatch({ prior: input.prior, planned: input.planned, writeOnlyPasswords: input.writeOnlyPasswords });
  if (patch === undefined) {
    // Only Terraform-side settings changed (deletion_protection, timeouts...): nothing to send or
    // wait for, and the outputs stay exactly as planned (a re-read could disagree with the plan).
    return { state: { ...input.planned, ...computedOf(input.prior) }, issues: [] };
  }
  const after = objectFor(input.planned, id.namespace, id.name, input.writeOnlyPasswords);
  const invalid = issuesFromSdk(validatePostgres(after), input.planned);
  if (invalid.length > 0) return { state: input.prior, issues: invalid };
  let before: Postgres | null;
  let written: Postgres;
  try {
    before = await input.api.get(id.namespace, id.name, input.signal);
    // The annotation rides along with every change, so clusters made before it get it too.
    written = await input.api.patch(
      id.namespace,
      id.name,
      { ...patch, metadata: { annotations: { [inlineMapsAnnotation]: inlineMapsValue(input.planned) } } },
      input.signal,
    );
  } catch (cause) {
    return { state: input.prior, issues: [apiError(`Cannot update cluster ${clusterId(id.namespace, id.name)}`, cause)] };
  }
  input.onProgress(`updated ${clusterId(id.namespace, id.name)}; waiting for ${input.planned.waitFor ?? 'all_instances'}`);
  // The answer to the patch carries the Ready from before it: the wait must see a newer one. A
  // patch that left the spec as it was (the platform already had it) starts no release to wait for.
  const released = before === null || !isDeepStrictEqual(before.spec, written.spec);
  const result = await waitAndRead(input, id.namespace, id.name, 'was updated', released ? written : undefined);
  return { state: result.state ?? input.prior, issues: result.issues };
}

export async function deleteCluster(input: { prior: PostgresClusterArgs; timeoutMs: number; api: ClusterApi; signal: AbortSignal }): Promise<PlanIssue[]> {
  const refused = checkDestroy(input.prior);
  if (refused.length > 0) return refused;
  const id = identity(input.prior);
  if ('severity' in id) return [id];
  try {
    await input.api.delete(id.namespace, id.name, { timeoutMs: input.timeoutMs, signal: input.signal });
    return [];
  } catch (cause) {
    return [apiError(`Cannot delete cluster ${clusterId(id.namespace, id.name)}`, cause)];
  }
}

// ----------------------------------------------------------------------------------- read/import

export interface ReadResult {
  /** Null when the cluster no longer exists: Terraform then plans to create it. */
  state: PostgresClusterModel | null;
  issues: PlanIssue[];
}

export async function readCluster(input: { prior: PostgresClusterModel; api: ClusterApi; signal: AbortSignal }): Promise<ReadResult> {
  const id = identity(input.prior);
  if ('severity' in id) return { state: input.prior, issues: [id] };
  try {
    return { state: await observeModel(input.api, id.namespace, id.name, input.prior, input.signal), issues: [] };
  } catch (cause) {
    return { state: input.prior, issues: [apiError(`Cannot read cluster ${clusterId(id.namespace, id.name)}`, cause)] };
  }
}

export async function importCluster(input: { id: string; api: ClusterApi; signal: AbortSignal }): Promise<ReadResult> {
  let target: { namespace: string; name: string };
  try {
    target = parseClusterId(input.id);
  } catch (cause) {
    return { state: null, issues: [apiError('Invalid import ID', cause)] };
  }
  try {
    const state = await observeModel(input.api, target.namespace, target.name, null, input.signal);
    if (state === null)
      return {
        state: null,
        issues: [error(null, 'Cluster not found', `No cluster ${input.id} exists: check the namespace and the name ("<namespace>/<name>").`, [])],
      };
    return { state, issues: [] };
  } catch (cause) {
    return { state: null, issues: [apiError(`Cannot import cluster ${input.id}`, cause)] };
  }
}
