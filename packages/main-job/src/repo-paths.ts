// Where the main job finds what it runs in this repository: the examples it applies and the
// provider executable it points dev_overrides at. src/ and dist/ sit at the same depth.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The Cozystack (Kubernetes API) example: the .tf files at the top of examples/terraform. */
export const exampleDir = join(repoRoot, 'examples', 'terraform');
/** The public API example, what a Hikube customer has: npm start's default. */
export const publicExampleDir = join(exampleDir, 'public-api');
/** The directory dev_overrides points at: it holds `terraform-provider-hikube`. */
export const providerBinDir = join(repoRoot, 'provider', 'dist', 'bin');
