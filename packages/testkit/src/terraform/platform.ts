import { TestkitInputError } from '../errors.js';

const OS: Readonly<Record<string, string>> = { linux: 'linux', darwin: 'darwin', win32: 'windows', freebsd: 'freebsd', openbsd: 'openbsd' };
const ARCH: Readonly<Record<string, string>> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };

/** Terraform's name for a platform (`linux_amd64`), as used in mirror paths and lock files. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = OS[platform];
  const cpu = ARCH[arch];
  if (os === undefined || cpu === undefined) {
    throw new TestkitInputError('platform', `Terraform has no platform name for ${platform}/${arch}`);
  }
  return `${os}_${cpu}`;
}
