import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { createNodeLauncher, createTempDir, type TempDir } from '@hikube/testkit';
import { bundleProvider } from '../build/bundle-provider.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Bundles the example provider (from its TypeScript source) and writes an exec-node launcher. */
export async function buildExampleProvider(): Promise<{ dir: TempDir; bundle: string; executable: string }> {
  const dir = await createTempDir('tfplugin-example');
  const srcMain = join(here, '..', '..', 'src', 'proof', 'example-provider-main.ts');
  const bundle = join(dir.path, 'terraform-provider-example.cjs');
  await bundleProvider({ entry: srcMain, outFile: bundle });
  const executable = await createNodeLauncher({ dir: join(dir.path, 'bin'), script: bundle, name: 'terraform-provider-example' });
  return { dir, bundle, executable };
}

/** Steps that share one workspace and run in order; `failed()` tells dispose() to keep it for a look. */
export function recordingSteps(): { step: (name: string, fn: () => Promise<void>) => void; failed: () => boolean } {
  let failed = false;
  const step = (name: string, fn: () => Promise<void>): void => {
    it(name, async () => {
      try {
        await fn();
      } catch (err) {
        failed = true;
        throw err;
      }
    });
  };
  return { step, failed: () => failed };
}
