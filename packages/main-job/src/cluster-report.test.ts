import { describe, expect, it } from 'vitest';
import { clusterViewFrom, formatBytes, renderCluster, replicationState, type InstanceView } from './cluster-report.js';

const endpoints = { rw: { host: '127.0.0.1', port: 5001 }, ro: { host: '127.0.0.1', port: 5002 }, r: { host: '127.0.0.1', port: 5003 } };

// Shaped like what Hikube Local's engine publishes (kubectl get postgres orders -o json).
const orders = {
  metadata: { name: 'orders', namespace: 'tenant-demo', uid: 'c4c6ec43-0000' },
  spec: { version: 'v15', replicas: 3 },
  status: {
    conditions: [{ type: 'Ready', status: 'True', reason: 'InstallSucceeded' }],
    currentPrimary: 'postgres-orders-1',
    synchronousStandbys: { number: 1, names: ['postgres-orders-2', 'postgres-orders-3'] },
    instancesStatus: [
      { name: 'postgres-orders-3', site: 'geneva', role: 'standby', ready: true, reason: 'Streaming', lagBytes: 0 },
      { name: 'postgres-orders-1', site: 'gland', role: 'primary', ready: true, reason: 'Primary' },
      { name: 'postgres-orders-2', site: 'lucerne', role: 'standby', ready: true, reason: 'Streaming', lagBytes: 16777216 },
    ],
  },
};

describe('renderCluster', () => {
  const cases: {
    given: string;
    object: unknown;
    pods?: Parameters<typeof clusterViewFrom>[2];
    endpoints?: Parameters<typeof clusterViewFrom>[1];
    want: string[];
  }[] = [
    {
      given: 'a quorum cluster with the engine status detail',
      object: orders,
      want: [
        'orders · PostgreSQL v15 · Ready · synchronous: ANY 1 of 2 standbys · primary postgres-orders-1',
        '  INSTANCE           ZONE     ROLE     REPLICATION        LAG',
        '  postgres-orders-1  gland    primary  accepts writes     -',
        '  postgres-orders-2  lucerne  standby  streaming, quorum  16.0 MiB',
        '  postgres-orders-3  geneva   standby  streaming, quorum  0 B',
        '  (lag: WAL bytes a standby had not replayed, as of the last status update)',
        '  endpoints: rw 127.0.0.1:5001 (primary)   ro 127.0.0.1:5002 (standbys)   r 127.0.0.1:5003 (any instance)',
      ],
    },
    {
      given: 'a single instance: no ro endpoint shown',
      object: {
        metadata: { name: 'dev' },
        spec: { version: 'v18' },
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          synchronousStandbys: { number: 0, names: [] },
          instancesStatus: [{ name: 'postgres-dev-1', site: 'gland', role: 'primary', ready: true }],
        },
      },
      want: [
        'dev · PostgreSQL v18 · Ready · replication: asynchronous · primary postgres-dev-1',
        '  INSTANCE        ZONE   ROLE     REPLICATION     LAG',
        '  postgres-dev-1  gland  primary  accepts writes  -',
        '  endpoints: rw 127.0.0.1:5001 (primary)   r 127.0.0.1:5003 (any instance)',
      ],
    },
    {
      given: 'a platform without the optional detail: the pods',
      object: { metadata: { name: 'orders' }, spec: { version: 'v18' }, status: { conditions: [{ type: 'Ready', status: 'False', reason: 'FailingOver' }] } },
      pods: [
        { pod: 'postgres-orders-2', zone: 'lucerne', role: 'replica', ready: false },
        { pod: 'postgres-orders-1', zone: 'gland', role: 'primary', ready: true },
      ],
      endpoints: { rw: { host: '10.0.0.1', port: 5432 } },
      want: [
        'orders · PostgreSQL v18 · not ready (FailingOver) · replication: as configured · primary postgres-orders-1',
        '  INSTANCE           ZONE     ROLE     REPLICATION                LAG',
        '  postgres-orders-1  gland    primary  accepts writes             -',
        '  postgres-orders-2  lucerne  standby  not streaming (not ready)  -',
        '  endpoints: rw 10.0.0.1:5432 (primary)',
      ],
    },
  ];
  it.each(cases)('$given', ({ object, pods, endpoints: given, want }) => {
    expect(renderCluster(clusterViewFrom(object, given ?? endpoints, pods ?? []))).toEqual(want);
  });
});

describe('replicationState', () => {
  const standby = (over: Partial<InstanceView>): InstanceView => ({
    name: 'b',
    zone: 'geneva',
    role: 'standby',
    ready: true,
    reason: 'Streaming',
    lagBytes: 0,
    ...over,
  });
  it.each([
    { given: 'one of two candidates for ANY 1', instance: standby({}), sync: { number: 1, names: ['a', 'b'] }, want: 'streaming, quorum' },
    { given: 'the only synchronous standby', instance: standby({}), sync: { number: 1, names: ['b'] }, want: 'streaming, sync' },
    { given: 'outside the synchronous names', instance: standby({}), sync: { number: 1, names: ['a'] }, want: 'streaming, async' },
    { given: 'asynchronous replication', instance: standby({}), sync: { number: 0, names: [] }, want: 'streaming, async' },
    {
      given: 'a standby that is not ready',
      instance: standby({ ready: false, reason: 'NotStreaming' }),
      sync: undefined,
      want: 'not streaming (NotStreaming)',
    },
    { given: 'a primary that is down', instance: standby({ role: 'primary', ready: false, reason: 'Stopped' }), sync: undefined, want: 'down (Stopped)' },
  ])('$given -> $want', ({ instance, sync, want }) => {
    expect(replicationState(instance, sync)).toBe(want);
  });
});

describe('formatBytes', () => {
  it.each([
    { given: undefined, want: '-' },
    { given: 0, want: '0 B' },
    { given: 1023, want: '1023 B' },
    { given: 1536, want: '1.5 KiB' },
    { given: 16 * 1024 * 1024, want: '16.0 MiB' },
    { given: 3 * 1024 ** 3, want: '3.0 GiB' },
  ])('$given -> $want', ({ given, want }) => {
    expect(formatBytes(given)).toBe(want);
  });
});
