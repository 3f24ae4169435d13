import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kube-object.js';
import {
  clusterBaseName,
  credentialsData,
  credentialsSecretName,
  instanceName,
  instancePod,
  passwordsOf,
  publishedPassword,
  statusDetail,
  workloadCount,
  workloadCountOfPods,
  type ObservedInstance,
  type UsersSpec,
} from './cluster-objects.js';
import { builtinSchedulingClasses, resolvePlacement } from './placement.js';
import type { Placement } from './reconciler.js';

const NOW = '2026-01-02T03:04:05Z';
const EARLIER = '2025-12-31T23:00:00Z';
const clock = (): string => NOW;
const spread: Placement = resolvePlacement(
  'spread',
  builtinSchedulingClasses().find((c) => c.metadata.name === 'spread'),
  'db',
  3,
);
const cluster = { postgresName: 'db', version: 'v17', placement: spread };

const instance = (over: Partial<ObservedInstance> = {}): ObservedInstance => ({
  name: 'postgres-db-2',
  ordinal: 2,
  site: 'lucerne',
  role: 'replica',
  ready: true,
  reason: 'InstanceReady',
  ...over,
});
const podWithReady = (status: 'True' | 'False'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'postgres-db-2' },
  status: { conditions: [{ type: 'Ready', status, lastTransitionTime: EARLIER }] },
});

describe('names', () => {
  it('follow CloudNativePG and the chart', () => {
    expect([clusterBaseName('db'), instanceName('db', 3), credentialsSecretName('db')]).toEqual(['postgres-db', 'postgres-db-3', 'postgres-db-credentials']);
  });
});

describe('instancePod', () => {
  it('a ready replica of the deterministic driver, every field', () => {
    expect(instancePod(cluster, instance(), undefined, clock)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'postgres-db-2',
        labels: {
          'cnpg.io/cluster': 'postgres-db',
          'cnpg.io/instanceName': 'postgres-db-2',
          'cnpg.io/instanceRole': 'replica',
          'cnpg.io/podRole': 'instance',
          role: 'replica',
        },
      },
      spec: { nodeName: 'luc-worker-1', containers: [{ name: 'postgres', image: 'ghcr.io/cloudnative-pg/postgresql:17' }] },
      status: {
        phase: 'Running',
        podIP: '127.0.0.1',
        hostIP: '127.0.0.1',
        conditions: [{ type: 'Ready', status: 'True', reason: 'InstanceReady', lastTransitionTime: NOW }],
        containerStatuses: [{ name: 'postgres', ready: true, restartCount: 0 }],
      },
    });
  });

  it.each([
    { name: 'primary', given: { role: 'primary' as const }, want: { instanceRole: 'primary', role: 'primary', phase: 'Running' } },
    { name: 'site down', given: { ready: false, reason: 'SiteDown' }, want: { instanceRole: 'replica', role: 'replica', phase: 'Failed' } },
    { name: 'unready but running', given: { ready: false, reason: 'NotStreaming' }, want: { instanceRole: 'replica', role: 'replica', phase: 'Running' } },
  ])('role and phase: $name', ({ given, want }) => {
    const pod = instancePod(cluster, instance(given), undefined, clock);
    expect({
      instanceRole: pod.metadata.labels?.['cnpg.io/instanceRole'],
      role: pod.metadata.labels?.['role'],
      phase: (pod['status'] as { phase: string }).phase,
    }).toEqual(want);
  });

  it.each([
    { name: 'none given: no annotations at all', given: {}, want: undefined },
    { name: 'port only', given: { port: 6100 }, want: { 'local.hikube.io/port': '6100' } },
    {
      name: 'port and incarnation',
      given: { port: 6100, incarnation: 'a1b2' },
      want: { 'local.hikube.io/port': '6100', 'local.hikube.io/incarnation': 'a1b2' },
    },
  ])('annotations: $name', ({ given, want }) => {
    const pod = instancePod(cluster, instance(given), undefined, clock);
    expect(pod.metadata.annotations).toEqual(want);
    expect(Object.hasOwn(pod.metadata, 'annotations')).toBe(want !== undefined);
  });

  it.each([
    { name: 'new pod', previous: undefined, ready: true, want: NOW },
    { name: 'still ready', previous: podWithReady('True'), ready: true, want: EARLIER },
    { name: 'turns unready', previous: podWithReady('True'), ready: false, want: NOW },
    { name: 'still unready', previous: podWithReady('False'), ready: false, want: EARLIER },
  ])('Ready lastTransitionTime: $name', ({ previous, ready, want }) => {
    const pod = instancePod(cluster, instance({ ready, reason: ready ? 'InstanceReady' : 'SiteDown' }), previous, clock);
    expect((pod['status'] as { conditions: { lastTransitionTime: string }[] }).conditions[0]?.lastTransitionTime).toBe(want);
  });

  it.each([
    { name: 'planned node in its site', site: 'lucerne', want: 'luc-worker-1' },
    { name: 'lives on in another site', site: 'geneva', want: 'plo-worker-2' },
  ])('nodeName: $name', ({ site, want }) => {
    expect((instancePod(cluster, instance({ site }), undefined, clock)['spec'] as { nodeName: string }).nodeName).toBe(want);
  });
});

