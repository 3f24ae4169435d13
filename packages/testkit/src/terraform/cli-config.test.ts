import { describe, expect, it } from 'vitest';

import { TestkitInputError } from '../errors.js';
import { expectGolden } from '../golden.js';
import { renderCliConfig, type CliConfigInput } from './cli-config.js';

const cases: Array<{ name: string; given: CliConfigInput }> = [
  { name: 'builtins-only', given: { devOverrides: new Map(), direct: true } },
  { name: 'no-direct', given: { devOverrides: new Map(), direct: false } },
  {
    name: 'dev-overrides',
    given: { devOverrides: new Map([['registry.terraform.io/hikube/hikube', '/tmp/ws/plugins/dev-overrides/hikube']]), direct: true },
  },
  {
    name: 'mirror',
    given: {
      devOverrides: new Map(),
      filesystemMirror: { path: '/tmp/ws/plugins/mirror', include: ['registry.terraform.io/hikube/hikube', 'example.com/acme/b'] },
      direct: true,
    },
  },
  {
    name: 'both',
    given: {
      devOverrides: new Map([['registry.terraform.io/hikube/dev', '/tmp/ws/plugins/dev-overrides/dev']]),
      filesystemMirror: { path: '/tmp/ws/plugins/mirror', include: ['registry.terraform.io/hikube/hikube'] },
      direct: false,
    },
  },
];

describe('renderCliConfig', () => {
  it.each(cases)('$name', async ({ name, given }) => {
    await expectGolden(new URL(`./testdata/cli-config-${name}.tfrc`, import.meta.url), renderCliConfig(given));
  });

  it.each([
    { name: 'dollar in a path (Terraform would expand it)', path: '/tmp/$HOME/x' },
    { name: 'quote in a path', path: '/tmp/"x' },
    { name: 'template start in a path', path: '/tmp/%{x' },
  ])('rejects $name', ({ path }) => {
    expect(() => renderCliConfig({ devOverrides: new Map([['registry.terraform.io/a/b', path]]), direct: true })).toThrow(TestkitInputError);
  });
});
