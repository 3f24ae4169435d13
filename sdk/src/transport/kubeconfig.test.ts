import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../errors.js';
import { resolveConnection } from './connection.js';
import { defaultKubeconfigPaths, loadKubeconfig } from './kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'hikube-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : stringify(content));
  return path;
}

const caPem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
file('ca.crt', caPem);
file('token', 'from-token-file\n');
file('client.crt', 'CLIENT CERT');
file('client.key', 'CLIENT KEY');

const first = file('first.yaml', {
  apiVersion: 'v1',
  kind: 'Config',
  'current-context': 'tenant',
  clusters: [
    { name: 'hikube', cluster: { server: 'https://api.hikube.example:6443', 'certificate-authority': 'ca.crt' } },
    { name: 'shared', cluster: { server: 'https://first.example' } },
  ],
  users: [
    { name: 'token-user', user: { token: 'inline-token' } },
    { name: 'file-user', user: { tokenFile: 'token' } },
  ],
  contexts: [
    { name: 'tenant', context: { cluster: 'hikube', user: 'token-user', namespace: 'tenant-a' } },
    { name: 'by-file', context: { cluster: 'hikube', user: 'file-user' } },
  ],
});
const second = file('second.yaml', {
  'current-context': 'ignored-because-first-wins',
  clusters: [
    { name: 'shared', cluster: { server: 'https://second.example' } },
    {
      name: 'local',
      cluster: { server: 'http://127.0.0.1:8080', 'insecure-skip-tls-verify': true, 'certificate-authority-data': Buffer.from(caPem).toString('base64') },
    },
  ],
  users: [
    { name: 'cert-user', user: { 'client-certificate': 'client.crt', 'client-key': 'client.key' } },
    {
      name: 'data-user',
      user: { 'client-certificate-data': Buffer.from('DATA CERT').toString('base64'), 'client-key-data': Buffer.from('DATA KEY').toString('base64') },
    },
    {
      name: 'exec-user',
      user: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: './plugin.mjs',
          args: ['--x'],
          env: [{ name: 'A', value: 'b' }],
          installHint: 'install it',
        },
      },
    },
  ],
  contexts: [
    { name: 'shared', context: { cluster: 'shared', user: 'token-user' } },
    { name: 'certs', context: { cluster: 'local', user: 'cert-user', namespace: 'dev' } },
    { name: 'data', context: { cluster: 'local', user: 'data-user' } },
    { name: 'exec', context: { cluster: 'local', user: 'exec-user' } },
    { name: 'dangling', context: { cluster: 'nowhere', user: 'token-user' } },
  ],
});

