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
  "  Terraform: https://developer.hashicorp.com/terraform/install (Debian/Ubuntu: HashiCorp's apt repository, `apt-get install terraform`)",
  '  OpenTofu:  https://opentofu.org/docs/intro/install/ (a single binary; `tofu` on PATH is enough)',
].join('\n');

export const KUBECTL_MISSING_MESSAGE = [
  "npm run failover deletes the primary's pod with kubectl, and `kubectl` was not found on PATH.",
  'Install it (https://kubernetes.io/docs/tasks/tools/), then run npm run failover again.',
].join('\n');

/** The first executable `name` in PATH's directories. */
async function onPath(pathEnv: string | undefined, name: string): Promise<string | undefined> {
  for (const dir of (pathEnv ?? '').split(delimiter).filter((entry) => entry !== '')) {
    const candidate = join(dir, name);
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

/** `terraform` first (what the provider is tested with), then `tofu`. */
export async function findIacTool(pathEnv: string | undefined): Promise<IacTool> {
  for (const name of ['terraform', 'tofu'] as const) {
    const path = await onPath(pathEnv, name);
    if (path !== undefined) return { name, path };
  }
  throw new MainJobError('HIKUBE_MAIN_JOB_NO_TERRAFORM', IAC_TOOL_MISSING_MESSAGE);
}

/** `kubectl`, which the failover demo uses to delete the primary's pod. */
export async function findKubectl(pathEnv: string | undefined): Promise<string> {
  const path = await onPath(pathEnv, 'kubectl');
  if (path === undefined) throw new MainJobError('HIKUBE_MAIN_JOB_NO_KUBECTL', KUBECTL_MISSING_MESSAGE);
  return path;
}
