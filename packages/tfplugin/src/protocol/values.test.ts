import { describe, expect, it } from 'vitest';
import { ctyBool, ctyDynamic, ctyList, ctyMap, ctyNumber, ctyObject, ctySet, ctyString, ctyTuple, typeFromJson, typeToJson } from './cty-type.js';
import { Dynamic, ExactNumber, Unknown, unknown, valueEquals, type CtyValue } from './cty-value.js';
import { decodeJsonValue, JsonValueError, parseJsonLossless } from './json-codec.js';
import { decodeMsgpack, encodeMsgpack } from './msgpack-codec.js';
import { ValueDecodeError } from './value-codec-errors.js';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const ascii = (s: string): string => Buffer.from(s).toString('hex');

describe('msgpack DynamicValue codec', () => {
  const cases: { name: string; type: Parameters<typeof encodeMsgpack>[0]; value: CtyValue; wire: string }[] = [
    { name: 'null', type: ctyString, value: null, wire: 'c0' },
    { name: 'unknown', type: ctyString, value: unknown, wire: 'd40000' },
    { name: 'refined unknown (not null)', type: ctyString, value: new Unknown({ notNull: true }), wire: 'c7030c8101c2' },
    { name: 'small int', type: ctyNumber, value: 7, wire: '07' },
    { name: 'negative int', type: ctyNumber, value: -200, wire: 'd1ff38' },
    { name: 'float64', type: ctyNumber, value: 1.5, wire: 'cb3ff8000000000000' },
    { name: 'uint64 beyond 2^53', type: ctyNumber, value: 12345678901234567890n, wire: 'cfab54a98ceb1f0ad2' },
    {
      name: 'decimal beyond a double, as a string',
      type: ctyNumber,
      value: new ExactNumber('0.10000000000000000000001'),
      wire: `b9${ascii('0.10000000000000000000001')}`,
    },
    { name: 'bool', type: ctyBool, value: true, wire: 'c3' },
    { name: 'list', type: ctyList(ctyString), value: ['a'], wire: '91a161' },
    { name: 'set', type: ctySet(ctyNumber), value: [1, 2], wire: '920102' },
    { name: 'map, keys sorted', type: ctyMap(ctyBool), value: { b: true, a: false }, wire: '82a161c2a162c3' },
    {
      name: 'object with a null attribute',
      type: ctyObject({ id: ctyString, name: ctyString }),
      value: { id: null, name: 'x' },
      wire: `82a2${ascii('id')}c0a4${ascii('name')}a178`,
    },
    { name: 'tuple', type: ctyTuple([ctyString, ctyNumber]), value: ['a', 1], wire: '92a16101' },
    { name: 'dynamic holding a string', type: ctyDynamic, value: new Dynamic(ctyString, 'hi'), wire: `92c408${ascii('"string"')}a26869` },
  ];
  it.each(cases)('$name', ({ type, value, wire }) => {
    expect(encodeMsgpack(type, value).toString('hex')).toBe(wire);
    const back = decodeMsgpack(type, hex(wire));
    if (value instanceof Unknown) expect(back).toEqual(value);
    else expect(valueEquals(back, value)).toBe(true);
  });

  const decodeOnly = [
    { name: 'number sent as a string', type: ctyNumber, wire: `a3${ascii('0.1')}`, want: 0.1 as CtyValue },
    { name: 'big integer sent as a string', type: ctyNumber, wire: `b4${ascii('12345678901234567890')}`, want: 12345678901234567890n as CtyValue },
    { name: 'float32', type: ctyNumber, wire: 'ca3fc00000', want: 1.5 as CtyValue },
    { name: 'unknown with any one-byte ext', type: ctyNumber, wire: 'd40500', want: unknown as CtyValue },
    {
      name: 'refined number bounds ignored keys kept',
      type: ctyNumber,
      wire: 'c7080c820392 00 c3 09a178',
      want: new Unknown({ numberLower: [0, true] }) as CtyValue,
    },
    { name: 'empty bytes are null', type: ctyString, wire: '', want: null as CtyValue },
  ];
  it.each(decodeOnly)('decodes $name', ({ type, wire, want }) => {
    const got = decodeMsgpack(type, hex(wire));
    if (want instanceof Unknown) expect(got).toEqual(want);
    else expect(valueEquals(got, want)).toBe(true);
  });

  const malformed = [
    { name: 'unsupported object attribute', type: ctyObject({ a: ctyString }), wire: `81a162c0`, message: /unsupported attribute "b"/ },
    { name: 'wrong primitive', type: ctyObject({ a: ctyBool }), wire: `81a161a178`, message: /expected a bool at \.a/ },
    { name: 'truncated', type: ctyString, wire: 'a5 61', message: /truncated/ },
    { name: 'tuple length', type: ctyTuple([ctyString]), wire: '92a161a162', message: /tuple of 1/ },
    { name: 'trailing bytes', type: ctyBool, wire: 'c3c3', message: /trailing/ },
  ];
  it.each(malformed)('rejects $name with a path', ({ type, wire, message }) => {
    expect(() => decodeMsgpack(type, hex(wire))).toThrow(ValueDecodeError);
    expect(() => decodeMsgpack(type, hex(wire))).toThrow(message);
  });
});

describe('cty types as JSON', () => {
  const types = [
    '"string"',
    '["list","number"]',
    '["object",{"a":"bool","b":["map","string"]}]',
    '["tuple",["string","dynamic"]]',
    '["set",["object",{"x":"number"}]]',
  ];
  it.each(types)('%s round-trips', (text) => {
    expect(JSON.stringify(typeToJson(typeFromJson(JSON.parse(text))))).toBe(text);
  });
});

describe('JSON state codec', () => {
  const type = ctyObject({ id: ctyString, size: ctyNumber, tags: ctyMap(ctyString), big: ctyNumber, any: ctyDynamic });
  it('keeps exact numbers and fills missing attributes with null', () => {
    const v = decodeJsonValue(type, '{"id":"a","size":0.1,"big":123456789012345678901234,"tags":{"k":"v"}}') as Record<string, CtyValue>;
    expect(v['size']).toBe(0.1);
    expect(v['big']).toBe(123456789012345678901234n);
    expect(v['any']).toBeNull();
    expect(v['tags']).toEqual({ k: 'v' });
  });
  it('rejects attributes the schema does not have', () => {
    expect(() => decodeJsonValue(type, '{"nope":1}')).toThrow(JsonValueError);
  });
  it('parses dynamic values and loose JSON for upgraders', () => {
    const v = decodeJsonValue(ctyObject({ any: ctyDynamic }), '{"any":{"value":["a"],"type":["list","string"]}}') as Record<string, CtyValue>;
    expect(v['any']).toEqual(new Dynamic(ctyList(ctyString), ['a']));
    expect(parseJsonLossless('{"n":18446744073709551616,"s":[true,null]}')).toEqual({ n: 18446744073709551616n, s: [true, null] });
  });
});
