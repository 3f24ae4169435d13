import type { CtyType } from './cty-type.js';
import { typeFromJson } from './cty-type.js';
import { Dynamic, parseNumber, type CtyValue } from './cty-value.js';

// cty JSON (RawState.json, DynamicValue.json). Parsed by hand so numbers keep their exact text:
// state may hold integers beyond 2^53 or decimals a double cannot carry, which JSON.parse rounds
// (correctness, not speed: values.test.ts keeps 123456789012345678901234 exact).

export class JsonValueError extends Error {
  readonly code = 'TFPLUGIN_JSON_VALUE';
  constructor(message: string) {
    super(message);
    this.name = 'JsonValueError';
  }
}

class NumberText {
  constructor(readonly text: string) {}
}

type Json = null | boolean | string | NumberText | Json[] | Map<string, Json>;

function parseJson(text: string): Json {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (what: string): never => {
    throw new JsonValueError(`invalid JSON at offset ${i}: ${what}`);
  };
  const value = (): Json => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const out = new Map<string, Json>();
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = str();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        out.set(key, value());
        ws();
        const sep = text[i++];
        if (sep === '}') return out;
        if (sep !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const out: Json[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        const sep = text[i++];
        if (sep === ']') return out;
        if (sep !== ',') fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (m) {
      i += m[0].length;
      return new NumberText(m[0]);
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail('unexpected character');
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const out = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return out;
}

function fromJson(type: CtyType, json: Json, path: string): CtyValue {
  if (json === null) return null;
  const bad = (what: string): never => {
    throw new JsonValueError(`${path || 'value'}: expected ${what}`);
  };
  switch (type.kind) {
    case 'string':
      if (typeof json === 'string') return json;
      if (typeof json === 'boolean') return String(json);
      if (json instanceof NumberText) return json.text;
      return bad('a string');
    case 'number':
      if (json instanceof NumberText) return parseNumber(json.text);
      if (typeof json === 'string') return parseNumber(json);
      return bad('a number');
    case 'bool':
      if (typeof json === 'boolean') return json;
      if (json === 'true' || json === 'false') return json === 'true';
      return bad('a bool');
    case 'list':
    case 'set':
      if (!Array.isArray(json)) return bad(`a ${type.kind}`);
      return json.map((x, idx) => fromJson(type.element, x, `${path}[${idx}]`));
    case 'tuple':
      if (!Array.isArray(json) || json.length !== type.elements.length) return bad(`a tuple of ${type.elements.length}`);
      return json.map((x, idx) => fromJson(type.elements[idx] as CtyType, x, `${path}[${idx}]`));
    case 'map': {
      if (!(json instanceof Map)) return bad('a map');
      const out: Record<string, CtyValue> = {};
      for (const [k, v] of json)
        Object.defineProperty(out, k, { value: fromJson(type.element, v, `${path}["${k}"]`), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'object': {
      if (!(json instanceof Map)) return bad('an object');
      const out: Record<string, CtyValue> = {};
      for (const [k, v] of json) {
        if (!Object.hasOwn(type.attributes, k)) throw new JsonValueError(`${path || 'value'}: unsupported attribute "${k}"`);
        out[k] = fromJson(type.attributes[k] as CtyType, v, path ? `${path}.${k}` : k);
      }
      for (const name of Object.keys(type.attributes)) if (!(name in out)) out[name] = null;
      return out;
    }
    case 'dynamic': {
      if (!(json instanceof Map) || !json.has('type') || !json.has('value')) return bad('{"value":…,"type":…} for a dynamic value');
      const concrete = typeFromJson(toPlain(json.get('type') as Json));
      return new Dynamic(concrete, fromJson(concrete, json.get('value') as Json, path));
    }
  }
}

function toPlain(json: Json): unknown {
  if (json instanceof NumberText) return Number(json.text);
  if (Array.isArray(json)) return json.map(toPlain);
  if (json instanceof Map) return Object.fromEntries([...json].map(([k, v]) => [k, toPlain(v)]));
  return json;
}

/** Decodes cty JSON of the given type; missing object attributes become null, unknown ones fail. */
export function decodeJsonValue(type: CtyType, text: string | Uint8Array): CtyValue {
  const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  if (source.trim() === '') return null;
  return fromJson(type, parseJson(source), '');
}

/** Parses JSON keeping big numbers exact; objects become plain objects (for schema upgraders). */
export function parseJsonLossless(text: string | Uint8Array): unknown {
  const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  const walk = (json: Json): unknown => {
    if (json instanceof NumberText) return parseNumber(json.text);
    if (Array.isArray(json)) return json.map(walk);
    if (json instanceof Map) return Object.fromEntries([...json].map(([k, v]) => [k, walk(v)]));
    return json;
  };
  return walk(parseJson(source));
}
