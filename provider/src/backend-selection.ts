// Which API the provider speaks: Hikube's public API (a project key) or the Cozystack Kubernetes
// API (a kubeconfig or explicit cluster credentials). Exactly one must be configured; both, or a
// half-configured public API, is one diagnostic that says what to set.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { settingEnvironment, type ProviderSettings } from './connection-settings.js';
import { publicSettingEnvironment, publicValues, type PublicSettings } from './public-settings.js';

export type Backend = 'public' | 'kubernetes';

export type BackendChoice = { ok: true; backend: Backend } | { ok: false; attribute: string | null; message: string };

const kubernetesNames = Object.keys(settingEnvironment) as (keyof ProviderSettings)[];

/** The Kubernetes settings given explicitly (configuration or HIKUBE_* variables), by attribute name. */
function kubernetesGiven(config: ProviderSettings, env: NodeJS.ProcessEnv): string[] {
  return kubernetesNames.filter((name) => {
    const configured = config[name];
    if (configured !== null && configured !== '') return true;
    const value = env[settingEnvironment[name]];
    return value !== undefined && value !== '';
  });
}

/** Whether the default kubeconfig (KUBECONFIG, else ~/.kube/config) is there to be read. */
function defaultKubeconfigExists(env: NodeJS.ProcessEnv): boolean {
  const paths = env['KUBECONFIG'];
  if (paths !== undefined && paths !== '') return paths.split(':').some((path) => path !== '' && existsSync(path));
  return existsSync(join(env['HOME'] ?? homedir(), '.kube', 'config'));
}

const named = (name: keyof PublicSettings) => `${name} (${publicSettingEnvironment[name]})`;

const whatToSet =
  `For Hikube's public API set ${named('api_key')} and ${named('project_id')}, with ` +
  `${named('endpoint')} and ${named('ca_certificate')} when not the default; ` +
  `for a Cozystack Kubernetes API set kubeconfig_path (HIKUBE_KUBECONFIG), or host with token or client_certificate and client_key.`;

export function chooseBackend(config: ProviderSettings & PublicSettings, env: NodeJS.ProcessEnv): BackendChoice {
  const values = publicValues(config, env);
  // The endpoint and CA alone (e.g. a sourced hikube.env without its key) only count when configured.
  const publicGiven: (keyof PublicSettings)[] = (['api_key', 'project_id'] as const).filter((name) => values[name] !== null);
  for (const name of ['endpoint', 'ca_certificate'] as const) if (config[name] !== null && config[name] !== '') publicGiven.push(name);
  const kubernetes = kubernetesGiven(config, env);
  if (publicGiven.length > 0 && kubernetes.length > 0) {
    return {
      ok: false,
      attribute: null,
      message:
        `Both the public API (${publicGiven.join(', ')}) and the Kubernetes API (${kubernetes.join(', ')}) are configured; the provider speaks one. ` +
        `Keep api_key and project_id for Hikube's public API, or the Kubernetes settings for a ` +
        `Cozystack API, and remove the others (or unset their environment variables).`,
    };
  }
  if (publicGiven.length > 0) {
    const missing = (['api_key', 'project_id'] as const).filter((name) => values[name] === null);
    if (missing.length === 0) return { ok: true, backend: 'public' };
    return {
      ok: false,
      attribute: missing[0] ?? null,
      message: `The public API needs ${missing.map(named).join(' and ')} too (set so far: ${publicGiven.join(', ')}). ${whatToSet}`,
    };
  }
  if (kubernetes.length > 0 || defaultKubeconfigExists(env)) return { ok: true, backend: 'kubernetes' };
  return {
    ok: false,
    attribute: null,
    message: `No Hikube API is configured, and there is no kubeconfig (KUBECONFIG, ~/.kube/config) to fall back on. ${whatToSet}`,
  };
}
