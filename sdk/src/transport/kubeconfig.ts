import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../errors.js';

/** An exec credential plugin entry (`users[].user.exec`). */
export interface ExecConfig {
  apiVersion: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  installHint?: string | undefined;
  /** Directory of the kubeconfig that declared it: relative commands resolve from there. */
  baseDir: string;
  /** With `provideClusterInfo: true`, what the plugin gets as `spec.cluster` of KUBERNETES_EXEC_INFO. */
  cluster?: ExecClusterInfo | undefined;
}

/** The cluster as an exec plugin sees it (client.authentication.k8s.io `Cluster`, JSON names). */
export interface ExecClusterInfo {
  server: string;
  'tls-server-name'?: string;
  'insecure-skip-tls-verify'?: boolean;
  /** Base64, as in the kubeconfig (a file named by `certificate-authority` is read). */
  'certificate-authority-data'?: string;
  'proxy-url'?: string;
  'disable-compression'?: boolean;
  /** The cluster's extension named `client.authentication.k8s.io/exec`: per-cluster plugin settings. */
  config?: unknown;
}

const EXEC_EXTENSION = 'client.authentication.k8s.io/exec';

function execClusterInfo(c: Record<string, unknown>, caData: Buffer | undefined): ExecClusterInfo {
  const info: ExecClusterInfo = { server: str(c['server']) ?? '' };
  const tlsServerName = str(c['tls-server-name']);
  if (tlsServerName !== undefined) info['tls-server-name'] = tlsServerName;
  if (c['insecure-skip-tls-verify'] === true) info['insecure-skip-tls-verify'] = true;
  if (caData) info['certificate-authority-data'] = caData.toString('base64');
  const proxyUrl = str(c['proxy-url']);
  if (proxyUrl !== undefined) info['proxy-url'] = proxyUrl;
  if (c['disable-compression'] === true) info['disable-compression'] = true;
  const extensions = Array.isArray(c['extensions']) ? c['extensions'].map(record) : [];
  const extension = extensions.find((entry) => entry['name'] === EXEC_EXTENSION);
  if (extension && extension['extension'] !== undefined) info.config = extension['extension'];
  return info;
}

/** What a kubeconfig context resolves to; every path already read into memory. */
export interface ResolvedKubeconfig {
  contextName: string | undefined;
  server: string | undefined;
  namespace: string | undefined;
  caData: Buffer | undefined;
  insecureSkipTlsVerify: boolean;
  tlsServerName: string | undefined;
  token: string | undefined;
  tokenFile: string | undefined;
  certData: Buffer | undefined;
  keyData: Buffer | undefined;
  username: string | undefined;
  password: string | undefined;
  exec: ExecConfig | undefined;
}

interface Named<T> {
  name: string;
  value: T;
  baseDir: string;
}

interface Merged {
  currentContext: string | undefined;
  clusters: Map<string, Named<Record<string, unknown>>>;
  users: Map<string, Named<Record<string, unknown>>>;
  contexts: Map<string, Named<Record<string, unknown>>>;
}

/** The files kubectl would read: `$KUBECONFIG` (several, merged) or `~/.kube/config`. */
export function defaultKubeconfigPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env['KUBECONFIG'];
  if (fromEnv) return fromEnv.split(delimiter).filter((path) => path !== '');
  return [join(env['HOME'] ?? homedir(), '.kube', 'config')];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// kubectl's merge: the first file that sets a map entry or current-context wins.
function merge(files: { path: string; text: string }[]): Merged {
  const merged: Merged = { currentContext: undefined, clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const file of files) {
    let document: Record<string, unknown>;
    try {
      document = record(parse(file.text));
    } catch (error) {
      throw new ConfigError(`kubeconfig ${file.path} is not valid YAML: ${(error as Error).message}; fix the file or point KUBECONFIG elsewhere`);
    }
    const baseDir = dirname(resolve(file.path));
    merged.currentContext ??= str(document['current-context']);
    for (const [list, key, target] of [
      ['clusters', 'cluster', merged.clusters],
      ['users', 'user', merged.users],
      ['contexts', 'context', merged.contexts],
    ] as const) {
      const entries = Array.isArray(document[list]) ? (document[list] as unknown[]) : [];
      for (const entry of entries) {
        const name = str(record(entry)['name']);
        if (name !== undefined && !target.has(name)) target.set(name, { name, value: record(record(entry)[key]), baseDir });
      }
    }
  }
  return merged;
}

