// `@hikube/local/testing`: Hikube Local started inside a test, with the test kit's temp dirs and
// kubectl runner. It lives here, not in the test kit, so the kit stays below Hikube Local.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

import { createTempDir, Kubectl, TestkitInputError, type KubectlOptions } from '@hikube/testkit';

import { startHikubeLocal, type HikubeLocal, type StartOptions, type TenantCredentials } from '../server/start-hikube-local.js';

export interface LaunchHikubeLocalOptions {
  /**
   * `deterministic` (default: objects become Ready without processes, fast) or `engine` (real
   * PostgreSQL clusters), or a Reconciler of the test's own.
   */
  driver?: StartOptions['driver'];
  /** Tenants (namespaces with their own token) besides `tenant-demo`. */
  tenants?: string[];
  /** Kubernetes version reported on /version (gcloud's kubectl dispatcher picks kubectl from it). */
  version?: StartOptions['version'];
  /** Diagnostics sink; default a `hikube-local.log` file kept with the data dir on failure. */
  log?: (line: string) => void;
}

export interface LaunchedHikubeLocal {
  /** `https://127.0.0.1:<port>`. */
  readonly url: string;
  /** Kubeconfig with one context per tenant (current: `tenant-demo`) and an admin context. */
  readonly kubeconfigPath: string;
  readonly adminToken: string;
  /** PEM of the CA that signed the server certificate. */
  readonly caCertPem: string;
  readonly dataDir: string;
  readonly tenants: readonly TenantCredentials[];
  /** The running server: `idle()`, `requestCount()`, `siteOperation()`. */
  readonly server: HikubeLocal;
  /** Credentials of one tenant; throws naming the known tenants. */
  tenant(name?: string): TenantCredentials;
  /** Name of the kubeconfig context of a tenant, or `admin`. */
  context(tenant?: string): string;
  /** A kubectl runner on this server's kubeconfig, stopped with the server. */
  kubectl(options?: Omit<KubectlOptions, 'kubeconfig'>): Promise<Kubectl>;
  /** Stops the server and deletes its data dir (kept on failure with HIKUBE_KEEP_TMP=1). */
  stop(options?: { failed?: boolean }): Promise<{ kept: boolean }>;
}

const DEFAULT_TENANT = 'tenant-demo';
// Matches the context names in the kubeconfig Hikube Local writes.
const CONTEXT_PREFIX = 'hikube-local-';

/**
 * Starts Hikube Local in this process for one test: fresh data dir under os.tmpdir(), a random
 * free port on 127.0.0.1, the deterministic driver unless told otherwise.
 */
export async function launchHikubeLocal(options: LaunchHikubeLocalOptions = {}): Promise<LaunchedHikubeLocal> {
  for (const [index, tenant] of (options.tenants ?? []).entries()) {
    if (!/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(tenant)) {
      throw new TestkitInputError(`tenants[${index}]`, `"${tenant}" must be a DNS label (lowercase letters, digits, dashes)`);
    }
  }
  const temp = await createTempDir('local');
  let logStream: ReturnType<typeof createWriteStream> | undefined;
  let log = options.log;
  if (log === undefined) {
    const stream = createWriteStream(join(temp.path, 'hikube-local.log'));
    logStream = stream;
    log = (line) => {
      stream.write(`${line}\n`);
    };
  }
  const closeLog = (): Promise<void> =>
    new Promise((resolve) => {
      if (logStream === undefined) resolve();
      else logStream.end(() => resolve());
    });

  let server: HikubeLocal;
  try {
    server = await startHikubeLocal({
      dataDir: join(temp.path, 'data'),
      port: 0,
      driver: options.driver ?? 'deterministic',
      log,
      ...(options.tenants === undefined ? {} : { tenants: options.tenants }),
      ...(options.version === undefined ? {} : { version: options.version }),
    });
  } catch (error) {
    await closeLog();
    await temp.remove({ failed: true });
    throw error;
  }

  const runners: Kubectl[] = [];
  const tenant = (name = DEFAULT_TENANT): TenantCredentials => {
    const found = server.tenants.find((candidate) => candidate.name === name);
    if (found === undefined) {
      throw new TestkitInputError(
        'tenant',
        `"${name}" is not a tenant of this Hikube Local; it has ${server.tenants.map((t) => t.name).join(', ')} (add more with the tenants option)`,
      );
    }
    return found;
  };
  let stopped: Promise<{ kept: boolean }> | undefined;

  return {
    url: server.url,
    kubeconfigPath: server.kubeconfigPath,
    adminToken: server.adminToken,
    caCertPem: server.caCertPem,
    dataDir: server.dataDir,
    tenants: server.tenants,
    server,
    tenant,
    context: (name = DEFAULT_TENANT) => (name === 'admin' ? `${CONTEXT_PREFIX}admin` : `${CONTEXT_PREFIX}${tenant(name).name}`),
    kubectl: async (kubectlOptions = {}) => {
      const runner = await Kubectl.create({ ...kubectlOptions, kubeconfig: server.kubeconfigPath });
      runners.push(runner);
      return runner;
    },
    stop: (stopOptions = {}) =>
      (stopped ??= (async () => {
        try {
          await Promise.all(runners.map((runner) => runner.dispose()));
          await server.stop();
        } finally {
          await closeLog();
        }
        return temp.remove(stopOptions);
      })()),
  };
}
