import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseBackend } from './backend-selection.js';
import type { ProviderSettings } from './connection-settings.js';
import type { PublicSettings } from './public-settings.js';

const none: ProviderSettings & PublicSettings = {
  kubeconfig_path: null,
  context: null,
  host: null,
  token: null,
  client_certificate: null,
  client_key: null,
  cluster_ca_certificate: null,
  insecure: null,
  namespace: null,
  api_key: null,
  project_id: null,
  endpoint: null,
  ca_certificate: null,
};
const key = `sk_hk_${'a'.repeat(32)}_s3cr3t-value`;
const project = '01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f';

const home = mkdtempSync(join(tmpdir(), 'backend-'));
const withKubeconfig = mkdtempSync(join(tmpdir(), 'backend-kube-'));
mkdirSync(join(withKubeconfig, '.kube'));
writeFileSync(join(withKubeconfig, '.kube', 'config'), 'apiVersion: v1\n');
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(withKubeconfig, { recursive: true, force: true });
});

describe('chooseBackend', () => {
  const cases: {
    name: string;
    given: { config: Partial<ProviderSettings & PublicSettings>; env: Record<string, string> };
    want: { backend?: string; attribute?: string | null; message?: RegExp };
  }[] = [
    { name: 'key and project in the configuration', given: { config: { api_key: key, project_id: project }, env: {} }, want: { backend: 'public' } },
    {
      name: 'key and project from the environment',
      given: { config: {}, env: { HIKUBE_API_KEY: key, HIKUBE_PROJECT_ID: project } },
      want: { backend: 'public' },
    },
    { name: 'kubeconfig path', given: { config: { kubeconfig_path: '/k' }, env: {} }, want: { backend: 'kubernetes' } },
    { name: 'host from the environment', given: { config: {}, env: { HIKUBE_HOST: 'https://k:6443' } }, want: { backend: 'kubernetes' } },
    { name: 'nothing set, a default kubeconfig exists', given: { config: {}, env: { HOME: withKubeconfig } }, want: { backend: 'kubernetes' } },
    {
      name: 'a sourced hikube.env without its key does not select the public API',
      given: { config: { kubeconfig_path: '/k' }, env: { HIKUBE_API: 'https://x', HIKUBE_CA_CERT: '/ca' } },
      want: { backend: 'kubernetes' },
    },
    {
      name: 'both kinds',
      given: { config: { api_key: key, kubeconfig_path: '/k' }, env: { HIKUBE_PROJECT_ID: project } },
      want: { attribute: null, message: /^Both the public API \(api_key, project_id\) and the Kubernetes API \(kubeconfig_path\) are configured/ },
    },
    {
      name: 'key without project',
      given: { config: { api_key: key }, env: {} },
      want: { attribute: 'project_id', message: /needs project_id \(HIKUBE_PROJECT_ID\) too \(set so far: api_key\)/ },
    },
    {
      name: 'endpoint alone',
      given: { config: { endpoint: 'https://api.hikube.cloud' }, env: {} },
      want: { attribute: 'api_key', message: /needs api_key \(HIKUBE_API_KEY\) and project_id \(HIKUBE_PROJECT_ID\) too/ },
    },
    {
      name: 'nothing at all',
      given: { config: {}, env: { HOME: home } },
      want: { attribute: null, message: /No Hikube API is configured.*set api_key \(HIKUBE_API_KEY\) and project_id/ },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const choice = chooseBackend({ ...none, ...given.config }, given.env);
    if (want.backend !== undefined) {
      expect(choice).toEqual({ ok: true, backend: want.backend });
      return;
    }
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(choice.attribute).toBe(want.attribute);
    expect(choice.message).toMatch(want.message!);
    expect(choice.message).not.toContain('s3cr3t');
  });
});
