import { typeFromJson, typeToJson, type CtyType } from './cty-type.js';
import { Dynamic, ExactNumber, inferType, parseNumber, Unknown, unknown, type CtyNumber, type CtyValue, type Refinements } from './cty-value.js';
import { Ext, Reader, type Raw } from './msgpack-reader.js';
import { Writer } from './msgpack-writer.js';
import { ValueDecodeError, ValueEncodeError } from './value-codec-errors.js';

// Type-directed MessagePack for DynamicValue (Terraform's object-wire-format): a small reader
// and writer of our own, because a generic library would guess int/float, map/object and
// null/unknown where cty decides them by type (and @msgpack/msgpack adds 84 ms per launch:
// packages/binary-writers/README.md "Performance notes").

function rawToNumber(raw: Raw, path: (string | number)[]): CtyNumber {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number.isSafeInteger(Number(raw)) && BigInt(Number(raw)) === raw ? Number(raw) : raw;
  if (typeof raw === 'string') {
    try {
      return parseNumber(raw);
    } catch {
      throw new ValueDecodeError(path, 'invalid number text'); // the text itself may be secret
    }
  }
  throw new ValueDecodeError(path, 'expected a number');
}

function decodeRefinements(ext: Ext, path: (string | number)[]): Unknown {
  if (ext.data.length <= 1) return unknown;
  if (ext.type !== 12) throw new ValueDecodeError(path, `unsupported msgpack extension ${ext.type}`);
  const raw = new Reader(ext.data).read();
  if (!(raw instanceof Map)) throw new ValueDecodeError(path, 'refinements must be a map');
  const r: { -readonly [K in keyof Refinements]: Refinements[K] } = {};
  for (const [k, v] of raw) {
    if (k === 1 && typeof v === 'boolean') r.notNull = !v;
    else if (k === 2 && typeof v === 'string') r.stringPrefix = v;
    else if ((k === 3 || k === 4) && Array.isArray(v)) {
      const bound: [CtyNumber, boolean] = [rawToNumber(v[0] as Raw, path), v[1] === true];
      if (k === 3) r.numberLower = bound;
      else r.numberUpper = bound;
    } else if (k === 5 && typeof v === 'number') r.lengthLower = v;
    else if (k === 6 && typeof v === 'number') r.lengthUpper = v;
  }
  return new Unknown(r);
}

