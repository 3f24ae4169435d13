import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { ExecCredentialSource } from './exec-credential.js';
import { loadKubeconfig } from './kubeconfig.js';

/** Connection options; any given here win over the kubeconfig. */
export interface ConnectionOptions {
  /** API server URL, e.g. `https://api.example:6443`. */
  server?: string;
  /** Namespace for namespaced calls (default: the context's, else `default`). */
  namespace?: string;
  /** Kubeconfig files to read (merged), `false` to ignore kubeconfig entirely; default `$KUBECONFIG` or `~/.kube/config`. */
  kubeconfig?: string | string[] | false;
  /** A kubeconfig given as YAML text instead of files. */
  kubeconfigYaml?: string;
  /** Context to use instead of the current one. */
  context?: string;
  token?: string;
  tokenFile?: string;
  /** CA certificate(s), PEM. */
  ca?: string | Buffer;
  caFile?: string;
  /** Client certificate and key, PEM. */
  cert?: string | Buffer;
  key?: string | Buffer;
  certFile?: string;
  keyFile?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
}

/** How requests authenticate. */
export type AuthSource =
  | { kind: 'none' }
  | { kind: 'token'; token: string }
  | { kind: 'tokenFile'; path: string }
  | { kind: 'basic'; header: string }
  | { kind: 'exec'; source: ExecCredentialSource };

export interface Connection {
  origin: string;
  /** Path prefix of the server URL (usually empty). */
  basePath: string;
  namespace: string;
  contextName: string | undefined;
  tls: { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean; servername?: string };
  auth: AuthSource;
}

function readOption(path: string | undefined, what: string): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

const toBuffer = (value: string | Buffer | undefined) => (value === undefined ? undefined : Buffer.from(value));

/** Resolves options and kubeconfig into one connection, kubectl-style. */
export function resolveConnection(options: ConnectionOptions = {}): Connection {
  const useKubeconfig = options.kubeconfig !== false;
  const paths = typeof options.kubeconfig === 'string' ? [options.kubeconfig] : Array.isArray(options.kubeconfig) ? options.kubeconfig : undefined;
  const kube = useKubeconfig
    ? loadKubeconfig({
        ...(paths ? { paths } : {}),
        ...(options.kubeconfigYaml !== undefined ? { yaml: options.kubeconfigYaml } : {}),
        context: options.context,
      })
    : undefined;
  if (options.context !== undefined && !kube) throw new ConfigError(`context "${options.context}" was requested but no kubeconfig was found`);

  const server = options.server ?? kube?.server;
  if (!server) {
    throw new ConfigError(
      'no API server: pass `server` to createClient, or provide a kubeconfig ($KUBECONFIG or ~/.kube/config) whose context names a cluster with a server',
    );
  }
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ConfigError(`the API server "${server}" is not a URL; use e.g. https://api.example:6443`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`the API server "${server}" must use https:// (or http:// for local testing)`);

  const explicitCert = toBuffer(options.cert) ?? readOption(options.certFile, 'client certificate');
  const explicitKey = toBuffer(options.key) ?? readOption(options.keyFile, 'client key');
  const cert = explicitCert ?? kube?.certData;
  const key = explicitKey ?? kube?.keyData;
  const ca = toBuffer(options.ca) ?? readOption(options.caFile, 'CA') ?? kube?.caData;
  const servername = options.tlsServerName ?? kube?.tlsServerName;

  let auth: AuthSource = { kind: 'none' };
  if (options.token !== undefined) auth = { kind: 'token', token: options.token };
  else if (options.tokenFile !== undefined) auth = { kind: 'tokenFile', path: options.tokenFile };
  else if (kube?.token !== undefined) auth = { kind: 'token', token: kube.token };
  else if (kube?.tokenFile !== undefined) auth = { kind: 'tokenFile', path: kube.tokenFile };
  else if (kube?.exec !== undefined && explicitCert === undefined) auth = { kind: 'exec', source: new ExecCredentialSource(kube.exec) };
  else if (kube?.username !== undefined && kube.password !== undefined) {
    auth = { kind: 'basic', header: `Basic ${Buffer.from(`${kube.username}:${kube.password}`).toString('base64')}` };
  }

  return {
    origin: url.origin,
    basePath: url.pathname.replace(/\/+$/, ''),
    namespace: options.namespace ?? kube?.namespace ?? 'default',
    contextName: kube?.contextName,
    tls: {
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      rejectUnauthorized: !(options.insecureSkipTlsVerify ?? kube?.insecureSkipTlsVerify ?? false),
      ...(servername ? { servername } : {}),
    },
    auth,
  };
}

/** Reads a token file again when it changed, so rotated tokens are picked up. */
export class TokenFileReader {
  readonly #path: string;
  #mtimeMs = -1;
  #token = '';
  constructor(path: string) {
    this.#path = path;
  }
  read(): string {
    try {
      const { mtimeMs } = statSync(this.#path);
      if (mtimeMs !== this.#mtimeMs) {
        this.#token = readFileSync(this.#path, 'utf8').trim();
        this.#mtimeMs = mtimeMs;
      }
    } catch (error) {
      throw new ConfigError(`cannot read the token file ${this.#path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return this.#token;
  }
}
