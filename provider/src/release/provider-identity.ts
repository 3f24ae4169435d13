// The provider's registry address and version, from package.json so a release cannot disagree
// with the package it was built from.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProviderIdentity } from '@hikube/tfplugin/release';
import { packageRoot } from '../build/build-executable.js';

export async function hikubeProvider(): Promise<ProviderIdentity> {
  const pkg = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return { hostname: 'registry.terraform.io', namespace: 'hikube', type: 'hikube', version: pkg.version, protocolVersions: ['6.0'] };
}
