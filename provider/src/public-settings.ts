// Provider configuration + environment -> the public API client's options. Explicit settings win
// over HIKUBE_API_KEY, HIKUBE_PROJECT_ID, HIKUBE_API and HIKUBE_CA_CERT. Messages name the setting
// and never quote the key.
import { ApiKey, ConfigError, defaultPublicApiUrl } from '@hikube/sdk/public';

export interface PublicSettings {
  api_key: string | null;
  project_id: string | null;
  endpoint: string | null;
  ca_certificate: string | null;
}

export const publicSettingEnvironment: Record<keyof PublicSettings, string> = {
  api_key: 'HIKUBE_API_KEY',
  project_id: 'HIKUBE_PROJECT_ID',
  endpoint: 'HIKUBE_API',
  ca_certificate: 'HIKUBE_CA_CERT',
};

export interface PublicOptions {
  apiKey: string;
  projectId: string;
  baseUrl: string;
  /** PEM text or a file path, as the SDK reads it. */
  ca: string | undefined;
}

export interface PublicProblem {
  attribute: keyof PublicSettings;
  message: string;
}

/** Each setting from the configuration, else its environment variable (empty counts as unset). */
export function publicValues(config: PublicSettings, env: NodeJS.ProcessEnv): PublicSettings {
  const pick = (name: keyof PublicSettings): string | null => {
    const configured = config[name];
    if (configured !== null && configured !== '') return configured;
    const value = env[publicSettingEnvironment[name]];
    return value === undefined || value === '' ? null : value;
  };
  return { api_key: pick('api_key'), project_id: pick('project_id'), endpoint: pick('endpoint'), ca_certificate: pick('ca_certificate') };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a value came from, for messages: the attribute, or the variable that filled it. */
function source(config: PublicSettings, name: keyof PublicSettings): string {
  return config[name] !== null && config[name] !== '' ? name : publicSettingEnvironment[name];
}

/** Checks complete public settings before any request; the key's problems describe it, never show it. */
export function resolvePublicOptions(
  config: PublicSettings,
  values: PublicSettings,
): { ok: true; options: PublicOptions } | { ok: false; problems: PublicProblem[] } {
  const problems: PublicProblem[] = [];
  const apiKey = values.api_key ?? '';
  const projectId = values.project_id ?? '';
  try {
    new ApiKey(apiKey, source(config, 'api_key'));
  } catch (cause) {
    problems.push({ attribute: 'api_key', message: cause instanceof ConfigError ? cause.message : `${source(config, 'api_key')} is not a Hikube API key` });
  }
  if (!uuidPattern.test(projectId)) {
    problems.push({
      attribute: 'project_id',
      message: `${source(config, 'project_id')} must be the project's UUID (e.g. 01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f), not ${JSON.stringify(projectId)}`,
    });
  }
  const baseUrl = values.endpoint ?? defaultPublicApiUrl;
  let url: URL | null = null;
  try {
    url = new URL(baseUrl);
  } catch {
    url = null;
  }
  if (
    url === null ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    problems.push({
      attribute: 'endpoint',
      message: `${source(config, 'endpoint')} ${JSON.stringify(baseUrl)} is not a plain http(s) base URL: write it as ${defaultPublicApiUrl}`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, options: { apiKey, projectId, baseUrl, ca: values.ca_certificate ?? undefined } };
}
