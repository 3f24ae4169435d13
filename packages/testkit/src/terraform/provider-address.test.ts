import { describe, expect, it } from 'vitest';

import { TestkitInputError } from '../errors.js';
import { formatProviderSource, parseProviderSource } from './provider-address.js';
import { terraformPlatform } from './platform.js';

describe('parseProviderSource', () => {
  it.each([
    { given: 'hikube/hikube', want: 'registry.terraform.io/hikube/hikube' },
    { given: 'registry.terraform.io/hikube/hikube', want: 'registry.terraform.io/hikube/hikube' },
    { given: 'example.com:8443/acme/my-db', want: 'example.com:8443/acme/my-db' },
  ])('accepts $given', ({ given, want }) => {
    expect(formatProviderSource(parseProviderSource('source', given))).toBe(want);
  });

  it.each([
    { name: 'one part', given: 'hikube', mentions: 'namespace/type' },
    { name: 'four parts', given: 'a/b/c/d', mentions: 'namespace/type' },
    { name: 'uppercase type', given: 'hikube/Hikube', mentions: 'lowercase' },
    { name: 'prefixed type', given: 'hikube/terraform-provider-hikube', mentions: 'bare type name' },
    { name: 'bad host', given: 'exa mple.com/a/b', mentions: 'host name' },
  ])('rejects $name', ({ given, mentions }) => {
    const attempt = (): unknown => parseProviderSource('providers[0].source', given);
    expect(attempt).toThrow(TestkitInputError);
    expect(attempt).toThrow(/providers\[0\]\.source/);
    expect(attempt).toThrow(mentions);
  });
});

describe('terraformPlatform', () => {
  it.each([
    { platform: 'linux', arch: 'x64', want: 'linux_amd64' },
    { platform: 'darwin', arch: 'arm64', want: 'darwin_arm64' },
    { platform: 'win32', arch: 'ia32', want: 'windows_386' },
  ])('$platform/$arch is $want', ({ platform, arch, want }) => {
    expect(terraformPlatform(platform, arch)).toBe(want);
  });

  it('rejects a platform Terraform has no name for', () => {
    expect(() => terraformPlatform('aix', 'ppc64')).toThrow(TestkitInputError);
  });
});
