// Builds the provider executable: one minified CommonJS bundle with a `#!/usr/bin/env node` line,
// named as Terraform looks it up (dev_overrides and filesystem mirrors): terraform-provider-hikube.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleProvider } from '@hikube/tfplugin/build';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const executableName = 'terraform-provider-hikube';

/**
 * Builds `<outDir>/terraform-provider-hikube` and returns its path. The entry defaults to the
 * compiled main; tests pass the TypeScript source so they always run the code under test.
 */
export async function buildExecutable(outDir = join(packageRoot, 'dist', 'bin'), entry = join(packageRoot, 'dist', 'main.js')): Promise<string> {
  const outFile = join(outDir, executableName);
  await mkdir(outDir, { recursive: true });
  await bundleProvider({ entry, outFile });
  // The bundle is CommonJS without an extension: say so, or this package's "type": "module" wins.
  await writeFile(join(outDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
  return outFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outFile = await buildExecutable(process.argv[2]);
  process.stdout.write(`${outFile}\n`);
}
