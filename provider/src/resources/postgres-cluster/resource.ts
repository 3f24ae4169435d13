// hikube_postgres_cluster on the plugin framework: converts values and delegates every decision
// to cluster-operations.
import { definitions, timeoutMs, unknown } from '@hikube/tfplugin';
import type { ProviderData } from '../../provider-data.js';
import { reportIssues, toFrameworkPath } from '../../report-issues.js';
import { checkConfig } from './config-rules.js';
import { createCluster, defaultTimeoutsMs, deleteCluster, importCluster, planCluster, planDestroy, readCluster, updateCluster } from './cluster-operations.js';
import type { PostgresClusterArgs } from './model.js';
import { error, withoutUnknownInputs } from './plan-issue.js';
import { postgresClusterSchema } from './schema.js';
import { argsFromTerraform, modelFromTerraform, modelToTerraform, planToTerraform, type TerraformPlan, type TerraformState } from './terraform-model.js';

const { resource } = definitions<ProviderData | undefined>();

const publicNotYet = error(null, 'Not on the public API yet', 'hikube_postgres_cluster does not speak the public API yet.', []);

const notConfigured = error(null, 'Provider not configured', 'The hikube provider has no usable configuration yet; see the provider diagnostics above.', []);

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
    if (data.backend !== 'kubernetes') return reportIssues(resp.diagnostics, [publicNotYet]);
    const { args: config, unknownAttributes } = argsFromTerraform(req.config);
    const prior = req.state === null ? null : modelFromTerraform(req.state);
    const result = await planCluster({ config, prior, unknownAttributes, providerNamespace: data.namespace, api: data.api, signal: req.signal });
    reportIssues(resp.diagnostics, result.issues);
    if (resp.diagnostics.hasErrors()) return;
    resp.plan = planToTerraform({ ...result.planned, ...result.computed }, result.unknownArgs, result.unknownComputed, req.config, unknown);
    resp.requiresReplace.push(...result.requiresReplace.map(toFrameworkPath));
  },

  async create(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    if (data.backend !== 'kubernetes') return reportIssues(resp.diagnostics, [publicNotYet]);
    const config = argsFromTerraform(req.config as TerraformState).args;
    const planned = argsFromTerraform(req.plan).args;
    const result = await createCluster({
      planned,
      writeOnlyPasswords: writeOnlyPasswords(config),
      timeoutMs: timeoutMs(config.timeouts, 'create', defaultTimeoutsMs.create),
      api: data.api,
      signal: req.signal,
      onProgress: (message) => req.logger.info(message),
    });
    reportIssues(resp.diagnostics, result.issues);
    // Null only when nothing was created; otherwise Terraform keeps (and on error taints) it.
    resp.state = (result.state === null ? null : modelToTerraform(result.state)) as never;
  },

  async read(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    if (data.backend !== 'kubernetes') return reportIssues(resp.diagnostics, [publicNotYet]);
    const result = await readCluster({ prior: modelFromTerraform(req.state), api: data.api, signal: req.signal });
    reportIssues(resp.diagnostics, result.issues);
    resp.state = result.state === null ? null : modelToTerraform(result.state);
  },

  async update(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    if (data.backend !== 'kubernetes') return reportIssues(resp.diagnostics, [publicNotYet]);
    const config = argsFromTerraform(req.config as TerraformState).args;
    const result = await updateCluster({
      prior: modelFromTerraform(req.state),
      planned: argsFromTerraform(req.plan).args,
      writeOnlyPasswords: writeOnlyPasswords(config),
      timeoutMs: timeoutMs(config.timeouts, 'update', defaultTimeoutsMs.update),
      api: data.api,
      signal: req.signal,
      onProgress: (message) => req.logger.info(message),
    });
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = modelToTerraform(result.state) as never;
  },

  async delete(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    if (data.backend !== 'kubernetes') return reportIssues(resp.diagnostics, [publicNotYet]);
    const prior = argsFromTerraform(req.state).args;
    reportIssues(resp.diagnostics, await deleteCluster({ prior, timeoutMs: timeoutMs(prior.timeouts, 'delete', defaultTimeoutsMs.delete), api: data.api, signal: req.signal }));
  },

  async importState(req, resp) {
    const data = req.providerData;
    if (data === undefined) return reportIssues(resp.diagnostics, [notConfigured]);
    if (data.backend !== 'kubernetes') return reportIssues(resp.diagnostics, [publicNotYet]);
    const result = await importCluster({ id: req.id, api: data.api, signal: req.signal });
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = modelToTerraform(result.state);
  },
});
