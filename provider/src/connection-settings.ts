// Provider configuration + environment -> SDK client options, like the Kubernetes provider:
// explicit settings win, then HIKUBE_* variables, then the kubeconfig (KUBECONFIG or ~/.kube/config).
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ClientOptions } from '@hikube/sdk/kubernetes';

export interface ProviderSettings {
  kubeconfig_path: string | null;
  context: string | null;
  host: string | null;
  token: string | null;
  client_certificate: string | null;
  client_key: string | null;
  cluster_ca_certificate: string | null;
  insecure: boolean | null;
  namespace: string | null;
}

export const settingEnvironment: Record<keyof ProviderSettings, string> = {
  kubeconfig_path: 'HIKUBE_KUBECONFIG',
  context: 'HIKUBE_CONTEXT',
  host: 'HIKUBE_HOST',
  token: 'HIKUBE_TOKEN',
  client_certificate: 'HIKUBE_CLIENT_CERTIFICATE',
  client_key: 'HIKUBE_CLIENT_KEY',
  cluster_ca_certificate: 'HIKUBE_CLUSTER_CA_CERTIFICATE',
  insecure: 'HIKUBE_INSECURE',
  namespace: 'HIKUBE_NAMESPACE',
};

export interface SettingsProblem {
  attribute: keyof ProviderSettings;
  message: string;
}

export type ResolvedSettings = { ok: true; options: ClientOptions; namespace: string | null } | { ok: false; problems: SettingsProblem[] };

/** `~/...` as shells and the Kubernetes provider read it. */
function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

function fromEnv(env: NodeJS.ProcessEnv, name: keyof ProviderSettings): string | null {
  const value = env[settingEnvironment[name]];
  return value === undefined || value === '' ? null : value;
}

export function resolveSettings(config: ProviderSettings, env: NodeJS.ProcessEnv): ResolvedSettings {
  const text = (name: Exclude<keyof ProviderSettings, 'insecure'>): string | null => config[name] ?? fromEnv(env, name);
  const problems: SettingsProblem[] = [];
  let insecure = config.insecure;
  if (insecure === null) {
    const raw = fromEnv(env, 'insecure');
    if (raw !== null && !/^(true|false|1|0)$/i.test(raw))
      problems.push({ attribute: 'insecure', message: `${settingEnvironment.insecure}="${raw}" is not a boolean: use true or false` });
    insecure = raw === null ? null : /^(true|1)$/i.test(raw);
  }
  const host = text('host');
  const kubeconfigPath = text('kubeconfig_path');
  const certificate = text('client_certificate');
  const key = text('client_key');
  if ((certificate === null) !== (key === null)) {
    const missing = certificate === null ? 'client_certificate' : 'client_key';
    problems.push({ attribute: missing, message: `client_certificate and client_key go together: set ${missing} (or ${settingEnvironment[missing]}) too` });
  }
  if (host !== null && !/^https?:\/\//.test(host))
    problems.push({ attribute: 'host', message: `host "${host}" is not a URL: write it as https://api.example:6443` });
  if (problems.length > 0) return { ok: false, problems };

  const options: ClientOptions = { userAgent: 'terraform-provider-hikube' };
  // An explicit host means explicit credentials, unless a kubeconfig is named too.
  if (kubeconfigPath !== null) options.kubeconfig = kubeconfigPath.split(':').filter(Boolean).map(expandHome);
  else if (host !== null) options.kubeconfig = false;
  const context = text('context');
  const token = text('token');
  const ca = text('cluster_ca_certificate');
  const namespace = text('namespace');
  if (context !== null) options.context = context;
  if (host !== null) options.server = host;
  if (token !== null) options.token = token;
  if (certificate !== null) options.cert = certificate;
  if (key !== null) options.key = key;
  if (ca !== null) options.ca = ca;
  if (insecure !== null) options.insecureSkipTlsVerify = insecure;
  if (namespace !== null) options.namespace = namespace;
  return { ok: true, options, namespace };
}
