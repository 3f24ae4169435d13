import { describe, expect, expectTypeOf, it } from 'vitest';
import { ExactNumber, unknown, type CtyValue, type Unknown } from '../protocol/cty-value.js';
import { typeToJson } from '../protocol/cty-type.js';
import { Diagnostics, diagnosticsToProto, pathFromProto, pathToProto, pathToString } from './diagnostics.js';
import { planObject } from './plan-walk.js';
import { requiresReplace, useStateForUnknown } from './plan-modifiers.js';
import { attr, block, schema, SchemaDefinitionError, types, type ModelOf, type PlanModelOf } from './schema.js';
import { impliedType, schemaToProto } from './schema-protocol.js';
import { parseDuration, timeoutMs, timeoutsBlock } from './timeouts.js';
import { between, oneOf } from './validators.js';
import { validateObject } from './validate-walk.js';

const s = schema({
  version: 2,
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    name: attr.string({ required: true, planModifiers: [requiresReplace()], validators: [oneOf('a', 'b', 'c')] }),
    size: attr.number({ optional: true, computed: true, default: 1, validators: [between(1, 9)] }),
    revision: attr.number({ computed: true }),
    token: attr.string({ optional: true, writeOnly: true, validators: [oneOf('t1', 't2')] }),
    tags: attr.set(types.string, { optional: true }),
    endpoint: attr.singleNested({ host: attr.string({ computed: true }) }, { computed: true }),
    ports: attr.listNested({ n: attr.number({ required: true }), proto: attr.string({ optional: true, computed: true, default: 'tcp' }) }, { optional: true }),
  },
  blocks: {
    rule: block.list({ attributes: { action: attr.string({ required: true }), seen: attr.bool({ computed: true }) } }, { maxItems: 3 }),
    settings: block.group({ attributes: { mode: attr.string({ optional: true }) } }),
    timeouts: timeoutsBlock('create'),
  },
});

describe('schema DSL', () => {
  it('derives the model type from the schema', () => {
    type M = ModelOf<typeof s>;
    expectTypeOf<M['name']>().toEqualTypeOf<string | null>();
    expectTypeOf<M['size']>().toEqualTypeOf<number | null>();
    expectTypeOf<M['tags']>().toEqualTypeOf<string[] | null>();
    expectTypeOf<M['rule']>().toEqualTypeOf<{ action: string | null; seen: boolean | null }[]>();
    expectTypeOf<M['settings']>().toEqualTypeOf<{ mode: string | null }>();
    expectTypeOf<M['endpoint']>().toEqualTypeOf<{ host: string | null } | null>();
    expectTypeOf<PlanModelOf<typeof s>['id']>().toEqualTypeOf<string | null | Unknown>();
  });

  const bad = [
    { name: 'no mode', make: () => attr.string({}), want: /set one of required, optional or computed/ },
    { name: 'required and computed', make: () => attr.string({ required: true, computed: true }), want: /required excludes/ },
    { name: 'default without computed', make: () => attr.string({ optional: true, default: 'x' }), want: /default needs optional: true and computed: true/ },
    { name: 'computed write-only', make: () => attr.string({ computed: true, writeOnly: true }), want: /write-only attributes cannot be computed/ },
    { name: 'bad block name', make: () => schema({ attributes: {}, blocks: { 'Bad-Name': block.list({ attributes: {} }) } }), want: /must match/ },
    { name: 'map block with max items', make: () => block.map({ attributes: {} }, { maxItems: 2 }), want: /not allowed/ },
  ];
  it.each(bad)('rejects $name at definition time', ({ make, want }) => {
    expect(make).toThrow(SchemaDefinitionError);
    expect(make).toThrow(want);
  });

  it('produces the protocol schema Terraform validates', () => {
    const proto = schemaToProto(s);
    expect(proto.version).toBe(2);
    const byName = Object.fromEntries((proto.block?.attributes ?? []).map((a) => [a.name, a]));
    expect(Buffer.from(byName['name']?.type ?? []).toString()).toBe('"string"');
    expect(byName['token']).toMatchObject({ writeOnly: true, optional: true });
    expect(byName['ports']?.type).toBeUndefined();
    expect(byName['ports']?.nestedType?.nesting).toBe(2);
    const blocks = Object.fromEntries((proto.block?.blockTypes ?? []).map((b) => [b.typeName, b]));
    expect(blocks['rule']).toMatchObject({ nesting: 2, maxItems: 3 });
    expect(blocks['settings']).toMatchObject({ nesting: 5 });
    expect(blocks['timeouts']).toMatchObject({ nesting: 1, minItems: 0, maxItems: 0 });
    expect(typeToJson(impliedType(s))).toMatchObject([
      'object',
      { rule: ['list', ['object', { action: 'string', seen: 'bool' }]], settings: ['object', { mode: 'string' }] },
    ]);
  });
});

const base = (over: Record<string, CtyValue>): Record<string, CtyValue> => ({
  id: null,
  name: 'a',
  size: null,
  revision: null,
  token: null,
  tags: null,
  endpoint: null,
  ports: null,
  rule: [],
  settings: { mode: null },
  timeouts: null,
  ...over,
});

