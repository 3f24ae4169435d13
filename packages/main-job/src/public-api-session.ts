// The public API example (examples/terraform/public-api): what a Hikube customer has, a project key.
// The provider and the report read Hikube Local's DIR/hikube.env, as `source DIR/hikube.env` would.
import { readFile } from 'node:fs/promises';
import { createPublicClient, PublicNotFoundError } from '@hikube/sdk';
import { readPublicApiEnv } from './hikube-env-file.js';
import { MainJobError } from './main-job-errors.js';
import { hostAndPort, psqlCommand, renderPublicCluster } from './public-cluster-report.js';
import { publicExampleDir } from './repo-paths.js';
import type { WorkspaceSession } from './workspace-session.js';

/** What examples/terraform/public-api creates (store.tf) and outputs (outputs.tf). */
const PUBLIC_CLUSTER = 'store';
const PUBLIC_DATABASE = 'shop';
const PUBLIC_USER = 'app';
const PASSWORD_OUTPUT = 'app_password';
const SETTLE_TIMEOUT_MS = 180_000;

export async function openPublicApiSession(dataDir: string): Promise<WorkspaceSession> {
  const env = await readPublicApiEnv(dataDir);
  const api = createPublicClient({ env, timeoutMs: 10_000 });
  const cluster = () => api.postgres.clusters.get(PUBLIC_CLUSTER);
  const address = async () => {
    const current = await cluster();
    if (current.host === '')
      throw new MainJobError(
        'HIKUBE_MAIN_JOB_REPORT',
        `cluster ${PUBLIC_CLUSTER} has no external address (status ${current.status}); see ${dataDir}/hikube-local.log`,
      );
    return hostAndPort(current.host);
  };
  return {
    name: 'public-api',
    label: 'examples/terraform/public-api',
    exampleDir: publicExampleDir,
    terraformEnv: env,
    failoverCluster: PUBLIC_CLUSTER,
    async progress() {
      try {
        return `${PUBLIC_CLUSTER} ${(await cluster()).status || 'accepted'}`;
      } catch (err) {
        return err instanceof PublicNotFoundError ? `${PUBLIC_CLUSTER} not created yet` : `${PUBLIC_CLUSTER} ?`;
      }
    },
    // Creating the database and the user makes the cluster reconcile again after its own wait.
    async settle() {
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      for (;;) {
        const current = await cluster();
        if (current.status === 'ready') return;
        if (current.status === 'error' || Date.now() > deadline) {
          throw new MainJobError(
            'HIKUBE_MAIN_JOB_REPORT',
            `cluster ${PUBLIC_CLUSTER} is ${current.status || 'without status'} ` +
              `${current.status === 'error' ? '' : `after ${SETTLE_TIMEOUT_MS / 1000} s `}after apply; ` +
              `see ${dataDir}/hikube-local.log`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    async report(workdir, tool) {
      const { host, port } = await address();
      const passwordCommand = `TF_CLI_CONFIG_FILE=${workdir.cliConfig} ${tool.name} -chdir=${workdir.dir} output -raw ${PASSWORD_OUTPUT}`;
      return [
        ...renderPublicCluster(await cluster()),
        '',
        'Connect with psql (the password is read from the Terraform state, never printed):',
        `  ${psqlCommand({ host, port, user: PUBLIC_USER, database: PUBLIC_DATABASE, passwordCommand })}`,
        `  to verify the server too: sslmode=verify-full sslrootcert=${env.HIKUBE_CA_CERT}`,
        `The project's API key and ID are in ${dataDir}/hikube.env: source it for curl, the SDK or your own terraform runs.`,
      ];
    },
    async failoverTarget(workdir) {
      const { host, port } = await address();
      const password = await workdir.outputRaw(PASSWORD_OUTPUT);
      return {
        host,
        port,
        user: PUBLIC_USER,
        password,
        database: PUBLIC_DATABASE,
        ca: await readFile(env.HIKUBE_CA_CERT, 'utf8'),
        label: `host ${host}:${port} (TLS)`,
      };
    },
    close: () => api.close(),
  };
}
