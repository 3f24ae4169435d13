// The controller loop with the deterministic driver, in process: status, owned objects, placement,
// pod deletion, site outages, finalizer and garbage collection.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POSTGRES_FINALIZER } from '../../store/finalizers.js';
import type { KubeObject } from '../../store/kube-object.js';
import { ObjectService } from '../../store/object-service.js';
import { ObjectStore } from '../../store/object-store.js';
import { EVENT, NAMESPACE, POD, POSTGRES, SCHEDULING_CLASS, SECRET, SERVICE, TENANT_SECRET } from '../../store/resource-types.js';
import { ControllerLoop } from '../controller-loop.js';
import { builtinSchedulingClasses } from '../placement.js';
import { DeterministicReconciler } from './deterministic-reconciler.js';

let service: ObjectService;
let loop: ControllerLoop;

beforeEach(async () => {
  service = new ObjectService(await ObjectStore.open());
  for (const sc of builtinSchedulingClasses()) await service.create(SCHEDULING_CLASS, sc);
  loop = new ControllerLoop(service, new DeterministicReconciler({ availableVersions: ['v16', 'v17', 'v18'] }), { dataDir: '/nonexistent' });
  await loop.start();
});
afterEach(async () => {
  await loop.stop();
});

async function createPg(name: string, spec: Record<string, unknown>): Promise<void> {
  await service.create(POSTGRES, {
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name, namespace: 'ns', finalizers: [POSTGRES_FINALIZER] },
    spec,
  });
  await loop.idle();
}

const pods = (): KubeObject[] => service.list(POD, { namespace: 'ns' }).items;
// Pods carry no zone label (as on the platform): the node's name tells the site.
const placement = (): string[][] =>
  pods().map((p) => [
    p.metadata.name,
    (p['spec'] as { nodeName: string }).nodeName,
    p.metadata.labels?.['topology.kubernetes.io/zone'] ?? 'no zone label',
    p.metadata.labels?.['cnpg.io/instanceRole'] ?? '',
  ]);
const ready = (name: string): Record<string, string> => {
  const status = service.get(POSTGRES, 'ns', name)['status'] as { conditions: { type: string; status: string; reason: string }[] };
  return Object.fromEntries(status.conditions.map((c) => [c.type, `${c.status}/${c.reason}`]));
};

