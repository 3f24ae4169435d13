import { describe, expect, it } from 'vitest';
import { findListLayout, parseJsonBody } from './json-body.js';

const split = (value: unknown, indent?: number) => parseJsonBody(Buffer.from(JSON.stringify(value, null, indent)), 0);
const splitText = (text: string) => parseJsonBody(Buffer.from(text), 0);

function postgres(index: number, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name: `orders-${index}`, namespace: 'tenant-demo', resourceVersion: String(1000 + index), labels: { app: 'orders' } },
    spec: { replicas: 3, users: { app: {} }, databases: { orders: { roles: { admin: ['app'] } } } },
    status: { conditions: [{ type: 'Ready', status: 'True', message: 'ready' }] },
    ...extra,
  };
}

/** A pseudo-random generator with a seed, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TRICKY = ['"', '\\', '{', '}', '[', ']', ',', ':', '"items"', 'é', '€', '😀', '\n', '\u0001', ' ', 'items'];

function randomString(next: () => number): string {
  let text = '';
  for (let i = Math.floor(next() * 8); i > 0; i -= 1) text += TRICKY[Math.floor(next() * TRICKY.length)] ?? '';
  return text;
}

function randomValue(next: () => number, depth: number): unknown {
  const pick = next();
  if (depth > 3 || pick < 0.3) return randomString(next);
  if (pick < 0.4) return Math.floor(next() * 1e6) / 100;
  if (pick < 0.45) return [true, false, null][Math.floor(next() * 3)];
  if (pick < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  return randomObject(next, depth);
}

function randomObject(next: () => number, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i -= 1) object[next() < 0.2 ? 'items' : randomString(next)] = randomValue(next, depth + 1);
  return object;
}

describe('parseJsonBody', () => {
  it('parses a list item by item into what JSON.parse gives, whatever the order of its members', () => {
    const items = Array.from({ length: 700 }, (_, index) => postgres(index));
    const list = { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'PostgresList', metadata: { resourceVersion: '5000', continue: 'abc' }, items };
    expect(split(list)).toEqual(list);
    expect(Object.keys(split(list) as object)).toEqual(['apiVersion', 'kind', 'metadata', 'items']);
    const itemsFirst = { items, kind: 'PostgresList', metadata: {} };
    expect(Object.keys(split(itemsFirst) as object)).toEqual(['items', 'kind', 'metadata']);
    expect(split(itemsFirst)).toEqual(itemsFirst);
  });

  it('drops a UTF-8 byte order mark, as body.text() does', () => {
    const list = { items: [postgres(1)] };
    expect(parseJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(list))]), 0)).toEqual(list);
    expect(parseJsonBody(Buffer.from('\ufeff{"a":1}'))).toEqual({ a: 1 });
  });

  it('keeps escapes, multi-byte characters, nested "items" keys and pretty-printing intact', () => {
    const items = [
      postgres(1, { note: 'a "quoted" }, {"items": [1]} \\ back\\slash \u00e9 € 😀 \n' }),
      postgres(2, { items: [{ items: [] }], '"items"': { '}': ']' } }),
      postgres(3, { big: 'x'.repeat(100_000) }),
      {},
    ];
    const list = { kind: 'List', metadata: { items: 'not this one' }, items };
    expect(split(list)).toEqual(list);
    expect(split(list, 2)).toEqual(list);
    expect(splitText('\n { "items" : [ {"a":1} ,\n\t{"b":"\\u00e9\\""} ] , "kind" : "List" } \n')).toEqual({ items: [{ a: 1 }, { b: 'é"' }], kind: 'List' });
  });

  it('gives what JSON.parse gives for random documents', () => {
    const next = random(20261202);
    let splitLists = 0;
    for (let round = 0; round < 400; round += 1) {
      // Mostly lists of objects (the split path), sometimes with a stray value among the items.
      const item = () => (next() < 0.97 ? randomObject(next, 1) : randomValue(next, 1));
      const value =
        next() < 0.8
          ? { kind: randomString(next), items: Array.from({ length: Math.floor(next() * 6) }, item), metadata: randomValue(next, 1) }
          : randomValue(next, 0);
      const text = JSON.stringify(value, null, next() < 0.3 ? 1 : undefined) ?? 'null';
      expect(splitText(text), text).toEqual(JSON.parse(text));
      if (findListLayout(Buffer.from(text))) splitLists += 1;
    }
    expect(splitLists).toBeGreaterThan(200);
  });

  it('leaves what is not a list of objects to JSON.parse, with its result', () => {
    for (const text of [
      '{"items":["a",{"b":1}]}',
      '{"items":[1,2]}',
      '{"items":[null]}',
      '{"items":[[{}]]}',
      '{"items":[{"a":1}],"items":[{"b":2}]}',
      '[{"items":[{}]}]',
      '"items"',
      '{"items":{}}',
      '{"items":5,"x":[{"a":1}]}',
      '{"items":"s","x":[{"a":1}],"y":[{"b":2}]}',
    ]) {
      expect(splitText(text), text).toEqual(JSON.parse(text));
    }
    expect(findListLayout(Buffer.from('{"items":[{"a":1}, "x"]}'))).toBeUndefined();
    expect(findListLayout(Buffer.from('{"items":[{"a":1},{"b":2}]}'))).toMatchObject({ starts: [10, 18], ends: [17, 25] });
  });

  it("throws JSON.parse's SyntaxError for a body that is not JSON", () => {
    for (const text of [
      '{"items":[{},]}',
      '{"items":[{} {}]}',
      '{"items":[,{}]}',
      '{"items":[{}]} x',
      '{"items":[{"a":1]}',
      '{"items":[{"a":"x}]}',
      '{"items":[{}]',
      '{"items":[{"a":tru}]}',
    ]) {
      expect(() => splitText(text), text).toThrow(SyntaxError);
      expect(() => JSON.parse(text), text).toThrow(SyntaxError);
    }
  });

  it('returns undefined for an empty body and parses small bodies whole', () => {
    expect(parseJsonBody(Buffer.alloc(0))).toBeUndefined();
    expect(parseJsonBody(Buffer.from('\ufeff'))).toBeUndefined();
    expect(parseJsonBody(Buffer.from('{"items":[{"a":1}]}'))).toEqual({ items: [{ a: 1 }] });
  });
});
