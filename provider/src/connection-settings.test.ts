import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings, type ProviderSettings } from './connection-settings.js';

const none: ProviderSettings = {
  kubeconfig_path: null,
  context: null,
  host: null,
  token: null,
  client_certificate: null,
  client_key: null,
  cluster_ca_certificate: null,
  insecure: null,
  namespace: null,
};

describe('resolveSettings', () => {
  const cases: { name: string; given: { config: Partial<ProviderSettings>; env: Record<string, string> }; want: unknown }[] = [
    {
      name: 'nothing set: the SDK reads KUBECONFIG or ~/.kube/config',
      given: { config: {}, env: {} },
      want: { ok: true, namespace: null, options: { userAgent: 'terraform-provider-hikube' } },
    },
    {
      name: 'explicit host and token skip the kubeconfig',
      given: { config: { host: 'https://api.hikube:6443', token: 't0k', namespace: 'tenant-a' }, env: {} },
      want: {
        ok: true,
        namespace: 'tenant-a',
        options: { userAgent: 'terraform-provider-hikube', kubeconfig: false, server: 'https://api.hikube:6443', token: 't0k', namespace: 'tenant-a' },
      },
    },
    {
      name: 'environment fills what the configuration leaves out',
      given: { config: { context: 'prod' }, env: { HIKUBE_KUBECONFIG: '/a:/b', HIKUBE_CONTEXT: 'ignored', HIKUBE_INSECURE: 'true' } },
      want: {
        ok: true,
        namespace: null,
        options: { userAgent: 'terraform-provider-hikube', kubeconfig: ['/a', '/b'], context: 'prod', insecureSkipTlsVerify: true },
      },
    },
    {
      name: 'a home-relative kubeconfig path',
      given: { config: { kubeconfig_path: '~/.kube/hikube:/etc/k' }, env: {} },
      want: { ok: true, namespace: null, options: { userAgent: 'terraform-provider-hikube', kubeconfig: [join(homedir(), '.kube/hikube'), '/etc/k'] } },
    },
    {
      name: 'certificate without key',
      given: { config: { client_certificate: 'PEM' }, env: {} },
      want: {
        ok: false,
        problems: [{ attribute: 'client_key', message: 'client_certificate and client_key go together: set client_key (or HIKUBE_CLIENT_KEY) too' }],
      },
    },
    {
      name: 'host that is not a URL',
      given: { config: { host: 'api.hikube' }, env: {} },
      want: { ok: false, problems: [{ attribute: 'host', message: 'host "api.hikube" is not a URL: write it as https://api.example:6443' }] },
    },
    {
      name: 'insecure that is not a boolean',
      given: { config: {}, env: { HIKUBE_INSECURE: 'yes' } },
      want: { ok: false, problems: [{ attribute: 'insecure', message: 'HIKUBE_INSECURE="yes" is not a boolean: use true or false' }] },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(resolveSettings({ ...none, ...given.config }, given.env)).toEqual(want);
  });
});
