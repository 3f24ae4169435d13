// The framework side of a resource that lives inside a cluster (a database, a user), on either
// backend: every operation picks the backend's operations, converts the values and reports the
// issues; the resource brings its schema, its value reader, and per backend its operations and
// plan checks.
import type { PostgresApi } from '@hikube/sdk/public';
import { definitions, type ModifyPlanRequest, type ModifyPlanResponse, type ResourceDefinition, type SchemaDef } from '@hikube/tfplugin';
import type { KubernetesProviderData, ProviderData, PublicProviderData } from '../../provider-data.js';
import { reportIssues } from '../../report-issues.js';
import type { KubernetesChildContext } from '../kubernetes-children/cluster-entry-patch.js';
import { error, type PlanIssue } from '../postgres-cluster/plan-issue.js';
import type { PostgresObject } from '../postgres-cluster/postgres-spec.js';
import { messageOf, notConfigured } from './public-only.js';

export interface ChildResult<V> {
  state: V | null;
  issues: PlanIssue[];
}

/** The operations of one backend; `C` is what they work through. */
export interface ChildOperations<C, V> {
  create(client: C, planned: V, signal: AbortSignal): Promise<ChildResult<V>>;
  read(client: C, prior: V, signal: AbortSignal): Promise<ChildResult<V>>;
  update(client: C, prior: V, planned: V, signal: AbortSignal): Promise<ChildResult<V>>;
  delete(client: C, prior: V, signal: AbortSignal): Promise<PlanIssue[]>;
  importState(client: C, id: string, signal: AbortSignal): Promise<ChildResult<V>>;
}

export interface ChildResourceSpec<S extends SchemaDef, V> extends ChildOperations<PostgresApi, V> {
  typeName: string;
  schema: S;
  /** Reads framework values (config, plan or state) into the resource's values. */
  values(raw: unknown): V;
  /** Public API plan checks; may adjust `resp.plan`. Never runs on destroy. */
  plan(data: PublicProviderData, req: ModifyPlanRequest<S, ProviderData | undefined>, resp: ModifyPlanResponse<S>): Promise<void>;
  kubernetes: ChildOperations<KubernetesChildContext, V> & {
    /** Kubernetes API plan checks; `object` is the cluster as it stands (null: not there yet, or its name is unknown). */
    plan(object: PostgresObject | null, req: ModifyPlanRequest<S, ProviderData | undefined>, resp: ModifyPlanResponse<S>): Promise<void>;
  };
}

const { resource } = definitions<ProviderData | undefined>();

type Backend<V> =
  | { kind: 'public'; data: PublicProviderData; ops: ChildOperations<PostgresApi, V>; client: PostgresApi }
  | { kind: 'kubernetes'; ops: ChildOperations<KubernetesChildContext, V>; client: KubernetesChildContext };

function kubernetesContext(data: KubernetesProviderData, signal: AbortSignal, log: (message: string) => void): KubernetesChildContext | PlanIssue {
  if (data.namespace === null)
    return error(
      null,
      'No namespace',
      "Set the provider's namespace (or use a kubeconfig context that names one): users and databases live in their cluster's namespace.",
      [],
    );
  return { api: data.api, namespace: data.namespace, signal, onProgress: log };
}

export function childResource<S extends SchemaDef, V>(spec: ChildResourceSpec<S, V>): ResourceDefinition<S, ProviderData | undefined> {
  const toState = (state: V) => state as never;
  function backend(data: ProviderData | undefined, signal: AbortSignal, log: (message: string) => void): Backend<V> | PlanIssue {
    if (data === undefined) return notConfigured;
    if (data.backend === 'public') return { kind: 'public', data, ops: spec, client: data.postgres };
    const context = kubernetesContext(data, signal, log);
    return 'severity' in context ? context : { kind: 'kubernetes', ops: spec.kubernetes, client: context };
  }
  // Each call pairs a backend's operations with its own client.
  const call = <R>(chosen: Backend<V>, run: <C>(ops: ChildOperations<C, V>, client: C) => Promise<R>): Promise<R> =>
    chosen.kind === 'public' ? run(chosen.ops, chosen.client) : run(chosen.ops, chosen.client);

  return resource({
    schema: spec.schema,

    async modifyPlan(req, resp) {
      if (req.config === null || req.providerData === undefined) return;
      const chosen = backend(req.providerData, req.signal, () => undefined);
      if ('severity' in chosen) return reportIssues(resp.diagnostics, [chosen]);
      if (chosen.kind === 'public') return spec.plan(chosen.data, req, resp);
      const cluster = (req.config as Record<string, unknown>)['cluster'];
      let object: PostgresObject | null = null;
      if (typeof cluster === 'string') {
        try {
          object = await chosen.client.api.get(chosen.client.namespace, cluster, req.signal);
        } catch (cause) {
          return reportIssues(resp.diagnostics, [error(null, `Cannot read cluster ${chosen.client.namespace}/${cluster}`, messageOf(cause), [])]);
        }
      }
      await spec.kubernetes.plan(object, req, resp);
    },

    async create(req, resp) {
      const chosen = backend(req.providerData, req.signal, (message) => req.logger.info(message));
      if ('severity' in chosen) return reportIssues(resp.diagnostics, [chosen]);
      const result = await call(chosen, (ops, client) => ops.create(client, spec.values(req.plan), req.signal));
      reportIssues(resp.diagnostics, result.issues);
      // Null only when nothing was created.
      resp.state = result.state === null ? (null as never) : toState(result.state);
    },

    async read(req, resp) {
      const chosen = backend(req.providerData, req.signal, (message) => req.logger.info(message));
      if ('severity' in chosen) return reportIssues(resp.diagnostics, [chosen]);
      const result = await call(chosen, (ops, client) => ops.read(client, spec.values(req.state), req.signal));
      reportIssues(resp.diagnostics, result.issues);
      resp.state = result.state === null ? null : toState(result.state);
    },

    async update(req, resp) {
      const chosen = backend(req.providerData, req.signal, (message) => req.logger.info(message));
      if ('severity' in chosen) return reportIssues(resp.diagnostics, [chosen]);
      const result = await call(chosen, (ops, client) => ops.update(client, spec.values(req.state), spec.values(req.plan), req.signal));
      reportIssues(resp.diagnostics, result.issues);
      if (result.state !== null) resp.state = toState(result.state);
    },

    async delete(req, resp) {
      const chosen = backend(req.providerData, req.signal, (message) => req.logger.info(message));
      if ('severity' in chosen) return reportIssues(resp.diagnostics, [chosen]);
      reportIssues(resp.diagnostics, await call(chosen, (ops, client) => ops.delete(client, spec.values(req.state), req.signal)));
    },

    async importState(req, resp) {
      const chosen = backend(req.providerData, req.signal, (message) => req.logger.info(message));
      if ('severity' in chosen) return reportIssues(resp.diagnostics, [chosen]);
      const result = await call(chosen, (ops, client) => ops.importState(client, req.id, req.signal));
      reportIssues(resp.diagnostics, result.issues);
      if (result.state !== null) resp.state = toState(result.state);
    },
  });
}
