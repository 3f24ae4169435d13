import { describe, expect, it } from 'vitest';
import { zoneOfNode } from './node-zone.js';

describe('zoneOfNode', () => {
  it.each([
    { given: 'gld-worker-1', want: 'gland' },
    { given: 'luc-k8s-07', want: 'lucerne' },
    { given: 'plo-worker-3', want: 'geneva' },
    { given: 'PLO-Worker-3', want: 'geneva' },
    { given: 'gva-worker-1', want: undefined },
    { given: 'gld', want: undefined },
    { given: 'worker-gld-1', want: undefined },
    { given: 'kind-control-plane', want: undefined },
    { given: '', want: undefined },
    { given: undefined, want: undefined },
  ])('$given -> $want', ({ given, want }) => {
    expect(zoneOfNode(given)).toBe(want);
  });
});
