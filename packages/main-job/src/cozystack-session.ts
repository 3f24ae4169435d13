// The Cozystack example (examples/terraform/*.tf): the provider on the tenant's Kubernetes API with
// Hikube Local's kubeconfig; `npm start -- --cozystack`.
import { createClient } from '@hikube/sdk/kubernetes';
import { renderCluster } from './cluster-report.js';
import { DEVELOPMENT_CLUSTER, PRODUCTION_CLUSTER, readClusterView, shortStatus } from './cluster-source.js';
import { MainJobError } from './main-job-errors.js';
import { exampleDir } from './repo-paths.js';
import type { WorkspaceSession } from './workspace-session.js';

export function openCozystackSession(kubeconfigPath: string): WorkspaceSession {
  const client = createClient({ kubeconfig: kubeconfigPath });
  return {
    name: 'cozystack',
    label: 'examples/terraform',
    exampleDir,
    terraformEnv: { KUBECONFIG: kubeconfigPath },
    failoverCluster: PRODUCTION_CLUSTER,
    async progress() {
      return (await Promise.all([PRODUCTION_CLUSTER, DEVELOPMENT_CLUSTER].map((name) => shortStatus(client, name)))).join(' · ');
    },
    // The provider waits for every instance (wait_for's default) before apply returns.
    settle: () => Promise.resolve(),
    async report(workdir, tool) {
      const lines: string[] = [];
      let rw = '';
      for (const name of [PRODUCTION_CLUSTER, DEVELOPMENT_CLUSTER]) {
        const view = await readClusterView(client, name);
        if (!view) throw new MainJobError('HIKUBE_MAIN_JOB_REPORT', `cluster ${name} is not on the server after apply; see ${workdir.dir}/apply.log`);
        lines.push(...renderCluster(view), '');
        if (name === PRODUCTION_CLUSTER && view.endpoints.rw) rw = `-h ${view.endpoints.rw.host} -p ${view.endpoints.rw.port}`;
      }
      lines.push(
        "Connect with psql (the password is read from the cluster's credentials Secret, never printed):",
        `  export KUBECONFIG=${kubeconfigPath}`,
        `  PGPASSWORD="$(kubectl get secret postgres-${PRODUCTION_CLUSTER}-credentials -o jsonpath='{.data.app}' | base64 -d)" psql ${rw} -U app shop`,
        `  or the URI from Terraform: TF_CLI_CONFIG_FILE=${workdir.cliConfig} ${tool.name} -chdir=${workdir.dir} output -raw orders_app_uri`,
      );
      return lines;
    },
    async failoverTarget() {
      const [credentials, endpoints] = await Promise.all([client.postgres.credentials(PRODUCTION_CLUSTER), client.postgres.endpoints(PRODUCTION_CLUSTER)]);
      const password = credentials['app'];
      if (password === undefined) throw new MainJobError('HIKUBE_MAIN_JOB_FAILOVER', `cluster ${PRODUCTION_CLUSTER} has no credentials for user app`);
      return {
        host: endpoints.rw.host,
        port: endpoints.rw.port,
        user: 'app',
        password,
        database: 'shop',
        label: `rw ${endpoints.rw.host}:${endpoints.rw.port}`,
      };
    },
    close: () => client.close(),
  };
}
