// Test support: a synthesized stack in a Terraform workspace against its own Hikube Local, with
// the provider installed from a filesystem mirror so `terraform init` works offline. Hikube Local
// runs its deterministic driver unless HIKUBE_EXAMPLE_DRIVER=engine (real PostgreSQL).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startHikubeLocal, type HikubeLocal } from '@hikube/local';
import { createTempDir, TerraformWorkspace, type TempDir } from '@hikube/testkit';
import { findProviderBuild } from './provider-executable.js';

export interface StackOnLocal {
  workspace: TerraformWorkspace;
  /** Destroys what the stack made, then stops Hikube Local; keeps the files when `failed` (HIKUBE_KEEP_TMP=1). */
  close(failed: boolean): Promise<void>;
}

/** `synthesize` runs the app in the directory it is given and returns the stack's cdk.tf.json text. */
export async function stackOnLocal(prefix: string, synthesize: (appDir: string) => Promise<string>): Promise<StackOnLocal> {
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
      env: { HIKUBE_KUBECONFIG: local.kubeconfigPath },
      timeoutMs: 300_000,
    });
    const started = local;
    return {
      workspace,
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