function fromRaw(type: CtyType, raw: Raw, path: (string | number)[]): CtyValue {
  if (raw instanceof Ext) return decodeRefinements(raw, path);
  if (raw === null) return null;
  switch (type.kind) {
    case 'string':
      if (typeof raw === 'string') return raw.normalize('NFC');
      if (raw instanceof Uint8Array) return Buffer.from(raw).toString('utf8');
      throw new ValueDecodeError(path, 'expected a string');
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      throw new ValueDecodeError(path, 'expected a bool');
    case 'number':
      return rawToNumber(raw, path);
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new ValueDecodeError(path, `expected a ${type.kind}`);
      return raw.map((x, i) => fromRaw(type.element, x, [...path, i]));
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== type.elements.length) throw new ValueDecodeError(path, `expected a tuple of ${type.elements.length} elements`);
      return raw.map((x, i) => fromRaw(type.elements[i] as CtyType, x, [...path, i]));
    case 'map': {
      if (!(raw instanceof Map)) throw new ValueDecodeError(path, 'expected a map');
      const out: Record<string, CtyValue> = {};
      for (const [k, v] of raw) {
        if (typeof k !== 'string') throw new ValueDecodeError(path, 'map keys must be strings');
        Object.defineProperty(out, k, { value: fromRaw(type.element, v, [...path, k]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'object': {
      if (!(raw instanceof Map)) throw new ValueDecodeError(path, 'expected an object');
      const out: Record<string, CtyValue> = {};
      for (const [k, v] of raw) {
        if (typeof k !== 'string' || !Object.hasOwn(type.attributes, k)) throw new ValueDecodeError(path, `unsupported attribute ${JSON.stringify(k)}`);
        out[k] = fromRaw(type.attributes[k] as CtyType, v, [...path, k]);
      }
      for (const name of Object.keys(type.attributes)) if (!(name in out)) out[name] = null;
      return out;
    }
    case 'dynamic': {
      if (!Array.isArray(raw) || raw.length !== 2) throw new ValueDecodeError(path, 'expected a [type, value] pair for a dynamic value');
      const [typeRaw, valueRaw] = raw as [Raw, Raw];
      const typeText = typeRaw instanceof Uint8Array ? Buffer.from(typeRaw).toString('utf8') : String(typeRaw);
      let concrete: CtyType;
      try {
        concrete = typeFromJson(JSON.parse(typeText));
      } catch (err) {
        throw new ValueDecodeError(path, `invalid dynamic type: ${err instanceof Error ? err.message : String(err)}`);
      }
      return new Dynamic(concrete, fromRaw(concrete, valueRaw, path));
    }
  }
}

/** Decodes DynamicValue.msgpack bytes of the given type. Empty bytes decode as null. */
export function decodeMsgpack(type: CtyType, bytes: Uint8Array): CtyValue {
  if (bytes.length === 0) return null;
  const r = new Reader(bytes);
  const raw = r.read();
  if (r.pos !== bytes.length) throw new ValueDecodeError([], 'trailing bytes after msgpack value');
  return fromRaw(type, raw, []);
}

function writeNumber(w: Writer, n: CtyNumber): void {
  if (typeof n === 'number') {
    if (Number.isSafeInteger(n)) w.int(BigInt(n));
    else w.float(n);
  } else if (typeof n === 'bigint') {
    if (n >= -(2n ** 63n) && n < 2n ** 64n) w.int(n);
    else w.str(n.toString());
  } else if (n instanceof ExactNumber) {
    w.str(n.text);
  }
}

function writeUnknown(w: Writer, u: Unknown): void {
  const r = u.refinements;
  const entries: [number, (w: Writer) => void][] = [];
  if (r.notNull) entries.push([1, (x) => x.byte(0xc2)]);
  if (r.stringPrefix !== undefined) entries.push([2, (x) => x.str(r.stringPrefix as string)]);
  for (const [key, bound] of [
    [3, r.numberLower],
    [4, r.numberUpper],
  ] as const) {
    if (bound)
      entries.push([
        key,
        (x) => {
          x.byte(0x92);
          writeNumber(x, bound[0]);
          x.byte(bound[1] ? 0xc3 : 0xc2);
        },
      ]);
  }
  if (r.lengthLower !== undefined) entries.push([5, (x) => x.int(BigInt(r.lengthLower as number))]);
  if (r.lengthUpper !== undefined) entries.push([6, (x) => x.int(BigInt(r.lengthUpper as number))]);
  if (entries.length === 0) return w.byte(0xd4, 0, 0);
  const inner = new Writer();
  inner.byte(0x80 | entries.length);
  for (const [k, write] of entries) {
    inner.byte(k);
    write(inner);
  }
  const payload = inner.finish();
  w.byte(0xc7, payload.length, 12);
  w.raw(payload);
}

function write(w: Writer, type: CtyType, value: CtyValue | undefined, path: (string | number)[]): void {
  if (value === null || value === undefined) return w.byte(0xc0);
  if (value instanceof Unknown) return writeUnknown(w, value);
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string') throw new ValueEncodeError(path, `expected a string, got ${typeof value}`);
      return w.str(value.normalize('NFC'));
    case 'bool':
      if (typeof value !== 'boolean') throw new ValueEncodeError(path, `expected a bool, got ${typeof value}`);
      return w.byte(value ? 0xc3 : 0xc2);
    case 'number':
      if (typeof value === 'number' || typeof value === 'bigint' || value instanceof ExactNumber) return writeNumber(w, value);
      throw new ValueEncodeError(path, `expected a number, got ${typeof value}`);
    case 'list':
    case 'set':
    case 'tuple': {
      if (!Array.isArray(value)) throw new ValueEncodeError(path, `expected a ${type.kind} (array)`);
      if (type.kind === 'tuple' && value.length !== type.elements.length) throw new ValueEncodeError(path, `expected ${type.elements.length} tuple elements`);
      w.header(0x90, 15, undefined, 0xdc, 0xdd, value.length);
      value.forEach((x, i) => write(w, type.kind === 'tuple' ? (type.elements[i] as CtyType) : type.element, x, [...path, i]));
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value) || value instanceof Dynamic || value instanceof ExactNumber)
        throw new ValueEncodeError(path, 'expected a map (object)');
      const keys = Object.keys(value).sort();
      w.header(0x80, 15, undefined, 0xde, 0xdf, keys.length);
      for (const k of keys) {
        w.str(k);
        write(w, type.element, value[k], [...path, k]);
      }
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value) || value instanceof Dynamic || value instanceof ExactNumber)
        throw new ValueEncodeError(path, 'expected an object');
      const names = Object.keys(type.attributes).sort();
      for (const k of Object.keys(value))
        if (!Object.hasOwn(type.attributes, k)) throw new ValueEncodeError(path, `unsupported attribute ${JSON.stringify(k)}`);
      w.header(0x80, 15, undefined, 0xde, 0xdf, names.length);
      for (const k of names) {
        w.str(k);
        write(w, type.attributes[k] as CtyType, value[k], [...path, k]);
      }
      return;
    }
    case 'dynamic': {
      const concrete = value instanceof Dynamic ? value.type : inferType(value);
      const inner = value instanceof Dynamic ? value.value : value;
      if (inner instanceof Unknown) return writeUnknown(w, inner);
      w.byte(0x92);
      w.bin(Buffer.from(JSON.stringify(typeToJson(concrete))));
      return write(w, concrete, inner, path);
    }
  }
}

/** Encodes a value of the given type as DynamicValue.msgpack. Missing object attributes encode as null. */
export function encodeMsgpack(type: CtyType, value: CtyValue): Buffer {
  const w = new Writer();
  write(w, type, value, []);
  return w.finish();
}
