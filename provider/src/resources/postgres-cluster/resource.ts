// hikube_postgres_cluster on the plugin framework: converts values and delegates every decision
// to cluster-operations.
import { definitions, timeoutMs, unknown } from '@hikube/tfplugin';
import type { ProviderData, PublicProviderData } from '../../provider-data.js';
import { reportIssues, toFrameworkPath } from '../../report-issues.js';
import { checkConfig } from './config-rules.js';
import { createCluster, defaultTimeoutsMs, deleteCluster, importCluster, planCluster, planDestroy, readCluster, updateCluster } from './cluster-operations.js';
import type { PostgresClusterArgs } from './model.js';
import { error, withoutUnknownInputs } from './plan-issue.js';
import { createPublicCluster, deletePublicCluster, importPublicCluster, readPublicCluster, updatePublicCluster } from './public-cluster-operations.js';
import { planPublicCluster } from './public-cluster-plan.js';
import { postgresClusterSchema } from './schema.js';
import { argsFromTerraform, modelFromTerraform, modelToTerraform, planToTerraform, type TerraformPlan, type TerraformState } from './terraform-model.js';

const { resource } = definitions<ProviderData | undefined>();

const notConfigured = error(null, 'Provider not configured', 'The hikube provider has no usable configuration yet; see the provider diagnostics above.', []);

/** The presets catalog's names, read when a plan or an apply needs them. */
function presetNames(data: PublicProviderData, signal: AbortSignal): () => Promise<string[]> {
  return async () => (await data.postgres.presets({ signal })).map((preset) => preset.name);
}

function writeOnlyPasswords(config: PostgresClusterArgs): Record<string, string> {
  return Object.fromEntries(Object.entries(config.users ?? {}).flatMap(([name, user]) => (user.passwordWo === null ? [] : [[name, user.passwordWo]])));
}

export const postgresClusterResource = resource({
  schema: postgresClusterSchema,

  validateConfig(req, resp) {
    const { args, unknownAttributes } = argsFromTerraform(req.config as TerraformPlan);
    reportIssues(resp.diagnostics, withoutUnknownInputs(checkConfig(args), unknownAttributes));
  },

  async modifyPlan(req, resp) {
    if (req.config === null) {
      if (req.state !== null) reportIssues(resp.diagnostics, planDestroy(argsFromTerraform(req.state).args));
      return;
    }
    const data = req.providerData;
    if (data === undefined) return;
    const { args: config, unknownAttributes } = argsFromTerraform(req.config);
    const prior = req.state === null ? null : modelFromTerraform(req.state);
    const result =
      data.backend === 'public'
        ? await planPublicCluster({ config, prior, unknownAttributes, presets: presetNames(data, req.signal) })
        : await planCluster({ config, prior, unknownAttributes, providerNamespace: data.namespace, api: data.api, signal: req.signal });
    reportIssues(resp.diagnostics, result.issues);
    if (resp.diagnostics.hasErrors()) return;
    resp.plan = planToTerraform({ ...result.planned, ...result.computed }, result.unknownArgs, result.unknownComputed, req.config, unknown);
    resp.requiresReplace.push(...result.requiresReplace.map(toFrameworkPath));
  },

  async create(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    const config = argsFromTerraform(req.config as TerraformState).args;
    const planned = argsFromTerraform(req.plan).args;
    const timeout = timeoutMs(config.timeouts, 'create', defaultTimeoutsMs.create);
    const onProgress = (message: string) => req.logger.info(message);
    const result =
      data.backend === 'public'
        ? await createPublicCluster({
            planned,
            clusters: data.postgres.clusters,
            presets: presetNames(data, req.signal),
            timeoutMs: timeout,
            signal: req.signal,
            onProgress,
          })
        : await createCluster({
            planned,
            writeOnlyPasswords: writeOnlyPasswords(config),
            timeoutMs: timeout,
            api: data.api,
            signal: req.signal,
            onProgress,
          });
    reportIssues(resp.diagnostics, result.issues);
    // Null only when nothing was created; otherwise Terraform keeps (and on error taints) it.
    resp.state = (result.state === null ? null : modelToTerraform(result.state)) as never;
  },

  async read(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    const prior = modelFromTerraform(req.state);
    const result =
      data.backend === 'public'
        ? await readPublicCluster({ prior, clusters: data.postgres.clusters, signal: req.signal })
        : await readCluster({ prior, api: data.api, signal: req.signal });
    reportIssues(resp.diagnostics, result.issues);
    resp.state = result.state === null ? null : modelToTerraform(result.state);
  },

  async update(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    const config = argsFromTerraform(req.config as TerraformState).args;
    const prior = modelFromTerraform(req.state);
    const planned = argsFromTerraform(req.plan).args;
    const timeout = timeoutMs(config.timeouts, 'update', defaultTimeoutsMs.update);
    const onProgress = (message: string) => req.logger.info(message);
    const result =
      data.backend === 'public'
        ? await updatePublicCluster({
            prior,
            planned,
            clusters: data.postgres.clusters,
            presets: presetNames(data, req.signal),
            timeoutMs: timeout,
            signal: req.signal,
            onProgress,
          })
        : await updateCluster({
            prior,
            planned,
            writeOnlyPasswords: writeOnlyPasswords(config),
            timeoutMs: timeout,
            api: data.api,
            signal: req.signal,
            onProgress,
          });
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = modelToTerraform(result.state) as never;
  },

  async delete(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    const prior = argsFromTerraform(req.state).args;
    const timeout = timeoutMs(prior.timeouts, 'delete', defaultTimeoutsMs.delete);
    reportIssues(
      resp.diagnostics,
      data.backend === 'public'
        ? await deletePublicCluster({ prior, clusters: data.postgres.clusters, timeoutMs: timeout, signal: req.signal })
        : await deleteCluster({ prior, timeoutMs: timeout, api: data.api, signal: req.signal }),
    );
  },

  async importState(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    const result =
      data.backend === 'public'
        ? await importPublicCluster({ id: req.id, clusters: data.postgres.clusters, signal: req.signal })
        : await importCluster({ id: req.id, api: data.api, signal: req.signal });
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = modelToTerraform(result.state);
  },
});
