import { createServer, type Server } from 'node:http';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ExecutableNotFoundError, KubectlCommandError, TestkitInputError } from '../errors.js';
import { createTempDir, type TempDir } from '../temp-dir.js';
import { Kubectl, maskSecretArgs } from './kubectl-runner.js';

// A loopback HTTP server with just what these commands touch; Hikube Local's own suite runs the
// runner against the real API.
function startApi(received: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      received.push(`${req.method} ${path} ${Buffer.concat(chunks).toString('utf8')}`.trim());
      res.setHeader('content-type', 'application/json');
      if (path === '/version') res.end(JSON.stringify({ major: '1', minor: '31', gitVersion: 'v1.31.0' }));
      else if (path === '/healthz') res.end('ok');
      else if (path === '/apis/example.com/v1/things') res.end(req.method === 'POST' ? Buffer.concat(chunks) : '{"items":[]}');
      else if (path === '/slow')
        return; // never answers: --request-timeout must end it
      else {
        res.statusCode = 404;
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('Kubectl', () => {
  let dir: TempDir;
  let server: Server;
  let kubectl: Kubectl;
  const received: string[] = [];

  beforeAll(async () => {
    dir = await createTempDir('kubectl');
    server = await startApi(received);
    const { port } = server.address() as AddressInfo;
    const kubeconfig = join(dir.path, 'kubeconfig');
    await writeFile(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `- name: local\n  cluster:\n    server: http://127.0.0.1:${port}`,
        'users:',
        '- name: tester\n  user: {}',
        'contexts:',
        '- name: local\n  context:\n    cluster: local\n    user: tester\n    namespace: tenant-demo',
        'current-context: local',
        '',
      ].join('\n'),
    );
    kubectl = await Kubectl.create({ kubeconfig, requestTimeout: '10s' });
  });
  afterAll(async () => {
    await kubectl.dispose();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await dir.remove();
  });

  it('runs a command against the kubeconfig and captures its output', async () => {
    const result = await kubectl.run(['get', '--raw', '/healthz']);
    expect(result).toMatchObject({ ok: true, exitCode: 0, stdout: 'ok', command: 'kubectl get --raw /healthz' });
  });

  it('parses JSON output and feeds stdin', async () => {
    expect(await kubectl.json(['get', '--raw', '/apis/example.com/v1/things'])).toEqual({ items: [] });
    const created = await kubectl.json(['create', '--raw', '/apis/example.com/v1/things', '-f', '-'], { input: '{"name":"a"}' });
    expect(created).toEqual({ name: 'a' });
    expect(received).toContain('POST /apis/example.com/v1/things {"name":"a"}');
  });

  it('ends a request that hangs with --request-timeout', async () => {
    const result = await kubectl.run(['get', '--raw', '/slow'], { requestTimeout: '1s', check: false });
    expect(result.ok).toBe(false);
    expect(result.stderr).toMatch(/deadline exceeded|Timeout/);
  });

  it('throws on failure, with the token masked', async () => {
    const error = await kubectl.run(['--token', 'sekret-value', 'get', '--raw', '/missing']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubectlCommandError);
    expect((error as KubectlCommandError).code).toBe('HIKUBE_KUBECTL_FAILED');
    expect((error as KubectlCommandError).message).toContain('kubectl --token *** get --raw /missing');
    expect((error as KubectlCommandError).message).not.toContain('sekret-value');
  });
});

describe('Kubectl.create and maskSecretArgs', () => {
  it.each([
    { name: 'relative kubeconfig', given: { kubeconfig: 'kubeconfig' }, field: 'kubeconfig' },
    { name: 'missing kubeconfig', given: { kubeconfig: '/nonexistent/kubeconfig' }, field: 'kubeconfig' },
    { name: 'bad request timeout', given: { kubeconfig: '/etc/hostname', requestTimeout: '10' }, field: 'requestTimeout' },
  ])('rejects $name', async ({ given, field }) => {
    const error = await Kubectl.create(given).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestkitInputError);
    expect((error as TestkitInputError).field).toBe(field);
  });

  it('names a missing kubectl', async () => {
    await expect(Kubectl.create({ kubeconfig: '/etc/hostname', kubectl: '/nonexistent/kubectl' })).rejects.toThrow(ExecutableNotFoundError);
  });

  it.each([
    { given: ['--token', 'abc', 'get', 'pods'], want: ['--token', '***', 'get', 'pods'] },
    { given: ['--token=abc', '--password=p'], want: ['--token=***', '--password=***'] },
    { given: ['get', 'secret', 'token'], want: ['get', 'secret', 'token'] },
  ])('masks $given', ({ given, want }) => {
    expect(maskSecretArgs(given)).toEqual(want);
  });
});
