import { constants } from 'node:fs';
import { access, copyFile, chmod, mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import { TestkitInputError } from '../errors.js';
import type { ProviderAddress } from './provider-address.js';

const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$/;

/** Checks that `path` names an executable regular file, before anything is written. */
export async function assertExecutableFile(field: string, path: string): Promise<void> {
  if (!isAbsolute(path)) throw new TestkitInputError(field, `"${path}" must be an absolute path to the provider executable`);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new TestkitInputError(field, `"${path}" does not exist; build the provider (or its launcher script) first`);
  }
  if (!info.isFile()) throw new TestkitInputError(field, `"${path}" is not a regular file`);
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new TestkitInputError(field, `"${path}" is not executable; chmod +x it (Terraform runs it directly)`);
  }
}

export function assertVersion(field: string, version: string): void {
  if (!VERSION.test(version)) throw new TestkitInputError(field, `"${version}" is not a semantic version such as 0.1.0`);
}

async function placeExecutable(source: string, dir: string, name: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  // A copy, not a link: the lock file hashes the package directory's contents, and a copy keeps
  // the layout valid even if the original is rebuilt during the test.
  await copyFile(source, target);
  await chmod(target, 0o755);
  return target;
}

/**
 * Places the executable where a filesystem mirror in the unpacked registry layout expects it:
 * `<mirror>/<host>/<namespace>/<type>/<version>/<os_arch>/terraform-provider-<type>_v<version>`.
 */
export function installIntoMirror(mirrorDir: string, address: ProviderAddress, version: string, platform: string, executable: string): Promise<string> {
  const dir = join(mirrorDir, address.hostname, address.namespace, address.type, version, platform);
  return placeExecutable(executable, dir, `terraform-provider-${address.type}_v${version}`);
}

/**
 * Places the executable as `<dir>/terraform-provider-<type>` in a directory of its own (what a
 * dev_overrides entry points at) and returns that directory.
 */
export async function installDevOverride(rootDir: string, address: ProviderAddress, executable: string): Promise<string> {
  const dir = join(rootDir, address.hostname, address.namespace, address.type);
  await placeExecutable(executable, dir, `terraform-provider-${address.type}`);
  return dir;
}
