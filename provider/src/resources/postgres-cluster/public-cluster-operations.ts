// The life cycle of one cluster on Hikube's public API: create, read, update, delete and import
// through the SDK's clusters client. Every update goes through the SDK's complete update (it reads
// the cluster and sends the whole configuration), so the API's replace-on-PATCH never resets what
// the plan did not mention. Outcomes are a model plus issues; nothing throws to the caller.
import { PublicNotFoundError, type ClusterChange, type ClustersApi } from '@hikube/sdk/public';
import { canonicalPreset } from '../../normalize/preset-names.js';
import { computedOf, type PostgresClusterArgs, type PostgresClusterModel } from './model.js';
import { error, type PlanIssue } from './plan-issue.js';
import { createBody, maxConnectionsOf, modelFromCluster, quorumOf, sizeFromQuantity } from './public-cluster-mapping.js';
import { planPublicDestroy, platformChanged } from './public-cluster-plan.js';

export interface PublicApplyInput {
  planned: PostgresClusterArgs;
  clusters: ClustersApi;
  /** The presets catalog's names, to send the catalog's spelling of a preset alias. */
  presets: () => Promise<string[]>;
  timeoutMs: number;
  signal: AbortSignal;
  onProgress: (message: string) => void;
}

export interface PublicResult {
  state: PostgresClusterModel | null;
  issues: PlanIssue[];
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** The catalog's spelling of the planned preset (`t1.micro` is sent as `micro` when the catalog says so). */
async function presetToSend(planned: PostgresClusterArgs, presets: () => Promise<string[]>): Promise<string | null> {
  if (planned.resourcesPreset === null) return null;
  const wanted = canonicalPreset(planned.resourcesPreset);
  const catalog = await presets().catch(() => [] as string[]);
  return catalog.find((name) => canonicalPreset(name) === wanted) ?? planned.resourcesPreset;
}

async function waitAndRead(input: PublicApplyInput, name: string, verb: string): Promise<PublicResult> {
  const issues: PlanIssue[] = [];
  try {
    await input.clusters.waitUntilReady(name, {
      timeoutMs: input.timeoutMs,
      signal: input.signal,
      onStatus: (status) => input.onProgress(`cluster ${name}: status ${status || '(none)'}`),
    });
  } catch (cause) {
    // The cluster exists: keep it in state (Terraform taints a failed create) and say why.
    issues.push(error(null, `Cluster ${name} ${verb} but is not ready`, messageOf(cause), []));
  }
  try {
    return { state: modelFromCluster(await input.clusters.get(name, { signal: input.signal }), input.planned), issues };
  } catch (cause) {
    if (cause instanceof PublicNotFoundError)
      return { state: null, issues: [...issues, error(null, 'Cluster disappeared', `Cluster ${name} was deleted while Terraform waited for it.`, [])] };
    return { state: null, issues: [...issues, error(null, `Cannot read cluster ${name}`, messageOf(cause), [])] };
  }
}

export async function createPublicCluster(input: PublicApplyInput): Promise<PublicResult> {
  const name = input.planned.name;
  if (name === null) return { state: null, issues: [error(null, 'Cluster name unknown', 'name must be known before apply.', [])] };
  try {
    const body = createBody(input.planned, await presetToSend(input.planned, input.presets));
    await input.clusters.create(body as never, { signal: input.signal });
  } catch (cause) {
    return { state: null, issues: [error(null, `Cannot create cluster ${name}`, messageOf(cause), [])] };
  }
  input.onProgress(`created cluster ${name}; waiting for status ready`);
  return waitAndRead(input, name, 'was created');
}

/** The complete configuration the plan stands for; the SDK fills in nothing else. */
async function changeFor(planned: PostgresClusterArgs, presets: () => Promise<string[]>): Promise<ClusterChange> {
  const change: ClusterChange = {};
  if (planned.version !== null) change.version = planned.version as NonNullable<ClusterChange['version']>;
  if (planned.replicas !== null) change.replicas = planned.replicas;
  if (planned.external !== null) change.external = planned.external;
  const size = planned.storageSize === null ? null : sizeFromQuantity(planned.storageSize);
  if (size !== null) change.size = size;
  const preset = await presetToSend(planned, presets);
  if (preset !== null) change.preset = preset;
  const maxConnections = maxConnectionsOf(planned);
  if (maxConnections !== null) change.config = { maxConnections };
  const quorum = quorumOf(planned);
  if (quorum !== null) change.quorum = quorum;
  return change;
}

export async function updatePublicCluster(input: PublicApplyInput & { prior: PostgresClusterModel }): Promise<PublicResult> {
  const name = input.prior.name;
  if (name === null) return { state: input.prior, issues: [error(null, 'Cluster name unknown', 'The state has no cluster name.', [])] };
  if (!platformChanged(input.prior, input.planned)) {
    // Only Terraform-side settings changed (deletion_protection, timeouts...): nothing to send.
    return { state: { ...input.planned, ...computedOf(input.prior) }, issues: [] };
  }
  try {
    await input.clusters.update(name, await changeFor(input.planned, input.presets), { signal: input.signal });
  } catch (cause) {
    return { state: input.prior, issues: [error(null, `Cannot update cluster ${name}`, messageOf(cause), [])] };
  }
  input.onProgress(`updated cluster ${name}; waiting for status ready`);
  const result = await waitAndRead(input, name, 'was updated');
  return { state: result.state ?? input.prior, issues: result.issues };
}

export async function deletePublicCluster(input: {
  prior: PostgresClusterArgs;
  clusters: ClustersApi;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<PlanIssue[]> {
  const refused = planPublicDestroy(input.prior);
  if (refused.length > 0) return refused;
  const name = input.prior.name;
  if (name === null) return [];
  try {
    await input.clusters.delete(name, { signal: input.signal });
    await input.clusters.waitUntilDeleted(name, { timeoutMs: input.timeoutMs, signal: input.signal });
    return [];
  } catch (cause) {
    if (cause instanceof PublicNotFoundError) return [];
    return [error(null, `Cannot delete cluster ${name}`, messageOf(cause), [])];
  }
}

/** Null state when the cluster is gone: Terraform then plans to create it again. */
export async function readPublicCluster(input: { prior: PostgresClusterModel; clusters: ClustersApi; signal: AbortSignal }): Promise<PublicResult> {
  const name = input.prior.name;
  if (name === null) return { state: input.prior, issues: [] };
  try {
    return { state: modelFromCluster(await input.clusters.get(name, { signal: input.signal }), input.prior), issues: [] };
  } catch (cause) {
    if (cause instanceof PublicNotFoundError) return { state: null, issues: [] };
    return { state: input.prior, issues: [error(null, `Cannot read cluster ${name}`, messageOf(cause), [])] };
  }
}

/** Import by the cluster's name. */
export async function importPublicCluster(input: { id: string; clusters: ClustersApi; signal: AbortSignal }): Promise<PublicResult> {
  if (input.id.includes('/')) {
    return {
      state: null,
      issues: [error(null, 'Invalid import ID', `On Hikube's public API a cluster is imported by its name alone (e.g. "orders"), not "${input.id}".`, [])],
    };
  }
  try {
    return { state: modelFromCluster(await input.clusters.get(input.id, { signal: input.signal }), null), issues: [] };
  } catch (cause) {
    if (cause instanceof PublicNotFoundError)
      return { state: null, issues: [error(null, 'Cluster not found', `No cluster "${input.id}" exists in this project: check the name.`, [])] };
    return { state: null, issues: [error(null, `Cannot import cluster ${input.id}`, messageOf(cause), [])] };
  }
}
