import { access, readFile } from 'node:fs/promises';
import { connect } from 'node:net';

import { TestkitInputError } from '@hikube/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchHikubeLocal, type LaunchedHikubeLocal } from './hikube-local-launcher.js';

const DEV_POSTGRES = `
apiVersion: apps.cozystack.io/v1alpha1
kind: Postgres
metadata:
  name: dev
spec:
  replicas: 1
  resourcesPreset: nano
  size: 5Gi
`;

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('launchHikubeLocal', () => {
  let local: LaunchedHikubeLocal;
  beforeAll(async () => {
    local = await launchHikubeLocal({ tenants: ['tenant-other'] });
  });
  afterAll(async () => {
    await local.stop();
  });

  it('returns the URL, kubeconfig and tokens of a running server', async () => {
    expect(local.url).toMatch(/^https:\/\/127\.0\.0\.1:[0-9]+$/);
    const kubeconfig = await readFile(local.kubeconfigPath, 'utf8');
    expect(kubeconfig).toContain(local.url);
    expect(local.adminToken.length).toBeGreaterThan(20);
    expect(local.tenant().namespace).toBe('tenant-demo');
    expect(local.tenant('tenant-other').token).not.toBe(local.tenant().token);
    expect(local.context('tenant-other')).toBe('hikube-local-tenant-other');
    expect(() => local.tenant('nobody')).toThrow(TestkitInputError);
  });

  it('serves kubectl: apply, wait for Ready, tenant isolation', async () => {
    const kubectl = await local.kubectl({ requestTimeout: '20s' });
    expect((await kubectl.apply(DEV_POSTGRES)).stdout).toBe('postgres.apps.cozystack.io/dev created\n');
    await kubectl.run(['wait', '--for=condition=Ready', 'postgres/dev', '--timeout=30s']);
    const other = await local.kubectl({ context: local.context('tenant-other') });
    expect(await other.json(['get', 'postgreses', '-o', 'json'])).toMatchObject({ items: [] });
    const denied = await other.run(['get', 'postgreses', '-n', 'tenant-demo'], { check: false });
    expect(denied.stderr).toContain('Forbidden');
    expect(local.server.requestCount()).toBeGreaterThan(0);
  });

  it('follows a watch with a long-running kubectl', async () => {
    const kubectl = await local.kubectl({ context: local.context('tenant-other') });
    const watch = kubectl.start(['get', 'postgreses', '--watch', '-o', 'name']);
    try {
      await kubectl.apply(DEV_POSTGRES.replace('name: dev', 'name: watched'));
      await watch.waitFor('postgres.apps.cozystack.io/watched');
    } finally {
      expect(await watch.stop()).toContain('postgres.apps.cozystack.io/watched');
    }
  });
});

describe('launchHikubeLocal stop', () => {
  it('closes the port and removes the data dir', async () => {
    const local = await launchHikubeLocal();
    const port = Number(new URL(local.url).port);
    expect(await local.stop()).toEqual({ kept: false });
    expect(await refusesConnections(port)).toBe(true);
    await expect(access(local.dataDir)).rejects.toThrow();
  });

  it('rejects a tenant name that is not a DNS label before starting', async () => {
    await expect(launchHikubeLocal({ tenants: ['Bad_Name'] })).rejects.toThrow(/tenants\[0\]/);
  });
});