describe('deterministic driver', () => {
  it('fails the install of a spec the chart refuses, as Helm words it, and publishes nothing for it (issue 18: status never says applied)', async () => {
    await createPg('bad', { users: { streaming_replica: {} }, databases: { template0: {} } });
    expect(ready('bad')).toEqual({ Ready: 'False/InstallFailed', Released: 'False/InstallFailed', WorkloadsReady: 'Unknown/Pending' });
    const message = (service.get(POSTGRES, 'ns', 'bad')['status'] as { conditions: { message: string }[] }).conditions[0]?.message;
    expect(message).toMatch(
      /^Helm install failed for release ns\/postgres-bad with chart postgres@0\.18\.0: values don't meet the specifications of the schema\(s\) in the following chart\(s\):\npostgres:\n- at '\/users\/streaming_replica': .*\n- at '\/databases\/template0': /,
    );
    expect(pods()).toEqual([]);
    expect(service.list(SECRET, { namespace: 'ns' }).items).toEqual([]);
  });

  const placements: { name: string; spec: Record<string, unknown>; namespaceClass?: string; want: string[][] }[] = [
    {
      name: 'no class: the platform spreads over the three sites',
      spec: { replicas: 3 },
      want: [
        ['postgres-a-1', 'gld-worker-1', 'no zone label', 'primary'],
        ['postgres-a-2', 'luc-worker-1', 'no zone label', 'replica'],
        ['postgres-a-3', 'plo-worker-1', 'no zone label', 'replica'],
      ],
    },
    {
      name: 'pinned to one site by its node selector',
      spec: { replicas: 2, schedulingClass: 'lucerne' },
      want: [
        ['postgres-a-1', 'luc-worker-1', 'no zone label', 'primary'],
        ['postgres-a-2', 'luc-worker-2', 'no zone label', 'replica'],
      ],
    },
    {
      name: "the namespace label names the tenant's class",
      spec: { replicas: 2 },
      namespaceClass: 'geneva',
      want: [
        ['postgres-a-1', 'plo-worker-1', 'no zone label', 'primary'],
        ['postgres-a-2', 'plo-worker-2', 'no zone label', 'replica'],
      ],
    },
    {
      name: 'a namespace label naming no class is skipped, as the webhook does',
      spec: { replicas: 2 },
      namespaceClass: 'gone',
      want: [
        ['postgres-a-1', 'gld-worker-1', 'no zone label', 'primary'],
        ['postgres-a-2', 'luc-worker-1', 'no zone label', 'replica'],
      ],
    },
  ];
  it.each(placements)('places instances: $name', async ({ spec, namespaceClass, want }) => {
    if (namespaceClass !== undefined)
      await service.create(NAMESPACE, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'ns', labels: { 'scheduler.cozystack.io/scheduling-class': namespaceClass } },
      });
    await createPg('a', spec);
    expect(placement()).toEqual(want);
    expect(ready('a')).toEqual({ Ready: 'True/InstallSucceeded', Released: 'True/InstallSucceeded', WorkloadsReady: 'True/WorkloadMonitorCheck' });
  });

  it('publishes services and keeps generated passwords across reconciles', async () => {
    await createPg('b', { replicas: 1, external: true, users: { app: {}, fixed: { password: 'given' } } });
    expect(service.list(SERVICE, { namespace: 'ns' }).items.map((s) => s.metadata.name)).toEqual([
      'postgres-b-external-write',
      'postgres-b-r',
      'postgres-b-ro',
      'postgres-b-rw',
    ]);
    const secret = service.get(SECRET, 'ns', 'postgres-b-credentials')['data'] as Record<string, string>;
    expect(Buffer.from(secret['fixed'] as string, 'base64').toString()).toBe('given');
    const pg = service.get(POSTGRES, 'ns', 'b');
    await service.update(POSTGRES, { ...pg, spec: { ...(pg['spec'] as object), replicas: 2 } });
    await loop.idle();
    expect((service.get(SECRET, 'ns', 'postgres-b-credentials')['data'] as Record<string, string>)['app']).toBe(secret['app']);
    expect(service.get(TENANT_SECRET, 'ns', 'postgres-b-credentials')['data']).toEqual(service.get(SECRET, 'ns', 'postgres-b-credentials')['data']);
  });

  it('publishes a password for users named like properties of every object (the property suite found the engine failing on "constructor")', async () => {
    await createPg('proto', { replicas: 1, users: { constructor: {}, toString: {}, valueOf: { password: 'given' } } });
    const secret = service.get(SECRET, 'ns', 'postgres-proto-credentials')['data'] as Record<string, string>;
    expect(Object.keys(secret).sort()).toEqual(['constructor', 'toString', 'valueOf']);
    for (const user of ['constructor', 'toString']) expect(Buffer.from(secret[user] as string, 'base64').toString()).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(Buffer.from(secret['valueOf'] as string, 'base64').toString()).toBe('given');
    expect(ready('proto')['Ready']).toBe('True/InstallSucceeded');
  });

  it.each([
    { name: 'an unavailable major', spec: { version: 'v13' }, cause: /PostgreSQL 13 is not available on this platform/ },
    { name: 'a missing scheduling class', spec: { schedulingClass: 'mars' }, cause: /SchedulingClass "mars" does not exist/ },
  ])('reports $name as a failed install with the cause', async ({ spec, cause }) => {
    await createPg('c', spec);
    expect(ready('c')['Ready']).toBe('False/InstallFailed');
    expect(
      (service.get(POSTGRES, 'ns', 'c')['status'] as { conditions: { type: string; message: string }[] }).conditions.find((c) => c.type === 'Ready')?.message,
    ).toMatch(cause);
    expect(service.list(EVENT, { namespace: 'ns' }).items.some((e) => e['type'] === 'Warning')).toBe(true);
  });

  it("fails the install of instances its class lets no node take, with the scheduler's reasons", async () => {
    const spec = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'topology.kubernetes.io/zone' }] } };
    await service.create(SCHEDULING_CLASS, { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name: 'one-per-zone' }, spec });
    await createPg('u', { replicas: 4, schedulingClass: 'one-per-zone' });
    // Helm waits for the pods: the release fails, worded with the scheduler's reasons.
    expect(ready('u')['Ready']).toBe('False/InstallFailed');
    const message = (service.get(POSTGRES, 'ns', 'u')['status'] as { conditions: { message: string }[] }).conditions[0]?.message;
    expect(message).toMatch(
      /^Helm install failed for release ns\/postgres-u with chart postgres@[\d.]+: instance 4: 0\/9 nodes are available: 9 node\(s\) didn't match pod anti-affinity rules \(scheduling class one-per-zone\)$/,
    );
  });

  it('recreates a deleted pod and moves the primary out of a downed site', async () => {
    await createPg('d', { replicas: 3 });
    const uid = service.get(POD, 'ns', 'postgres-d-2').metadata.uid;
    await service.delete(POD, 'ns', 'postgres-d-2');
    await loop.idle();
    expect(service.get(POD, 'ns', 'postgres-d-2').metadata.uid).not.toBe(uid);
    const readySince = (name: string) =>
      (service.get(POD, 'ns', name)['status'] as { conditions: { lastTransitionTime?: string }[] }).conditions[0]?.lastTransitionTime;
    const lucerneSince = readySince('postgres-d-2');
    expect(readySince('postgres-d-1')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await loop.siteOperation('down', 'gland');
    await loop.idle();
    expect(placement().map((p) => p[3])).toEqual(['replica', 'primary', 'replica']);
    // Ready moved for the downed instance only; the others keep the time they became ready.
    expect(service.get(POD, 'ns', 'postgres-d-1')['status']).toMatchObject({ conditions: [{ type: 'Ready', status: 'False', reason: 'SiteDown' }] });
    expect(readySince('postgres-d-2')).toBe(lucerneSince);
    // A failover is no release: Ready stays as the install left it.
    expect(ready('d')).toEqual({ Ready: 'True/InstallSucceeded', Released: 'True/InstallSucceeded', WorkloadsReady: 'True/WorkloadMonitorCheck' });
    await loop.siteOperation('down', 'lucerne');
    await loop.siteOperation('down', 'geneva');
    await loop.idle();
    expect(ready('d')).toEqual({ Ready: 'True/InstallSucceeded', Released: 'True/InstallSucceeded', WorkloadsReady: 'False/WorkloadMonitorCheck' });
  });

  it('runs an upgrade per spec change: Progressing, then the next revision; a refused change fails the upgrade and the pods keep running', async () => {
    await createPg('u', { replicas: 1 });
    const conditions = () =>
      (service.get(POSTGRES, 'ns', 'u')['status'] as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions;
    const seen: string[] = [];
    const unwatch = service.store.watch(undefined, (event) => {
      if (event.object.kind !== 'Postgres') return;
      const readyNow = ((event.object['status'] as { conditions?: { type: string; status: string; reason: string }[] } | undefined)?.conditions ?? []).find(
        (c) => c.type === 'Ready',
      );
      if (readyNow) seen.push(`${readyNow.status}/${readyNow.reason}`);
    });
    try {
      await service.update(POSTGRES, { ...service.get(POSTGRES, 'ns', 'u'), spec: { replicas: 2 } });
      await loop.idle();
      expect(conditions().find((c) => c.type === 'Ready')?.message).toBe('Helm upgrade succeeded for release ns/postgres-u.v2 with chart postgres@0.18.0');
      expect(seen).toContain('Unknown/Progressing');
      expect(pods()).toHaveLength(2);
      await service.update(POSTGRES, { ...service.get(POSTGRES, 'ns', 'u'), spec: { replicas: 2, users: { streaming_replica: {} } } });
      await loop.idle();
      expect(ready('u')).toEqual({ Ready: 'False/UpgradeFailed', Released: 'False/UpgradeFailed', WorkloadsReady: 'True/WorkloadMonitorCheck' });
      expect(conditions().find((c) => c.type === 'Ready')?.message).toMatch(
        /^Helm upgrade failed for release ns\/postgres-u with chart postgres@0\.18\.0: values don't meet .*\n- at '\/users\/streaming_replica': /s,
      );
      expect(pods()).toHaveLength(2);
      expect(service.get(POSTGRES, 'ns', 'u')['status']).not.toHaveProperty('observedGeneration');
      expect(conditions().every((c) => !('observedGeneration' in c))).toBe(true);
    } finally {
      unwatch();
    }
  });

  it('aggregates repeated events into one with a count', async () => {
    await createPg('f', { replicas: 2 });
    for (let i = 0; i < 3; i++) {
      await service.delete(POD, 'ns', 'postgres-f-2');
      await loop.idle();
    }
    const killed = service.list(EVENT, { namespace: 'ns' }).items.filter((e) => e['reason'] === 'InstanceKilled');
    expect(killed.map((e) => e['count'])).toEqual([3]);
  });

  it('runs the finalizer on delete and collects every owned object', async () => {
    await createPg('e', { replicas: 2, users: { u: {} } });
    await service.delete(POSTGRES, 'ns', 'e');
    await loop.idle();
    expect(service.find(POSTGRES, 'ns', 'e')).toBeUndefined();
    for (const type of [POD, SERVICE, SECRET, TENANT_SECRET, EVENT]) expect(service.list(type, { namespace: 'ns' }).items).toEqual([]);
  });
});