describe('statusDetail and workloadCount', () => {
  const instances = [instance({ name: 'a', role: 'primary' }), instance({ name: 'b', ready: false }), instance({ name: 'c' })];
  it.each([
    { name: 'with a primary', primary: 'a', want: { instances: 3, readyInstances: 2, currentPrimary: 'a' } },
    { name: 'without one', primary: undefined, want: { instances: 3, readyInstances: 2 } },
  ])('$name', ({ primary, want }) => {
    expect(statusDetail(instances, primary)).toEqual(want);
    expect(workloadCount(instances)).toEqual({ pods: 3, ready: 2 });
  });

  it('reads the count off published pods', () => {
    const pods = [
      instancePod(cluster, instances[0] as ObservedInstance, undefined, clock),
      instancePod(cluster, instances[1] as ObservedInstance, undefined, clock),
    ];
    expect(workloadCountOfPods(pods.map((p) => ({ ...p, metadata: { ...p.metadata } })))).toEqual({ pods: 2, ready: 1 });
    expect(workloadCountOfPods([])).toEqual({ pods: 0, ready: 0 });
  });
});

describe('credentialsData', () => {
  const generate = (): string => 'Generated0123456';
  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  const cases: { name: string; users: UsersSpec; published: Record<string, string>; want: Record<string, string> }[] = [
    { name: 'given password', users: { app: { password: 'secret' } }, published: {}, want: { app: b64('secret') } },
    { name: 'given replaces published', users: { app: { password: 'new' } }, published: { app: b64('old') }, want: { app: b64('new') } },
    { name: 'published kept', users: { app: {} }, published: { app: b64('old') }, want: { app: b64('old') } },
    { name: 'null user keeps published', users: { app: null }, published: { app: b64('old') }, want: { app: b64('old') } },
    { name: 'none: generated', users: { app: null }, published: {}, want: { app: b64('Generated0123456') } },
    { name: 'empty given counts as none', users: { app: { password: '' } }, published: { app: b64('old') }, want: { app: b64('old') } },
    { name: 'users no longer in the spec are dropped', users: {}, published: { gone: b64('x') }, want: {} },
    { name: 'a user named like an Object member', users: { constructor: null }, published: {}, want: { constructor: b64('Generated0123456') } },
  ];
  it.each(cases)('$name', ({ users, published, want }) => {
    expect(credentialsData(users, published, generate)).toEqual(want);
  });

  it('gives a user named __proto__ its own entry (an assignment would set the prototype instead)', () => {
    const users = JSON.parse('{"__proto__": {"password": "pw"}}') as UsersSpec;
    const data = credentialsData(users, {}, generate);
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe(b64('pw'));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('generates 16 alphanumerics by default, and passwordsOf decodes', () => {
    const passwords = passwordsOf(credentialsData({ app: null, given: { password: 'pä55' } }, {}));
    expect(passwords['app']).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(passwords['given']).toBe('pä55');
  });
});

describe('publishedPassword', () => {
  const data = { app: 'c2VjcmV0', empty: '' };
  it.each([
    { user: 'app', want: 'c2VjcmV0' },
    { user: 'empty', want: undefined },
    { user: 'missing', want: undefined },
    { user: 'constructor', want: undefined },
    { user: 'toString', want: undefined },
    { user: '__proto__', want: undefined },
  ])('$user -> $want', ({ user, want }) => {
    expect(publishedPassword(data, user)).toBe(want);
  });
});
