// Test support: a synthesized stack in a Terraform workspace against its own Hikube Local, with
// the provider installed from a filesystem mirror so `terraform init` works offline. Hikube Local
// runs its deterministic driver unless HIKUBE_EXAMPLE_DRIVER=engine (real PostgreSQL). The provider
// reaches the Cozystack Kubernetes API or, as a customer who sourced DIR/hikube.env, the public API.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readHikubeEnv, startHikubeLocal, type HikubeLocal } from '@hikube/local';
import { createTempDir, TerraformWorkspace, type TempDir } from '@hikube/testkit';
import { findProviderBuild } from './provider-executable.js';

export interface StackOnLocal {
  workspace: TerraformWorkspace;
  local: HikubeLocal;
  /** Destroys what the stack made, then stops Hikube Local; keeps the files when `failed` (HIKUBE_KEEP_TMP=1). */
  close(failed: boolean): Promise<void>;
}

/** The provider's settings for Hikube's public API, as `source DIR/hikube.env` exports them. */
const PUBLIC_API_VARIABLES = ['HIKUBE_API', 'HIKUBE_CA_CERT', 'HIKUBE_PROJECT_ID', 'HIKUBE_API_KEY'] as const;

function publicApiEnv(dataDir: string): Record<string, string> {
  const variables = readHikubeEnv(dataDir) ?? {};
  const missing = PUBLIC_API_VARIABLES.filter((name) => !variables[name]);
  if (missing.length > 0) throw new Error(`${dataDir}/hikube.env has no ${missing.join(', ')}`);
  return Object.fromEntries(PUBLIC_API_VARIABLES.map((name) => [name, variables[name] ?? '']));
}

/**
 * `synthesize` runs the app in the directory it is given and returns the stack's cdk.tf.json text;
 * `api` says which of Hikube Local's fronts the provider is given (the Kubernetes API by default).
 */
export async function stackOnLocal(
  prefix: string,
  synthesize: (appDir: string) => Promise<string>,
  api: 'kubernetes' | 'public' = 'kubernetes',
): Promise<StackOnLocal> {
  const temp: TempDir = await createTempDir(prefix);
  let local: HikubeLocal | undefined;
  try {
    const driver = process.env['HIKUBE_EXAMPLE_DRIVER'] === 'engine' ? 'engine' : 'deterministic';
    local = await startHikubeLocal({ dataDir: join(temp.path, 'local'), port: 0, driver });
    const appDir = join(temp.path, 'app');
    await mkdir(appDir);
    const stackJson = await synthesize(appDir);
    const { executable, version } = await findProviderBuild();
    const workspace = await TerraformWorkspace.create({
      files: { 'cdk.tf.json': stackJson },
      providers: [{ source: 'hikube/hikube', executable, install: 'filesystem-mirror', version }],
      direct: false,
      env: api === 'public' ? publicApiEnv(local.dataDir) : { HIKUBE_KUBECONFIG: local.kubeconfigPath },
      timeoutMs: 300_000,
    });
    const started = local;
    return {
      workspace,
      local: started,
      async close(failed) {
        await workspace.destroy({ check: false });
        await workspace.dispose({ failed });
        await started.stop();
        await temp.remove({ failed });
      },
    };
  } catch (error) {
    await local?.stop();
    await temp.remove();
    throw error;
  }
}
