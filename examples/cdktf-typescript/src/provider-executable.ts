// Test support: the provider executable and version the `terraform-provider-hikube` package declares.
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = 'terraform-provider-hikube';

export interface ProviderBuild {
  executable: string;
  version: string;
}

/** Its exports map hides package.json from require.resolve, so the lookup paths are walked. */
export async function findProviderBuild(): Promise<ProviderBuild> {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths(PACKAGE) ?? []) {
    const manifestPath = join(dir, PACKAGE, 'package.json');
    try {
      await access(manifestPath);
    } catch {
      continue;
    }
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string; bin?: Record<string, string> };
    const bin = manifest.bin?.[PACKAGE];
    if (bin) return { executable: join(dirname(manifestPath), bin), version: manifest.version };
  }
  throw new Error(`${PACKAGE} is not installed with a "bin": run \`npm ci\`, then \`npm run build -w ${PACKAGE}\``);
}
