import { describe, expect, it } from 'vitest';
import type { ObservedInstance } from '../cluster-objects.js';
import { builtinSchedulingClasses, resolvePlacement } from '../placement.js';
import { deterministicInstances } from './deterministic-instances.js';

const spread = resolvePlacement(
  'spread',
  builtinSchedulingClasses().find((c) => c.metadata.name === 'spread'),
  'db',
  3,
);

describe('deterministicInstances', () => {
  const roles = (list: readonly ObservedInstance[]): string =>
    list.map((i) => `${i.name.slice('postgres-db-'.length)}:${i.site}:${i.role}:${i.ready ? 'up' : 'down'}`).join(' ');
  it.each([
    { name: 'all up: the first is primary', given: {}, want: '1:gland:primary:up 2:lucerne:replica:up 3:geneva:replica:up' },
    { name: 'the primary stays where it is', given: { currentPrimaryOrdinal: 2 }, want: '1:gland:replica:up 2:lucerne:primary:up 3:geneva:replica:up' },
    {
      name: 'its site down: the lowest that can run',
      given: { currentPrimaryOrdinal: 1, downSites: new Set(['gland'] as const) },
      want: '1:gland:replica:down 2:lucerne:primary:up 3:geneva:replica:up',
    },
    {
      name: 'every site down: it stays',
      given: { currentPrimaryOrdinal: 3, downSites: new Set(['gland', 'lucerne', 'geneva'] as const) },
      want: '1:gland:replica:down 2:lucerne:replica:down 3:geneva:primary:down',
    },
    { name: 'a primary beyond the replicas moves', given: { currentPrimaryOrdinal: 7 }, want: '1:gland:primary:up 2:lucerne:replica:up 3:geneva:replica:up' },
  ])('$name', ({ given, want }) => {
    expect(roles(deterministicInstances({ postgresName: 'db', placement: spread, replicas: 3, ...given }))).toBe(want);
  });

  it('an instance down is SiteDown, one up InstanceReady', () => {
    const list = deterministicInstances({ postgresName: 'db', placement: spread, replicas: 2, downSites: new Set(['lucerne'] as const) });
    expect(list.map((i) => i.reason)).toEqual(['InstanceReady', 'SiteDown']);
  });
});
