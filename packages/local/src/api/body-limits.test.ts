// The pre-parse bounds: what passes, what is refused and with which code, for JSON and YAML.

import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, BodyLimitError, scanJson, scanYaml } from './body-limits.js';

const deepJson = (n: number): string => '['.repeat(n) + ']'.repeat(n);
const nestedObjects = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const manyKeys = (n: number): string => `{${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}`;
const blockMap = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    if (err instanceof BodyLimitError) return err.code;
    throw err;
  }
}

describe('scanJson', () => {
  const cases: { name: string; given: string; want: string | undefined }[] = [
    { name: 'an ordinary object', given: '{"metadata":{"name":"a"},"spec":{"replicas":2,"users":{"u":{}}}}', want: undefined },
    { name: 'arrays at the depth limit', given: deepJson(BODY_LIMITS.maxDepth), want: undefined },
    { name: 'arrays one level deeper', given: deepJson(BODY_LIMITS.maxDepth + 1), want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'arrays 100k deep', given: deepJson(100_000), want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'objects 101 deep', given: nestedObjects(101), want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'brackets inside strings', given: JSON.stringify({ a: '['.repeat(1000) + '{'.repeat(1000) }), want: undefined },
    { name: 'escaped quotes inside strings', given: JSON.stringify({ a: '"[['.repeat(500) }), want: undefined },
    { name: 'keys at the limit', given: manyKeys(BODY_LIMITS.maxKeys), want: undefined },
    { name: 'one key too many', given: manyKeys(BODY_LIMITS.maxKeys + 1), want: 'HIKUBE_BODY_TOO_MANY_KEYS' },
    { name: 'an unterminated body (the parser reports it)', given: '{"a": [1, 2', want: undefined },
  ];
  it.each(cases)('$name -> $want', ({ given, want }) => {
    expect(codeOf(() => scanJson(given))).toBe(want);
  });

  it.each([
    { given: '{"a":1,"b":2}', want: [] },
    { given: '{"a":1,"a":2}', want: ['a'] },
    { given: '{"spec":{"replicas":1,"replicas":3}}', want: ['spec.replicas'] },
    { given: '{"spec":{"users":{"u":{},"v":{}},"users":{}}}', want: ['spec.users'] },
    { given: '{"a":[{"x":1},{"x":1,"x":2}]}', want: ['a[1].x'] },
    { given: '{"a":{"x":1},"b":{"x":1}}', want: [] },
    { given: '{"\\u0061":1,"a":2}', want: ['a'] },
  ])('reports duplicate keys of $given as $want', ({ given, want }) => {
    expect(scanJson(given).duplicates).toEqual(want);
  });
});

describe('scanYaml', () => {
  const cases: { name: string; given: string; want: string | undefined }[] = [
    {
      name: 'an ordinary manifest',
      given: 'apiVersion: v1\nmetadata:\n  name: a\n  labels: {a: b}\nspec:\n  users:\n    - name: u\n      roles: [a, b]\n',
      want: undefined,
    },
    { name: 'flow sequences 30,000 deep (the crash)', given: `a: ${deepJson(30_000)}`, want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'unclosed flow sequences', given: `a: ${'['.repeat(5000)}`, want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'flow mappings 101 deep', given: '{a: '.repeat(101) + '1' + '}'.repeat(101), want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'flow at the depth limit', given: deepJson(BODY_LIMITS.maxDepth - 1), want: undefined },
    { name: 'compact sequences 200 deep', given: '- '.repeat(200) + 'x\n', want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'block mappings 200 deep', given: blockMap(200), want: 'HIKUBE_BODY_TOO_DEEP' },
    { name: 'block mappings 40 deep', given: blockMap(40), want: undefined },
    { name: 'brackets in a quoted scalar', given: `a: "${'['.repeat(500)}"\n`, want: undefined },
    { name: 'brackets in a block scalar', given: `a: |\n  ${'['.repeat(500)}\n`, want: undefined },
    { name: 'brackets inside a plain scalar', given: `a: it's ${deepJson(200)}`, want: undefined },
    { name: 'a quote inside a plain scalar does not hide later brackets', given: `a: it's\nb: ${deepJson(200)}`, want: 'HIKUBE_BODY_TOO_DEEP' },
    {
      name: 'more keys than allowed, over the YAML size limit first',
      given: Array.from({ length: BODY_LIMITS.maxKeys + 1 }, (_, i) => `k${i}: 1`).join('\n'),
      want: 'HIKUBE_BODY_TOO_LARGE',
    },
    { name: 'too many keys in a small body', given: `{${'a: 1, '.repeat(BODY_LIMITS.maxKeys + 1)}}`, want: 'HIKUBE_BODY_TOO_MANY_KEYS' },
    { name: 'larger than the YAML size limit', given: `a: "${'x'.repeat(BODY_LIMITS.maxYamlBytes)}"`, want: 'HIKUBE_BODY_TOO_LARGE' },
  ];
  it.each(cases)('$name -> $want', ({ given, want }) => {
    expect(codeOf(() => scanYaml(given))).toBe(want);
  });
});
