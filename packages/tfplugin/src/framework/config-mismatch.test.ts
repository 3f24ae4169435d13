import { describe, expect, it } from 'vitest';
import type { CtyValue } from '../protocol/cty-value.js';
import { firstConfigMismatch } from './config-mismatch.js';
import { attr, block, schema, types } from './schema.js';

const body = schema({
  attributes: {
    name: attr.string({ required: true }),
    size: attr.number({ optional: true, computed: true }),
    secret: attr.string({ computed: true }),
    labels: attr.map(types.string, { optional: true }),
    ports: attr.listNested({ n: attr.number({ required: true }), proto: attr.string({ optional: true, computed: true }) }, { optional: true }),
  },
  blocks: {
    rule: block.list({ attributes: { action: attr.string({ required: true }), seen: attr.bool({ computed: true }) } }),
    zone: block.map({ attributes: { weight: attr.number({ optional: true }) } }),
  },
});

const config = {
  name: 'a',
  size: null,
  secret: null,
  labels: { k: 'v' },
  ports: [{ n: 1, proto: null }],
  rule: [{ action: 'allow', seen: null }],
  zone: { z: { weight: 1 } },
};
const over = (o: Record<string, CtyValue>): CtyValue => ({ ...config, ...o });

describe('firstConfigMismatch', () => {
  const cases: { name: string; result: CtyValue; want: unknown }[] = [
    {
      name: 'computed values filled where the configuration is null',
      result: over({ size: 3, secret: 's', ports: [{ n: 1, proto: 'tcp' }], rule: [{ action: 'allow', seen: true }] }),
      want: undefined,
    },
    { name: 'a required value changed', result: over({ name: 'b' }), want: ['name'] },
    { name: 'an optional+computed value the configuration leaves null filled', result: { ...config, size: 2 }, want: undefined },
    { name: 'a map attribute changed', result: over({ labels: { k: 'w' } }), want: ['labels'] },
    { name: 'a nested element changed', result: over({ ports: [{ n: 2, proto: 'tcp' }] }), want: ['ports', 0, 'n'] },
    {
      name: 'a nested element added',
      result: over({
        ports: [
          { n: 1, proto: null },
          { n: 2, proto: null },
        ],
      }),
      want: ['ports'],
    },
    { name: 'a block element changed', result: over({ rule: [{ action: 'deny', seen: true }] }), want: ['rule', 0, 'action'] },
    { name: 'a map block without computed values changed', result: over({ zone: { z: { weight: 2 } } }), want: ['zone'] },
  ];
  it.each(cases)('$name: $want', ({ result, want }) => {
    expect(firstConfigMismatch(body, config, result)).toEqual(want);
  });

  it('checks a configured optional+computed value too', () => {
    expect(firstConfigMismatch(body, { ...config, size: 1 }, { ...config, size: 2 })).toEqual(['size']);
  });
});