describe('plan recipe', () => {
  it('on create: defaults, unknown computed values, write-only nulled, nested computed marked', () => {
    const config = base({ token: 'secret', ports: [{ n: 1, proto: null }], rule: [{ action: 'x', seen: null }] });
    const diags = new Diagnostics();
    const { planned, requiresReplace: rr } = planObject(s, structuredClone(config), config, null, diags);
    expect(planned).toMatchObject({
      size: 1,
      token: null,
      id: unknown,
      revision: unknown,
      endpoint: unknown,
      ports: [{ n: 1, proto: 'tcp' }],
      rule: [{ action: 'x', seen: unknown }],
    });
    expect(rr).toEqual([]);
  });

  it('on an unchanged update: the plan is the prior state (no-op)', () => {
    const prior = base({ id: 'i', size: 1, revision: 3, endpoint: { host: 'h' } });
    const config = base({});
    const { planned } = planObject(s, structuredClone(prior), config, prior, new Diagnostics());
    expect(planned).toEqual(prior);
  });

  it('on a change: keeps use-state-for-unknown values, marks others unknown, asks for replacement', () => {
    const prior = base({ id: 'i', size: 1, revision: 3, endpoint: { host: 'h' } });
    const config = base({ name: 'b' });
    const proposed = { ...structuredClone(prior), name: 'b' };
    const { planned, requiresReplace: rr } = planObject(s, proposed, config, prior, new Diagnostics());
    expect(planned).toMatchObject({ id: 'i', name: 'b', revision: unknown, endpoint: unknown, size: 1 });
    expect(rr).toEqual([['name']]);
  });
});

describe('validation', () => {
  it('runs validators with paths, skips unknowns, rejects numbers a double cannot hold', () => {
    const diags = new Diagnostics();
    validateObject(s, base({ name: 'zzz', size: 10, ports: [{ n: new ExactNumber('0.1000000000000000000001'), proto: null }], tags: unknown }), [], diags);
    expect(diags.items.map((d) => [d.summary, pathToString(d.path ?? [])])).toEqual([
      ['Invalid value for name', 'name'],
      ['Invalid value for size', 'size'],
      ['Number out of range', 'ports[0].n'],
    ]);
    expect(diags.items[0]?.detail).toBe('name must be one of "a", "b", "c", got "zzz".');
  });

  it('never puts a sensitive or write-only value in a diagnostic', () => {
    const diags = new Diagnostics();
    validateObject(s, base({ token: 'hunter2' }), [], diags);
    expect(diags.items).toHaveLength(1);
    expect(diags.items[0]?.detail).toBe('token must be one of "t1", "t2"; the value is not shown because it is sensitive.');
  });

  it('turns diagnostics into protocol diagnostics with attribute paths', () => {
    const diags = new Diagnostics().error('bad', 'why', ['rule', 0, 'action']).warning('hm', undefined, ['envs', { key: 'A' }]);
    const proto = diagnosticsToProto(diags);
    expect(proto[0]).toEqual({
      severity: 1,
      summary: 'bad',
      detail: 'why',
      attribute: { steps: [{ attributeName: 'rule' }, { elementKeyInt: 0 }, { attributeName: 'action' }] },
    });
    expect(pathFromProto(pathToProto(['envs', { key: 'A' }]))).toEqual(['envs', { key: 'A' }]);
    expect(proto[1]?.severity).toBe(2);
  });
});

describe('timeouts', () => {
  const cases = [
    { given: '30s', want: 30_000 },
    { given: '1h30m', want: 5_400_000 },
    { given: '250ms', want: 250 },
    { given: '1.5m', want: 90_000 },
  ];
  it.each(cases)('parses $given', ({ given, want }) => expect(parseDuration(given)).toBe(want));
  it('falls back when unset and rejects nonsense', () => {
    expect(timeoutMs(null, 'create', 5)).toBe(5);
    expect(timeoutMs({ create: '2s' }, 'create', 5)).toBe(2000);
    expect(() => parseDuration('soon')).toThrow(/invalid duration "soon"/);
  });
});

describe('plan recipe for set elements', () => {
  const withSet = schema({
    attributes: {
      members: attr.setNested(
        { name: attr.string({ required: true }), uid: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }) },
        { optional: true },
      ),
      note: attr.string({ optional: true }),
    },
    blocks: {
      tag: block.set({ attributes: { key: attr.string({ required: true }), seen: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }) } }),
    },
  });
  it('finds the prior element of a set by its configurable values', () => {
    const prior = {
      members: [
        { name: 'a', uid: 'u-a' },
        { name: 'b', uid: 'u-b' },
      ],
      note: 'x',
      tag: [{ key: 'k', seen: 's-k' }],
    };
    const config = {
      members: [
        { name: 'b', uid: null },
        { name: 'c', uid: null },
      ],
      note: 'y',
      tag: [{ key: 'k', seen: null }],
    };
    const proposed = {
      members: [
        { name: 'b', uid: 'u-b' },
        { name: 'c', uid: null },
      ],
      note: 'y',
      tag: [{ key: 'k', seen: 's-k' }],
    };
    const { planned } = planObject(withSet, proposed, config, prior, new Diagnostics());
    expect(planned).toEqual({
      members: [
        { name: 'b', uid: 'u-b' },
        { name: 'c', uid: unknown },
      ],
      note: 'y',
      tag: [{ key: 'k', seen: 's-k' }],
    });
  });
});
