import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.js';

describe('applyMergePatch (RFC 7386)', () => {
  it.each([
    { name: 'replaces a member', target: { a: 1, b: 2 }, patch: { a: 3 }, want: { a: 3, b: 2 } },
    { name: 'null removes a member', target: { a: 1, b: 2 }, patch: { a: null }, want: { b: 2 } },
    { name: 'null for an absent member changes nothing', target: { a: 1 }, patch: { z: null }, want: { a: 1 } },
    { name: 'adds a member', target: { a: 1 }, patch: { b: 'x' }, want: { a: 1, b: 'x' } },
    { name: 'merges nested objects', target: { s: { x: 1, y: 2 } }, patch: { s: { y: 3, z: 4 } }, want: { s: { x: 1, y: 3, z: 4 } } },
    {
      name: 'removes a nested member',
      target: { m: { labels: { a: '1', b: '2' } } },
      patch: { m: { labels: { a: null } } },
      want: { m: { labels: { b: '2' } } },
    },
    { name: 'replaces an array whole', target: { l: [1, 2, 3] }, patch: { l: [4] }, want: { l: [4] } },
    { name: 'does not merge objects inside arrays', target: { l: [{ a: 1, b: 2 }] }, patch: { l: [{ a: 9 }] }, want: { l: [{ a: 9 }] } },
    { name: 'keeps null inside an array', target: {}, patch: { l: [null, 1] }, want: { l: [null, 1] } },
    { name: 'an object patch over a scalar member starts from an empty object', target: { a: 'text' }, patch: { a: { b: 1 } }, want: { a: { b: 1 } } },
    { name: 'a nested patch for an absent member drops its nulls', target: {}, patch: { a: { b: null, c: 1 } }, want: { a: { c: 1 } } },
    { name: 'a scalar member patch replaces an object', target: { a: { b: 1 } }, patch: { a: 7 }, want: { a: 7 } },
    { name: 'an empty patch changes nothing', target: { a: { b: [1] } }, patch: {}, want: { a: { b: [1] } } },
    { name: 'an array patch replaces the whole target', target: { a: 1 }, patch: [1, 2], want: [1, 2] },
    { name: 'a scalar patch replaces the whole target', target: { a: 1 }, patch: 'x', want: 'x' },
    { name: 'a null patch is null', target: { a: 1 }, patch: null, want: null },
    { name: 'an object patch over an array target starts from an empty object', target: [1, 2], patch: { a: 1 }, want: { a: 1 } },
    { name: 'an object patch over nothing', target: undefined, patch: { a: { b: 1 } }, want: { a: { b: 1 } } },
  ])('$name', ({ target, patch, want }) => {
    expect(applyMergePatch(target, patch)).toEqual(want);
  });

  it('keeps the order of the target, new members last', () => {
    expect(Object.keys(applyMergePatch({ a: 1, b: 2, c: 3 }, { d: 4, b: 5, a: null }) as object)).toEqual(['b', 'c', 'd']);
  });
});

describe('applyMergePatch against hostile patches', () => {
  const parse = (text: string): unknown => JSON.parse(text);

  it.each([
    { name: 'at the top', target: {}, patch: '{"__proto__":{"polluted":"yes"}}', read: (result: Record<string, unknown>) => result, replicas: undefined },
    {
      name: 'nested',
      target: { spec: { replicas: 1 } },
      patch: '{"spec":{"__proto__":{"polluted":"yes","replicas":5}}}',
      read: (result: Record<string, unknown>) => result['spec'] as Record<string, unknown>,
      replicas: 1,
    },
  ])('keeps a __proto__ key $name as an own member, never a prototype', ({ target, patch, read, replicas }) => {
    const result = applyMergePatch(target, parse(patch)) as Record<string, unknown>;
    const patched = read(result);
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(Object.hasOwn(patched, '__proto__')).toBe(true);
    expect(patched['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(result)).toContain('"__proto__":{"polluted":"yes"');
    expect(patched['replicas']).toBe(replicas);
  });

  it('merges a __proto__ member the target holds as its own, and removes it with null', () => {
    const target = parse('{"__proto__":{"a":1,"b":2}}');
    const merged = applyMergePatch(target, parse('{"__proto__":{"b":null,"c":3}}')) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toEqual({ a: 1, c: 3 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    const removed = applyMergePatch(target, parse('{"__proto__":null}')) as Record<string, unknown>;
    expect(Object.hasOwn(removed, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(removed)).toBe(Object.prototype);
  });

  it('never merges into an inherited member (constructor, toString)', () => {
    const result = applyMergePatch({}, parse('{"constructor":{"name":null,"x":1},"toString":{"y":2}}')) as Record<string, unknown>;
    expect(result).toEqual({ constructor: { x: 1 }, toString: { y: 2 } });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(typeof {}.toString).toBe('function');
  });

  it('changes neither input, and the result shares no object with them', () => {
    const target = { metadata: { labels: { a: '1' } }, spec: { users: { app: {} }, list: [{ x: 1 }] } };
    const patch = { metadata: { labels: { b: '2' } }, spec: { list: [{ y: 2 }], extra: { deep: [1] } } };
    const before = structuredClone({ target, patch });
    const result = applyMergePatch(target, patch) as typeof target & typeof patch;
    expect({ target, patch }).toEqual(before);
    result.spec.users.app = { changed: true } as never;
    result.spec.list[0]!.y = 9;
    result.spec.extra.deep.push(2);
    expect({ target, patch }).toEqual(before);
  });

  it('merges a patch nested 20,000 levels deep (a recursive merge overflows the stack at 10,000)', () => {
    const depth = 20_000;
    const target: Record<string, unknown> = {};
    const patch: Record<string, unknown> = {};
    let [t, p] = [target, patch];
    for (let level = 0; level < depth; level += 1) {
      const [nextT, nextP] = [{ kept: level }, {}];
      t['a'] = nextT;
      p['a'] = nextP;
      [t, p] = [nextT, nextP];
    }
    p['leaf'] = true;
    let node = applyMergePatch(target, patch) as Record<string, unknown>;
    let levels = 0;
    while (typeof node['a'] === 'object') {
      node = node['a'] as Record<string, unknown>;
      levels += 1;
    }
    expect(levels).toBe(depth);
    expect(node).toEqual({ kept: depth - 1, leaf: true });
  });
});
