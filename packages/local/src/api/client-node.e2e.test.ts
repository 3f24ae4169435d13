// @kubernetes/client-node against Hikube Local over HTTPS with the written kubeconfig: custom
// objects CRUD, merge patch, typed core reads, a watch, and errors as ApiException with the code.

import * as k8s from '@kubernetes/client-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

let dir: string;
let local: HikubeLocal;
let kc: k8s.KubeConfig;
const ns = 'tenant-demo';
const pg = { group: 'apps.cozystack.io', version: 'v1alpha1', plural: 'postgreses', namespace: ns };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-local-client-node-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(local.kubeconfigPath);
});
afterAll(async () => {
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('@kubernetes/client-node', () => {
  it('creates, reads, lists and merge-patches a Postgres', async () => {
    const api = kc.makeApiClient(k8s.CustomObjectsApi);
    const created = (await api.createNamespacedCustomObject({
      ...pg,
      body: { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'client' }, spec: { replicas: 1 } },
    })) as { metadata: { uid: string } };
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    await local.idle();
    const got = (await api.getNamespacedCustomObject({ ...pg, name: 'client' })) as { status: { conditions: { type: string; status: string }[] } };
    expect(got.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    const list = (await api.listNamespacedCustomObject({ ...pg })) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
    const patched = (await api.patchNamespacedCustomObject(
      { ...pg, name: 'client', body: { spec: { replicas: 2 } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    )) as { metadata: { generation: number } };
    expect(patched.metadata.generation).toBe(2);
  });

  it('reads the credentials Secret and the pods with the typed core client', async () => {
    await local.idle();
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const secret = await core.readNamespacedSecret({ name: 'postgres-client-credentials', namespace: ns });
    expect(secret.kind).toBe('Secret');
    const pods = await core.listNamespacedPod({ namespace: ns, labelSelector: 'cnpg.io/cluster=postgres-client' });
    expect(pods.items.map((p) => p.spec?.nodeName?.slice(0, 4))).toEqual(['gld-', 'luc-']);
  });

  it('watches changes', async () => {
    const seen: string[] = [];
    let resolveModified: () => void = () => undefined;
    const modified = new Promise<void>((r) => (resolveModified = r));
    const controller = await new k8s.Watch(kc).watch(
      `/apis/apps.cozystack.io/v1alpha1/namespaces/${ns}/postgreses`,
      { fieldSelector: 'metadata.name=client' },
      (type: string) => {
        seen.push(type);
        if (type === 'MODIFIED') resolveModified();
      },
      () => undefined,
    );
    const api = kc.makeApiClient(k8s.CustomObjectsApi);
    await api.patchNamespacedCustomObject(
      { ...pg, name: 'client', body: { metadata: { labels: { watched: 'yes' } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await modified;
    controller.abort();
    expect(seen[0]).toBe('ADDED');
    expect(seen).toContain('MODIFIED');
  });

  it('surfaces Status errors as ApiException with the HTTP code', async () => {
    const api = kc.makeApiClient(k8s.CustomObjectsApi);
    const err = (await api.getNamespacedCustomObject({ ...pg, name: 'missing' }).catch((e: unknown) => e)) as k8s.ApiException<string>;
    expect(err.code).toBe(404);
    expect(String(err.body)).toContain('postgreses.apps.cozystack.io \\"missing\\" not found');
  });
});
