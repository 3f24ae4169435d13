import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError, NetworkError, UnauthorizedError } from '../errors.js';
import { startTestApiServer, type TestApiServer } from '../testing/test-api-server.js';
import { resolveConnection, type ConnectionOptions } from './connection.js';
import { HttpTransport } from './http-transport.js';
import type { LogEvent } from './log-event.js';

const dir = mkdtempSync(join(tmpdir(), 'hikube-tls-'));
const pem = (name: string) => readFileSync(join(dir, name), 'utf8');

// A CA, a server certificate for 127.0.0.1 and a client certificate, made with the openssl CLI.
function makeCertificates(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=hikube-test-ca');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [
    ['server', '/CN=127.0.0.1'],
    ['client', '/CN=tenant-user'],
  ] as const) {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
  // A second CA that did not sign the server: trusting only it must fail.
  openssl('req', '-x509', ...ec, '-keyout', 'other.key', '-out', 'other.crt', '-days', '1', '-subj', '/CN=other-ca');
}

let tlsServer: TestApiServer;
let plainServer: TestApiServer;

beforeAll(async () => {
  makeCertificates();
  tlsServer = await startTestApiServer({
    tls: { key: pem('server.key'), cert: pem('server.crt'), ca: pem('ca.crt'), requestCert: true },
    tokens: ['tls-token', 'fresh-token'],
  });
  plainServer = await startTestApiServer({ tokens: ['fresh-token', 'file-token-2'] });
});
afterAll(async () => {
  await tlsServer.stop();
  await plainServer.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call(options: ConnectionOptions, logger?: (event: LogEvent) => void): Promise<unknown> {
  const transport = new HttpTransport({ connection: resolveConnection(options), retry: false, timeout: 10_000, ...(logger ? { logger } : {}) });
  try {
    return await transport.request({ method: 'GET', path: '/api/v1/namespaces/tenant-a/services', retry: 'idempotent' });
  } finally {
    await transport.close();
  }
}

function kubeconfig(name: string, cluster: Record<string, unknown>, user: Record<string, unknown>): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    stringify({
      'current-context': 'c',
      clusters: [{ name: 'k', cluster }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'c', context: { cluster: 'k', user: 'u', namespace: 'tenant-a' } }],
    }),
  );
  return path;
}

