// End-to-end harness: Hikube Local (deterministic driver unless asked), the provider built from
// source into an executable, and Terraform workspaces that install it from a filesystem mirror.
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { startHikubeLocal, type DriverChoice, type ExtraPostgresField, type HikubeLocal } from '@hikube/local';
import { createTempDir, TerraformWorkspace, type TempDir } from '@hikube/testkit';
import { buildExecutable, packageRoot } from '../build/build-executable.js';

const providerVersion = '0.1.0';

export interface Harness {
  local: HikubeLocal;
  executable: string;
  dir: TempDir;
  /**
   * A workspace with `providerBlock` added, unless the files bring their own (`ownProviderBlock`).
   * `api: 'public'` configures the public API instead: endpoint, project and CA in the block, the
   * key only in the environment (HIKUBE_API_KEY), as a customer would keep it.
   */
  workspace(files: Record<string, string>, options?: { ownProviderBlock?: boolean; api?: 'kubernetes' | 'public' }): Promise<TerraformWorkspace>;
  stop(failed: boolean): Promise<void>;
}

/** `terraform { required_providers }` and a provider block reading Hikube Local's kubeconfig. */
const requiredProviders = `terraform {
  required_providers {
    hikube = {
      source  = "hikube/hikube"
      version = "${providerVersion}"
    }
  }
}
`;

function providerBlock(kubeconfigPath: string): string {
  return `${requiredProviders}
provider "hikube" {
  kubeconfig_path = ${JSON.stringify(kubeconfigPath)}
}
`;
}

/** `terraform { required_providers }` and a provider block for Hikube Local's public API (the key comes from the environment). */
function publicProviderBlock(local: HikubeLocal): string {
  return `${requiredProviders}
provider "hikube" {
  endpoint       = ${JSON.stringify(local.url)}
  project_id     = ${JSON.stringify(local.publicApi.project.id)}
  ca_certificate = ${JSON.stringify(join(local.dataDir, 'pki', 'ca.crt'))}
}
`;
}

export interface HarnessOptions {
  /** Emulate a platform whose Postgres schema has these fields too (Hikube Local's default is Cozystack v1.6.2). */
  extraPostgresFields?: readonly ExtraPostgresField[];
}

export async function startHarness(driver: DriverChoice = 'deterministic', options: HarnessOptions = {}): Promise<Harness> {
  const dir = await createTempDir('pe');
  // Short paths: PostgreSQL's socket path under the data dir is limited to 107 bytes.
  // The engine runs PostgreSQL as the unprivileged `postgres` user, which must reach its data dir.
  await chmod(dir.path, 0o755);
  const local = await startHikubeLocal({
    dataDir: join(dir.path, 'l'),
    port: 0,
    driver,
    ...(options.extraPostgresFields ? { extraPostgresFields: options.extraPostgresFields } : {}),
  });
  const executable = await buildExecutable(join(dir.path, 'bin'), join(packageRoot, 'src', 'main.ts'));
  const workspaces: TerraformWorkspace[] = [];
  return {
    local,
    executable,
    dir,
    async workspace(files, options = {}) {
      const publicApi = options.api === 'public';
      const block = publicApi ? publicProviderBlock(local) : providerBlock(local.kubeconfigPath);
      const workspace = await TerraformWorkspace.create({
        files: options.ownProviderBlock === true ? files : { 'provider.tf': block, ...files },
        ...(publicApi ? { env: { HIKUBE_API_KEY: local.publicApi.adminKey } } : {}),
        providers: [{ source: 'hikube/hikube', executable, install: 'filesystem-mirror', version: providerVersion }],
        direct: false,
        timeoutMs: 180_000,
      });
      workspaces.push(workspace);
      return workspace;
    },
    async stop(failed) {
      for (const workspace of workspaces) await workspace.dispose({ failed });
      await local.stop();
      await dir.remove({ failed });
    },
  };
}
