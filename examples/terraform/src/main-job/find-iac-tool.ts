import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { MainJobError } from './main-job-errors.js';

export interface IacTool {
  /** `terraform` or `tofu`: both read the same HCL, CLI configuration and dev_overrides. */
  name: 'terraform' | 'tofu';
  path: string;
}

export const IAC_TOOL_MISSING_MESSAGE = [
  'npm start needs Terraform (1.6 or newer) or OpenTofu on PATH, and neither `terraform` nor `tofu` was found.',
  'Install one, then run npm start again:',
  '  Terraform: https://developer.hashicorp.com/terraform/install (Debian/Ubuntu: HashiCorp\'s apt repository, `apt-get install terraform`)',
  '  OpenTofu:  https://opentofu.org/docs/intro/install/ (a single binary; `tofu` on PATH is enough)',
].join('\n');

async function executableIn(dirs: readonly string[], name: string): Promise<string | undefined> {
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (await access(candidate, constants.X_OK).then(() => true, () => false)) return candidate;
  }
  return undefined;
}

/** `terraform` first (what the provider is tested with), then `tofu`. */
export async function findIacTool(pathEnv: string | undefined): Promise<IacTool> {
  const dirs = (pathEnv ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of ['terraform', 'tofu'] as const) {
    const path = await executableIn(dirs, name);
    if (path !== undefined) return { name, path };
  }
  throw new MainJobError('HIKUBE_MAIN_JOB_NO_TERRAFORM', IAC_TOOL_MISSING_MESSAGE);
}
