import { describe, expect, it } from 'vitest';
import { parseStatusLine } from './hikube-local-process.js';
import { majorFromPgConfig } from './postgres-major.js';
import { parseApplySummary, renderDevOverrides } from './terraform-workdir.js';

describe('majorFromPgConfig', () => {
  it.each([
    { given: 'PostgreSQL 15.18 (Debian 15.18-0+deb12u1)', want: 'v15' },
    { given: 'PostgreSQL 18.1', want: 'v18' },
    { given: 'PostgreSQL 17beta2', want: 'v17' },
    { given: 'PostgreSQL 9.6.24', want: undefined },
    { given: 'not postgres', want: undefined },
  ])('$given -> $want', ({ given, want }) => {
    expect(majorFromPgConfig(given)).toBe(want);
  });
});

describe('parseApplySummary', () => {
  it.each([
    { given: 'Apply complete! Resources: 2 added, 0 changed, 0 destroyed.', want: { added: 2, changed: 0, destroyed: 0 } },
    { given: 'No changes.\n\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n', want: { added: 0, changed: 0, destroyed: 0 } },
    { given: 'Error: something', want: undefined },
  ])('$given', ({ given, want }) => {
    expect(parseApplySummary(given)).toEqual(want);
  });
});

describe('parseStatusLine', () => {
  it.each([
    { given: 'running: https://127.0.0.1:6443 pid 42 driver engine\n', want: { url: 'https://127.0.0.1:6443', pid: 42, driver: 'engine' } },
    { given: 'not running', want: undefined },
  ])('$given', ({ given, want }) => {
    expect(parseStatusLine(given)).toEqual(want);
  });
});

describe('renderDevOverrides', () => {
  it('points hikube/hikube at the provider directory and keeps direct installs for the rest', () => {
    expect(renderDevOverrides('/src/hikube/provider/dist/bin')).toBe(
      [
        '# CLI configuration (TF_CLI_CONFIG_FILE): Terraform/OpenTofu take hikube/hikube from this directory.',
        'provider_installation {',
        '  dev_overrides {',
        '    "hikube/hikube" = "/src/hikube/provider/dist/bin"',
        '  }',
        '  direct {}',
        '}',
        '',
      ].join('\n'),
    );
  });
  it('refuses a path Terraform would expand', () => {
    expect(() => renderDevOverrides('/home/$USER/bin')).toThrow(/contains \$, %, a quote/);
  });
});
