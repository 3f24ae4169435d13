// The framework side of a resource that lives inside a cluster on the public API (a database, a
// user): every operation checks the API, converts the values and reports the issues; the
// resource brings its schema, its value reader, its operations and its plan checks.
import type { PostgresApi } from '@hikube/sdk/public';
import { definitions, type ModifyPlanRequest, type ModifyPlanResponse, type ResourceDefinition, type SchemaDef } from '@hikube/tfplugin';
import type { ProviderData, PublicProviderData } from '../../provider-data.js';
import { reportIssues } from '../../report-issues.js';
import type { PlanIssue } from '../postgres-cluster/plan-issue.js';
import { inlineInstead, publicData } from './public-only.js';

export interface ChildResult<V> {
  state: V | null;
  issues: PlanIssue[];
}

export interface ChildResourceSpec<S extends SchemaDef, V> {
  typeName: string;
  /** The cluster's inline map that serves on the Kubernetes API instead. */
  inline: 'users' | 'databases';
  schema: S;
  /** Reads framework values (config, plan or state) into the resource's values. */
  values(raw: unknown): V;
  /** Plan checks; may adjust `resp.plan`. Runs only on the public API, never on destroy. */
  plan(data: PublicProviderData, req: ModifyPlanRequest<S, ProviderData | undefined>, resp: ModifyPlanResponse<S>): Promise<void>;
  create(postgres: PostgresApi, planned: V, signal: AbortSignal): Promise<ChildResult<V>>;
  read(postgres: PostgresApi, prior: V, signal: AbortSignal): Promise<ChildResult<V>>;
  update(postgres: PostgresApi, prior: V, planned: V, signal: AbortSignal): Promise<ChildResult<V>>;
  delete(postgres: PostgresApi, prior: V, signal: AbortSignal): Promise<PlanIssue[]>;
  importState(postgres: PostgresApi, id: string, signal: AbortSignal): Promise<ChildResult<V>>;
}

const { resource } = definitions<ProviderData | undefined>();

export function childResource<S extends SchemaDef, V>(spec: ChildResourceSpec<S, V>): ResourceDefinition<S, ProviderData | undefined> {
  const instead = inlineInstead(spec.inline);
  const toState = (state: V) => state as never;
  return resource({
    schema: spec.schema,

    async modifyPlan(req, resp) {
      if (req.config === null || req.providerData === undefined) return;
      const data = publicData(req.providerData, spec.typeName, instead);
      if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
      await spec.plan(data, req, resp);
    },

    async create(req, resp) {
      const data = publicData(req.providerData, spec.typeName, instead);
      if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
      const result = await spec.create(data.postgres, spec.values(req.plan), req.signal);
      reportIssues(resp.diagnostics, result.issues);
      // Null only when nothing was created.
      resp.state = result.state === null ? (null as never) : toState(result.state);
    },

    async read(req, resp) {
      const data = publicData(req.providerData, spec.typeName, instead);
      if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
      const result = await spec.read(data.postgres, spec.values(req.state), req.signal);
      reportIssues(resp.diagnostics, result.issues);
      resp.state = result.state === null ? null : toState(result.state);
    },

    async update(req, resp) {
      const data = publicData(req.providerData, spec.typeName, instead);
      if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
      const result = await spec.update(data.postgres, spec.values(req.state), spec.values(req.plan), req.signal);
      reportIssues(resp.diagnostics, result.issues);
      if (result.state !== null) resp.state = toState(result.state);
    },

    async delete(req, resp) {
      const data = publicData(req.providerData, spec.typeName, instead);
      if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
      reportIssues(resp.diagnostics, await spec.delete(data.postgres, spec.values(req.state), req.signal));
    },

    async importState(req, resp) {
      const data = publicData(req.providerData, spec.typeName, instead);
      if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
      const result = await spec.importState(data.postgres, req.id, req.signal);
      reportIssues(resp.diagnostics, result.issues);
      if (result.state !== null) resp.state = toState(result.state);
    },
  });
}