function readPath(path: string | undefined, baseDir: string, what: string): Buffer | undefined {
  if (path === undefined) return undefined;
  const full = isAbsolute(path) ? path : join(baseDir, path);
  try {
    return readFileSync(full);
  } catch (error) {
    throw new ConfigError(`cannot read the ${what} file ${full} named in the kubeconfig: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function base64(value: unknown, what: string): Buffer | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const buffer = Buffer.from(text, 'base64');
  if (buffer.length === 0) throw new ConfigError(`the kubeconfig's ${what} is not base64 data`);
  return buffer;
}

/** Reads and merges kubeconfig files and resolves one context (the current one by default). */
export function loadKubeconfig(
  options: { paths?: string[]; yaml?: string; context?: string | undefined; env?: NodeJS.ProcessEnv } = {},
): ResolvedKubeconfig | undefined {
  const files: { path: string; text: string }[] = [];
  if (options.yaml !== undefined) files.push({ path: '<inline kubeconfig>', text: options.yaml });
  const explicit = options.paths !== undefined;
  for (const path of options.paths ?? (options.yaml === undefined ? defaultKubeconfigPaths(options.env) : [])) {
    try {
      files.push({ path, text: readFileSync(path, 'utf8') });
    } catch (error) {
      // kubectl skips missing files in $KUBECONFIG; a path the caller named must exist.
      if (explicit) throw new ConfigError(`cannot read kubeconfig ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  if (files.length === 0) return undefined;
  const merged = merge(files);
  const contextName = options.context ?? merged.currentContext;
  if (contextName === undefined) {
    throw new ConfigError('the kubeconfig has no current-context: set one (kubectl config use-context NAME) or pass the `context` option');
  }
  const context = merged.contexts.get(contextName);
  if (!context) {
    const known = [...merged.contexts.keys()].join(', ') || 'none';
    throw new ConfigError(`context "${contextName}" is not in the kubeconfig (known: ${known}); pass an existing \`context\``);
  }
  const clusterName = str(context.value['cluster']);
  const cluster = clusterName !== undefined ? merged.clusters.get(clusterName) : undefined;
  if (!cluster) throw new ConfigError(`context "${contextName}" names cluster "${clusterName ?? ''}", which is not in the kubeconfig`);
  const userName = str(context.value['user']);
  const user = userName !== undefined ? merged.users.get(userName) : undefined;
  if (userName !== undefined && !user) throw new ConfigError(`context "${contextName}" names user "${userName}", which is not in the kubeconfig`);
  const u = user?.value ?? {};
  const userDir = user?.baseDir ?? cluster.baseDir;
  const c = cluster.value;

  const caData =
    base64(c['certificate-authority-data'], 'certificate-authority-data') ??
    readPath(str(c['certificate-authority']), cluster.baseDir, 'certificate-authority');
  const execValue = record(u['exec']);
  let exec: ExecConfig | undefined;
  if (str(execValue['command']) !== undefined) {
    exec = {
      apiVersion: str(execValue['apiVersion']) ?? 'client.authentication.k8s.io/v1',
      command: str(execValue['command']) ?? '',
      args: Array.isArray(execValue['args']) ? execValue['args'].map(String) : [],
      env: Array.isArray(execValue['env'])
        ? execValue['env'].map((entry) => ({ name: String(record(entry)['name']), value: String(record(entry)['value'] ?? '') }))
        : [],
      installHint: str(execValue['installHint']),
      baseDir: userDir,
      cluster: execValue['provideClusterInfo'] === true ? execClusterInfo(c, caData) : undefined,
    };
  }
  const tokenFile = str(u['tokenFile']);
  return {
    contextName,
    server: str(c['server']),
    namespace: str(context.value['namespace']),
    caData,
    insecureSkipTlsVerify: c['insecure-skip-tls-verify'] === true,
    tlsServerName: str(c['tls-server-name']),
    token: str(u['token']),
    tokenFile: tokenFile === undefined ? undefined : isAbsolute(tokenFile) ? tokenFile : join(userDir, tokenFile),
    certData: base64(u['client-certificate-data'], 'client-certificate-data') ?? readPath(str(u['client-certificate']), userDir, 'client-certificate'),
    keyData: base64(u['client-key-data'], 'client-key-data') ?? readPath(str(u['client-key']), userDir, 'client-key'),
    username: str(u['username']),
    password: str(u['password']),
    exec,
  };
}
