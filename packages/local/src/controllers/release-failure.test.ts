import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kube-object.js';
import type { Placement } from './reconciler.js';
import { checkPlacement } from './release-failure.js';

const postgres = (schedulingClass?: string): KubeObject => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name: 'db' },
  spec: schedulingClass ? { schedulingClass } : {},
});
const placed: Placement = { className: 'spread', nodes: ['gld-worker-1'] };

describe('checkPlacement', () => {
  it.each([
    { name: 'placed', object: postgres('spread'), given: placed, want: { placement: placed } },
    {
      name: 'no class at all',
      object: postgres(),
      given: { className: undefined, nodes: ['gld-worker-1'] },
      want: { placement: { className: undefined, nodes: ['gld-worker-1'] } },
    },
    {
      name: 'class missing',
      object: postgres('gpu'),
      given: undefined,
      want: {
        error:
          'SchedulingClass "gpu" does not exist: ask an administrator to create it, or set ' +
          'spec.schedulingClass to an existing class (built in: spread, gland, lucerne, geneva, ' +
          'gland-lucerne, gland-geneva, lucerne-geneva)',
      },
    },
    {
      name: 'an instance fits no node',
      object: postgres('gland'),
      given: { className: 'gland', nodes: ['gld-worker-1'], unschedulable: '0/9 nodes are available' },
      want: { error: '0/9 nodes are available (scheduling class gland)' },
    },
  ])('$name', ({ object, given, want }) => {
    expect(checkPlacement(object, given)).toEqual(want);
  });
});