describe('TLS', () => {
  it.each([
    { name: 'CA file from the kubeconfig', cluster: () => ({ 'certificate-authority': 'ca.crt' }) },
    { name: 'CA data from the kubeconfig', cluster: () => ({ 'certificate-authority-data': Buffer.from(pem('ca.crt')).toString('base64') }) },
    { name: 'insecure-skip-tls-verify', cluster: () => ({ 'insecure-skip-tls-verify': true }) },
  ])('trusts the server with $name', async ({ name, cluster }) => {
    const path = kubeconfig(`${name.replace(/\W+/g, '-')}.yaml`, { server: tlsServer.url, ...cluster() }, { token: 'tls-token' });
    await expect(call({ kubeconfig: path })).resolves.toMatchObject({ kind: 'ServiceList' });
  });

  it.each([
    { name: 'no CA', options: () => ({}) },
    { name: 'the wrong CA', options: () => ({ ca: pem('other.crt') }) },
  ])('refuses the server with $name', async ({ options }) => {
    const error = await call({ kubeconfig: false, server: tlsServer.url, token: 'tls-token', ...options() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/TLS to https:\/\/127\.0\.0\.1:\d+ failed .*check the CA/);
  });

  it('authenticates with a client certificate instead of a token', async () => {
    tlsServer.requests.length = 0;
    const path = kubeconfig(
      'mtls.yaml',
      { server: tlsServer.url, 'certificate-authority': 'ca.crt' },
      { 'client-certificate': 'client.crt', 'client-key': 'client.key' },
    );
    await expect(call({ kubeconfig: path })).resolves.toMatchObject({ kind: 'ServiceList' });
    expect(tlsServer.requests[0]).toMatchObject({ clientCertificateSubject: 'tenant-user' });
    expect(tlsServer.requests[0]?.headers.authorization).toBeUndefined();
    await expect(call({ kubeconfig: false, server: tlsServer.url, ca: pem('ca.crt') })).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('exec credential plugin', () => {
  // The plugin prints the token stored in a file and counts its runs in another.
  const plugin = join(dir, 'plugin.mjs');
  const tokenPath = join(dir, 'plugin-token');
  const runsPath = join(dir, 'plugin-runs');
  writeFileSync(
    plugin,
    [
      '#!/usr/bin/env node',
      "import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';",
      "appendFileSync(process.env.RUNS, 'x');",
      'if (process.env.INFO_OUT) writeFileSync(process.env.INFO_OUT, process.env.KUBERNETES_EXEC_INFO);',
      'const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);',
      "if (info.apiVersion !== 'client.authentication.k8s.io/v1') process.exit(3);",
      "const status = { token: readFileSync(process.env.TOKEN_FILE, 'utf8').trim() };",
      'if (process.env.EXPIRES_IN) status.expirationTimestamp = new Date(Date.now() + Number(process.env.EXPIRES_IN)).toISOString();',
      "console.log(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status }));",
    ].join('\n'),
  );
  chmodSync(plugin, 0o755);
  const runs = () => readFileSync(runsPath, 'utf8').length;

  function execKubeconfig(name: string, expiresInMs: number | undefined, command = './plugin.mjs'): string {
    writeFileSync(runsPath, '');
    const env = [
      { name: 'RUNS', value: runsPath },
      { name: 'TOKEN_FILE', value: tokenPath },
      ...(expiresInMs === undefined ? [] : [{ name: 'EXPIRES_IN', value: String(expiresInMs) }]),
    ];
    return kubeconfig(
      name,
      { server: plainServer.url },
      { exec: { apiVersion: 'client.authentication.k8s.io/v1', command, env, installHint: 'Install the hikube login plugin.' } },
    );
  }

  async function twoCalls(path: string): Promise<void> {
    const transport = new HttpTransport({ connection: resolveConnection({ kubeconfig: path }), retry: false });
    try {
      for (let index = 0; index < 2; index += 1) await transport.request({ method: 'GET', path: '/api/v1/namespaces/tenant-a/pods', retry: 'idempotent' });
    } finally {
      await transport.close();
    }
  }

  it.each([
    { name: 'caches a credential until it expires', expiresIn: 3_600_000, want: 1 },
    { name: 'caches a credential without expiry', expiresIn: undefined, want: 1 },
    { name: 'runs again once the credential is (nearly) expired', expiresIn: 1_000, want: 2 },
  ])('$name', async ({ expiresIn, want }) => {
    writeFileSync(tokenPath, 'fresh-token');
    await twoCalls(execKubeconfig('exec.yaml', expiresIn));
    expect(runs()).toBe(want);
  });

  it('runs the plugin once for concurrent first calls', async () => {
    writeFileSync(tokenPath, 'fresh-token');
    const transport = new HttpTransport({ connection: resolveConnection({ kubeconfig: execKubeconfig('exec-concurrent.yaml', undefined) }), retry: false });
    try {
      await Promise.all(Array.from({ length: 5 }, () => transport.request({ method: 'GET', path: '/api/v1/namespaces/tenant-a/pods', retry: 'idempotent' })));
    } finally {
      await transport.close();
    }
    expect(runs()).toBe(1);
  });

  it('runs the plugin again after a 401 and retries once', async () => {
    writeFileSync(tokenPath, 'stale-token');
    const path = execKubeconfig('exec-refresh.yaml', 3_600_000);
    const transport = new HttpTransport({ connection: resolveConnection({ kubeconfig: path }), retry: false });
    try {
      await expect(transport.request({ method: 'GET', path: '/api/v1/namespaces/tenant-a/pods', retry: 'idempotent' })).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      writeFileSync(tokenPath, 'fresh-token');
      await expect(transport.request({ method: 'GET', path: '/api/v1/namespaces/tenant-a/pods', retry: 'idempotent' })).resolves.toMatchObject({
        kind: 'PodList',
      });
    } finally {
      await transport.close();
    }
    // 1 for the first call, 1 for its refresh after 401, 1 for the second call's refresh after 401.
    expect(runs()).toBe(3);
  });

  it.each([
    { name: 'gives the plugin the cluster when provideClusterInfo is set', provide: true },
    { name: 'gives the plugin no cluster otherwise', provide: false },
  ])('$name', async ({ provide }) => {
    writeFileSync(tokenPath, 'fresh-token');
    writeFileSync(runsPath, '');
    const infoPath = join(dir, `exec-info-${String(provide)}.json`);
    const caData = Buffer.from(pem('ca.crt')).toString('base64');
    const cluster = {
      server: plainServer.url,
      'tls-server-name': 'api.hikube.example',
      'certificate-authority-data': caData,
      extensions: [
        { name: 'client.authentication.k8s.io/exec', extension: { audience: 'tenant-a' } },
        { name: 'someone-else', extension: { ignored: true } },
      ],
    };
    const env = [
      { name: 'RUNS', value: runsPath },
      { name: 'TOKEN_FILE', value: tokenPath },
      { name: 'INFO_OUT', value: infoPath },
    ];
    const exec = { apiVersion: 'client.authentication.k8s.io/v1', command: './plugin.mjs', env, ...(provide ? { provideClusterInfo: true } : {}) };
    await call({ kubeconfig: kubeconfig(`exec-cluster-${String(provide)}.yaml`, cluster, { exec }) });
    const info = JSON.parse(readFileSync(infoPath, 'utf8')) as { spec: Record<string, unknown> };
    expect(info.spec).toEqual(
      provide
        ? {
            interactive: false,
            cluster: {
              server: plainServer.url,
              'tls-server-name': 'api.hikube.example',
              'certificate-authority-data': caData,
              config: { audience: 'tenant-a' },
            },
          }
        : { interactive: false },
    );
  });

  it('explains a missing plugin with its install hint', async () => {
    const error = await call({ kubeconfig: execKubeconfig('exec-missing.yaml', undefined, './no-such-plugin') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/exec credential plugin "\.\/no-such-plugin" failed \(command not found\)\. Install the hikube login plugin\./);
  });

  it('keeps the token out of the log', async () => {
    writeFileSync(tokenPath, 'fresh-token');
    const events: LogEvent[] = [];
    await call({ kubeconfig: execKubeconfig('exec-log.yaml', undefined) }, (event) => events.push(event));
    expect(JSON.stringify(events)).not.toContain('fresh-token');
  });
});

describe('token file', () => {
  it('picks up a rotated token', async () => {
    const tokenFile = join(dir, 'rotating-token');
    writeFileSync(tokenFile, 'fresh-token\n');
    const transport = new HttpTransport({ connection: resolveConnection({ kubeconfig: false, server: plainServer.url, tokenFile }), retry: false });
    try {
      await transport.request({ method: 'GET', path: '/api/v1/namespaces/tenant-a/pods', retry: 'idempotent' });
      writeFileSync(tokenFile, 'file-token-2\n');
      const later = new Date(Date.now() + 5_000);
      const { utimesSync } = await import('node:fs');
      utimesSync(tokenFile, later, later);
      plainServer.requests.length = 0;
      await transport.request({ method: 'GET', path: '/api/v1/namespaces/tenant-a/pods', retry: 'idempotent' });
      expect(plainServer.requests[0]?.headers.authorization).toBe('Bearer file-token-2');
    } finally {
      await transport.close();
    }
  });
});
