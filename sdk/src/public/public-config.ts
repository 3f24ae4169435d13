import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { ConfigError } from '../errors.js';

export const defaultPublicApiUrl = 'https://api.hikube.cloud';

/** Where and as whom the public API is called. Options win over the environment. */
export interface PublicClientOptions {
  /** Base URL of the API; default `$HIKUBE_API`, else `https://api.hikube.cloud`. */
  baseUrl?: string;
  /** Project API key `sk_hk_<keyId>_<secret>`; default `$HIKUBE_API_KEY`. */
  apiKey?: string;
  /** The project's UUID; default `$HIKUBE_PROJECT_ID`. */
  projectId?: string;
  /** CA certificate(s) to trust, PEM (private endpoints, Hikube Local); default `$HIKUBE_CA_CERT` (PEM text or a file path). */
  ca?: string | Buffer;
  /** The environment to read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Deadline of one call, retries included (default 60 s). */
  timeoutMs?: number;
  /** How 503 and code 10004 answers are retried (default 4 attempts, delays from 1 s doubling up to 8 s, jittered). */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}

/**
 * A project API key. The secret sits in a private field: it is not enumerable, not serialised and
 * not shown by `console.log`, so a config or an error carrying the key never prints it.
 */
export class ApiKey {
  readonly keyId: string;
  readonly #value: string;

  /** `from` names where the key came from, for error messages. */
  constructor(value: string, from = 'the API key') {
    this.keyId = parseApiKey(value, from);
    this.#value = value;
  }

  /** The value of the `X-Hikube-Api-Key` header. */
  header(): string {
    return this.#value;
  }

  /** The key as it may be shown: its id, never its secret. */
  toString(): string {
    return `sk_hk_${this.keyId}_***`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return `ApiKey(${this.toString()})`;
  }
}

export interface PublicConfig {
  /** Scheme, host and port, e.g. `https://api.hikube.cloud`. */
  origin: string;
  /** Path prefix of the base URL without a trailing slash (usually empty). */
  basePath: string;
  apiKey: ApiKey;
  projectId: string;
  ca: Buffer | undefined;
}

const keyIdPattern = /^[0-9a-f]{32}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const keyFormat = 'sk_hk_<key id: 32 lowercase hexadecimal characters>_<secret>';

/** Checks a key's shape and returns its key id; messages describe the key, never quote it. */
function parseApiKey(value: string, from: string): string {
  const refuse = (what: string) => new ConfigError(`${from} ${what}; a Hikube API key looks like ${keyFormat} (the key itself is not shown)`);
  if (value.trim() !== value || /\s/.test(value)) throw refuse('contains spaces or line breaks');
  if (!value.startsWith('sk_hk_')) throw refuse('does not start with sk_hk_');
  const rest = value.slice('sk_hk_'.length);
  const separator = rest.indexOf('_');
  const keyId = separator === -1 ? rest : rest.slice(0, separator);
  if (!keyIdPattern.test(keyId)) {
    throw refuse(`has a key id of ${keyId.length} characters that is not 32 lowercase hexadecimal characters`);
  }
  if (separator === -1 || rest.length === separator + 1) throw refuse('has no secret after its key id');
  return keyId;
}

function parseBaseUrl(value: string, from: string): { origin: string; basePath: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${from} is not a URL: ${JSON.stringify(value)}; give e.g. ${defaultPublicApiUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${from} must be an http or https URL, not ${url.protocol}`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(`${from} must be a plain base URL, without credentials, query or fragment`);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

function readCa(value: string | Buffer | undefined, from: string): Buffer | undefined {
  if (value === undefined || value === '') return undefined;
  if (Buffer.isBuffer(value)) return value;
  if (value.includes('-----BEGIN')) return Buffer.from(value);
  try {
    return readFileSync(value);
  } catch (error) {
    throw new ConfigError(`cannot read the CA certificate file ${value} (${from}): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** An option, else a non-empty environment variable, with the name to quote in errors. */
function pick(option: string | undefined, optionName: string, env: Env, name: string): { value: string | undefined; from: string } {
  if (option !== undefined) return { value: option, from: `the ${optionName} option` };
  const value = env[name];
  return { value: value === '' ? undefined : value, from: name };
}

/** Resolves the client's configuration before any request, with errors that say what to set. */
export function resolvePublicConfig(options: PublicClientOptions = {}): PublicConfig {
  const env = options.env ?? process.env;
  const base = pick(options.baseUrl, 'baseUrl', env, 'HIKUBE_API');
  const { origin, basePath } = parseBaseUrl(base.value ?? defaultPublicApiUrl, base.from);

  const key = pick(options.apiKey, 'apiKey', env, 'HIKUBE_API_KEY');
  if (key.value === undefined) {
    throw new ConfigError(
      'no API key: set HIKUBE_API_KEY or the apiKey option to a project API key (sk_hk_...); Hikube support hands it over with the project id',
    );
  }
  const apiKey = new ApiKey(key.value, key.from);

  const project = pick(options.projectId, 'projectId', env, 'HIKUBE_PROJECT_ID');
  if (project.value === undefined) {
    throw new ConfigError("no project id: set HIKUBE_PROJECT_ID or the projectId option to the project's UUID (not its display name)");
  }
  if (!uuidPattern.test(project.value)) {
    throw new ConfigError(`${project.from} must be the project's UUID (e.g. 01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f), not ${JSON.stringify(project.value)}`);
  }

  const caOption = options.ca !== undefined ? { value: options.ca, from: 'the ca option' } : { value: env['HIKUBE_CA_CERT'], from: 'HIKUBE_CA_CERT' };
  return { origin, basePath, apiKey, projectId: project.value.toLowerCase(), ca: readCa(caOption.value, caOption.from) };
}
