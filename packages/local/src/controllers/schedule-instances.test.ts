import type { SchedulingClassSpec } from '@hikube/sdk/kubernetes';
import { describe, expect, it } from 'vitest';
import { LOCAL_NODES } from './nodes.js';
import { builtinSchedulingClasses, chosenClassName, nodeOfInstance, resolvePlacement, siteOfInstance } from './placement.js';
import { scheduleInstances } from './schedule-instances.js';

const zone = 'topology.kubernetes.io/zone';
const host = 'kubernetes.io/hostname';
const podLabels = { 'cnpg.io/cluster': 'postgres-db', 'apps.cozystack.io/application.name': 'db' };
const builtin = (name: string) => builtinSchedulingClasses().find((c) => c.metadata.name === name)?.['spec'] as SchedulingClassSpec;

describe('scheduleInstances: a class evaluated against the nodes', () => {
  it.each<{ name: string; spec: SchedulingClassSpec | undefined; count: number; want: string[]; unschedulable?: RegExp }>([
    { name: 'no class: the platform spread', spec: undefined, count: 4, want: ['gld-worker-1', 'luc-worker-1', 'plo-worker-1', 'gld-worker-2'] },
    { name: 'built-in spread', spec: builtin('spread'), count: 3, want: ['gld-worker-1', 'luc-worker-1', 'plo-worker-1'] },
    { name: 'pinned to geneva, one per node first', spec: builtin('geneva'), count: 4, want: ['plo-worker-1', 'plo-worker-2', 'plo-worker-3', 'plo-worker-1'] },
    { name: 'two sites', spec: builtin('lucerne-geneva'), count: 3, want: ['luc-worker-1', 'plo-worker-1', 'luc-worker-2'] },
    {
      name: 'preferred node affinity draws every instance',
      spec: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, preference: { matchExpressions: [{ key: zone, operator: 'In', values: ['lucerne'] }] } },
          ],
        },
      },
      count: 2,
      want: ['luc-worker-1', 'luc-worker-2'],
    },
    {
      name: 'required anti-affinity per zone: three fit, the fourth does not',
      spec: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: zone }] } },
      count: 4,
      want: ['gld-worker-1', 'luc-worker-1', 'plo-worker-1'],
      unschedulable: /^instance 4: 0\/9 nodes are available: 9 node\(s\) didn't match pod anti-affinity rules$/,
    },
    {
      name: 'required affinity on the host: all on one node',
      spec: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: host }] } },
      count: 3,
      want: ['gld-worker-1', 'gld-worker-1', 'gld-worker-1'],
    },
    {
      name: 'affinity to pods nobody has: nothing fits',
      spec: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: host, labelSelector: { matchLabels: { app: 'cache' } } }] } },
      count: 1,
      want: [],
      unschedulable: /9 node\(s\) didn't match pod affinity rules/,
    },
    {
      name: 'anti-affinity with a selector the pods do not match is no constraint',
      spec: {
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: zone, labelSelector: { matchLabels: { app: 'cache' } } }] },
        nodeSelector: { [zone]: 'gland' },
      },
      count: 2,
      want: ['gld-worker-1', 'gld-worker-2'],
    },
    {
      name: 'hard spread over two allowed zones, skew 1',
      spec: {
        nodeSelector: { 'topology.kubernetes.io/region': 'ch' },
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule' }],
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: zone, operator: 'NotIn', values: ['lucerne'] }] }],
          },
        },
      },
      count: 4,
      want: ['gld-worker-1', 'plo-worker-1', 'gld-worker-2', 'plo-worker-2'],
    },
    {
      name: 'a node selector no node satisfies',
      spec: { nodeSelector: { gpu: 'true' } },
      count: 1,
      want: [],
      unschedulable: /9 node\(s\) didn't match node affinity\/selector/,
    },
    {
      name: 'a node by name',
      spec: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['luc-worker-3'] }] }],
          },
        },
      },
      count: 2,
      want: ['luc-worker-3', 'luc-worker-3'],
    },
  ])('$name', ({ spec, count, want, unschedulable }) => {
    const result = scheduleInstances(spec, LOCAL_NODES, count, podLabels);
    expect(result.nodes).toEqual(want);
    if (unschedulable === undefined) expect(result.unschedulable).toBeUndefined();
    else expect(result.unschedulable).toMatch(unschedulable);
  });
});

describe('which class applies', () => {
  it.each([
    {
      name: 'the cluster names one',
      specClass: 'gland',
      labels: { 'scheduler.cozystack.io/scheduling-class': 'geneva' },
      want: { name: 'gland', explicit: true },
    },
    {
      name: 'the namespace label',
      specClass: undefined,
      labels: { 'scheduler.cozystack.io/scheduling-class': 'geneva' },
      want: { name: 'geneva', explicit: false },
    },
    {
      name: 'an empty spec field falls back to the label',
      specClass: '',
      labels: { 'scheduler.cozystack.io/scheduling-class': 'geneva' },
      want: { name: 'geneva', explicit: false },
    },
    { name: 'neither', specClass: undefined, labels: {}, want: { name: undefined, explicit: false } },
    { name: 'a namespace without labels', specClass: undefined, labels: undefined, want: { name: undefined, explicit: false } },
  ])('$name', ({ specClass, labels, want }) => {
    expect(chosenClassName(specClass, labels)).toEqual(want);
  });
});

describe('instances under a placement', () => {
  it('gives each instance its planned site and node, and a node in its own site when it lives elsewhere', () => {
    const geneva = builtinSchedulingClasses().find((c) => c.metadata.name === 'geneva');
    const placement = resolvePlacement('geneva', geneva, 'db', 2);
    expect(placement).toEqual({ className: 'geneva', nodes: ['plo-worker-1', 'plo-worker-2'] });
    expect([1, 2].map((n) => siteOfInstance(placement, n))).toEqual(['geneva', 'geneva']);
    expect(nodeOfInstance(placement, 'geneva', 2)).toBe('plo-worker-2');
    expect(nodeOfInstance(placement, 'gland', 2)).toBe('gld-worker-2');
  });

  it('writes every built-in class in the SDK-valid real shape', async () => {
    const { validateSchedulingClass } = await import('@hikube/sdk/kubernetes');
    for (const sc of builtinSchedulingClasses()) expect(validateSchedulingClass(sc)).toEqual([]);
    expect(builtinSchedulingClasses().map((c) => c.metadata.name)).toEqual([
      'spread',
      'gland',
      'lucerne',
      'geneva',
      'gland-lucerne',
      'gland-geneva',
      'lucerne-geneva',
    ]);
  });
});