describe('loadKubeconfig', () => {
  it.each([
    {
      name: 'current context',
      context: undefined,
      want: { contextName: 'tenant', server: 'https://api.hikube.example:6443', namespace: 'tenant-a', token: 'inline-token' },
    },
    { name: 'CA file relative to the kubeconfig', context: 'tenant', want: { caData: Buffer.from(caPem) } },
    { name: 'token file relative to the kubeconfig', context: 'by-file', want: { tokenFile: join(dir, 'token'), token: undefined, namespace: undefined } },
    { name: 'first file wins a name clash', context: 'shared', want: { server: 'https://first.example' } },
    {
      name: 'context from the second file',
      context: 'certs',
      want: {
        server: 'http://127.0.0.1:8080',
        namespace: 'dev',
        insecureSkipTlsVerify: true,
        certData: Buffer.from('CLIENT CERT'),
        keyData: Buffer.from('CLIENT KEY'),
      },
    },
    { name: 'base64 data fields', context: 'data', want: { caData: Buffer.from(caPem), certData: Buffer.from('DATA CERT'), keyData: Buffer.from('DATA KEY') } },
    {
      name: 'exec plugin',
      context: 'exec',
      want: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: './plugin.mjs',
          args: ['--x'],
          env: [{ name: 'A', value: 'b' }],
          installHint: 'install it',
          baseDir: dir,
        },
      },
    },
  ])('$name', ({ context, want }) => {
    expect(loadKubeconfig({ paths: [first, second], context })).toMatchObject(want);
  });

  it.each([
    { name: 'unknown context', options: { paths: [first], context: 'nope' }, message: /context "nope" is not in the kubeconfig \(known: tenant, by-file\)/ },
    { name: 'context naming a missing cluster', options: { paths: [first, second], context: 'dangling' }, message: /names cluster "nowhere"/ },
    { name: 'unreadable file named by the caller', options: { paths: [join(dir, 'missing.yaml')] }, message: /cannot read kubeconfig .*missing\.yaml: ENOENT/ },
    { name: 'invalid YAML', options: { paths: [file('bad.yaml', 'clusters: [')] }, message: /not valid YAML/ },
    {
      name: 'no current context',
      options: { paths: [second.replace('second', 'nocurrent')], yaml: 'clusters: []' },
      message: /cannot read kubeconfig|no current-context/,
    },
  ])('fails clearly: $name', ({ options, message }) => {
    expect(() => loadKubeconfig(options)).toThrow(ConfigError);
    expect(() => loadKubeconfig(options)).toThrow(message);
  });

  it('reads $KUBECONFIG as a list and skips missing files, like kubectl', () => {
    const env = { KUBECONFIG: [join(dir, 'absent.yaml'), first, second].join(delimiter) };
    expect(defaultKubeconfigPaths(env)).toEqual([join(dir, 'absent.yaml'), first, second]);
    expect(loadKubeconfig({ env, context: 'certs' })?.namespace).toBe('dev');
    expect(defaultKubeconfigPaths({ HOME: '/home/someone' })).toEqual(['/home/someone/.kube/config']);
  });
});

describe('resolveConnection', () => {
  it('lets explicit options win over the kubeconfig', () => {
    const connection = resolveConnection({
      kubeconfig: [first, second],
      server: 'https://override.example:443/prefix/',
      namespace: 'other',
      token: 'explicit-token',
    });
    expect(connection).toMatchObject({
      origin: 'https://override.example',
      basePath: '/prefix',
      namespace: 'other',
      auth: { kind: 'token', token: 'explicit-token' },
    });
    expect(connection.tls.ca).toEqual(Buffer.from(caPem));
  });

  it.each([
    { name: 'token', options: { context: 'tenant' }, want: { kind: 'token', token: 'inline-token' } },
    { name: 'token file', options: { context: 'by-file' }, want: { kind: 'tokenFile', path: join(dir, 'token') } },
    { name: 'exec plugin', options: { context: 'exec' }, want: { kind: 'exec' } },
    { name: 'client certificate only', options: { context: 'certs' }, want: { kind: 'none' } },
    { name: 'explicit token file', options: { context: 'tenant', tokenFile: '/run/token' }, want: { kind: 'tokenFile', path: '/run/token' } },
  ])('authenticates with $name', ({ options, want }) => {
    expect(resolveConnection({ kubeconfig: [first, second], ...options }).auth).toMatchObject(want);
  });

  it('maps insecure-skip-tls-verify and defaults the namespace', () => {
    expect(resolveConnection({ kubeconfig: [first, second], context: 'data' })).toMatchObject({ namespace: 'default', tls: { rejectUnauthorized: false } });
    expect(resolveConnection({ kubeconfig: [first, second], context: 'data', insecureSkipTlsVerify: false }).tls.rejectUnauthorized).toBe(true);
  });

  it.each([
    { name: 'no server anywhere', options: { kubeconfig: false as const }, message: /no API server: pass `server`/ },
    { name: 'not a URL', options: { kubeconfig: false as const, server: 'api.example:6443' }, message: /must use https:\/\/|is not a URL/ },
    { name: 'a context without kubeconfig', options: { kubeconfig: false as const, context: 'x' }, message: /no kubeconfig was found/ },
    {
      name: 'unreadable CA file',
      options: { kubeconfig: false as const, server: 'https://x', caFile: join(dir, 'nope.crt') },
      message: /cannot read the CA file/,
    },
  ])('fails clearly: $name', ({ options, message }) => {
    expect(() => resolveConnection(options)).toThrow(message);
  });
});
