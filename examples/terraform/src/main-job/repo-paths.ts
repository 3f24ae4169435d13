// Where the main job finds what it runs. src/ and dist/ sit at the same depth, so one rule serves both.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const exampleDir = join(repoRoot, 'examples', 'terraform');
/** The directory dev_overrides points at: it holds `terraform-provider-hikube`. */
export const providerBinDir = join(repoRoot, 'provider', 'dist', 'bin');
export const hikubeLocalCli = join(repoRoot, 'packages', 'local', 'dist', 'cli', 'main.js');
