import { typeFromJson, typeToJson, type CtyType } from './cty-type.js';
import { Dynamic, ExactNumber, inferType, parseNumber, Unknown, unknown, type CtyNumber, type CtyValue, type Refinements } from './cty-value.js';

// Type-directed MessagePack for DynamicValue (Terraform's object-wire-format): a small reader
// and writer of our own, because a generic library would guess int/float, map/object and
// null/unknown where cty decides them by type (and @msgpack/msgpack adds 84 ms per launch:
// packages/binary-writers/README.md "Performance notes").

export class ValueDecodeError extends Error {
  readonly code = 'TFPLUGIN_VALUE_DECODE';
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(path.length ? `${message} at ${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}` : message);
    this.name = 'ValueDecodeError';
  }
}

class Ext {
  constructor(
    readonly type: number,
    readonly data: Uint8Array,
  ) {}
}

type Raw = null | boolean | number | bigint | string | Uint8Array | Raw[] | Map<Raw, Raw> | Ext;

class Reader {
  pos = 0;
  private readonly view: DataView;
  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new ValueDecodeError([], 'truncated msgpack value');
  }
  private u8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }
  private take(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  private num(size: number, fn: (offset: number) => number | bigint): number | bigint {
    this.need(size);
    const v = fn(this.pos);
    this.pos += size;
    return v;
  }
  private str(n: number): string {
    return Buffer.from(this.take(n)).toString('utf8');
  }
  private arr(n: number): Raw[] {
    const out: Raw[] = [];
    for (let i = 0; i < n; i++) out.push(this.read());
    return out;
  }
  private map(n: number): Map<Raw, Raw> {
    const out = new Map<Raw, Raw>();
    for (let i = 0; i < n; i++) out.set(this.read(), this.read());
    return out;
  }
  read(): Raw {
    const b = this.u8();
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if ((b & 0xe0) === 0xa0) return this.str(b & 0x1f);
    if ((b & 0xf0) === 0x90) return this.arr(b & 0x0f);
    if ((b & 0xf0) === 0x80) return this.map(b & 0x0f);
    const v = this.view;
    switch (b) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return this.take(this.u8());
      case 0xc5:
        return this.take(this.num(2, (o) => v.getUint16(o)) as number);
      case 0xc6:
        return this.take(this.num(4, (o) => v.getUint32(o)) as number);
      case 0xc7: {
        const n = this.u8();
        const t = v.getInt8(this.pos++);
        return new Ext(t, this.take(n));
      }
      case 0xc8: {
        const n = this.num(2, (o) => v.getUint16(o)) as number;
        this.need(1);
        const t = v.getInt8(this.pos++);
        return new Ext(t, this.take(n));
      }
      case 0xc9: {
        const n = this.num(4, (o) => v.getUint32(o)) as number;
        this.need(1);
        const t = v.getInt8(this.pos++);
        return new Ext(t, this.take(n));
      }
      case 0xca:
        return this.num(4, (o) => v.getFloat32(o));
      case 0xcb:
        return this.num(8, (o) => v.getFloat64(o));
      case 0xcc:
        return this.u8();
      case 0xcd:
        return this.num(2, (o) => v.getUint16(o));
      case 0xce:
        return this.num(4, (o) => v.getUint32(o));
      case 0xcf:
        return this.num(8, (o) => v.getBigUint64(o));
      case 0xd0:
        return this.num(1, (o) => v.getInt8(o));
      case 0xd1:
        return this.num(2, (o) => v.getInt16(o));
      case 0xd2:
        return this.num(4, (o) => v.getInt32(o));
      case 0xd3:
        return this.num(8, (o) => v.getBigInt64(o));
      case 0xd4:
      case 0xd5:
      case 0xd6:
      case 0xd7:
      case 0xd8: {
        this.need(1);
        const t = v.getInt8(this.pos++);
        return new Ext(t, this.take(1 << (b - 0xd4)));
      }
      case 0xd9:
        return this.str(this.u8());
      case 0xda:
        return this.str(this.num(2, (o) => v.getUint16(o)) as number);
      case 0xdb:
        return this.str(this.num(4, (o) => v.getUint32(o)) as number);
      case 0xdc:
        return this.arr(this.num(2, (o) => v.getUint16(o)) as number);
      case 0xdd:
        return this.arr(this.num(4, (o) => v.getUint32(o)) as number);
      case 0xde:
        return this.map(this.num(2, (o) => v.getUint16(o)) as number);
      case 0xdf:
        return this.map(this.num(4, (o) => v.getUint32(o)) as number);
      default:
        throw new ValueDecodeError([], `invalid msgpack byte 0x${b.toString(16)}`);
    }
  }
}

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

class Writer {
  private buf = Buffer.allocUnsafe(256);
  private pos = 0;
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  byte(...bytes: number[]): void {
    this.ensure(bytes.length);
    for (const b of bytes) this.buf[this.pos++] = b;
  }
  raw(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }
  header(small: number, smallMax: number, b8: number | undefined, b16: number, b32: number, n: number): void {
    if (n <= smallMax) this.byte(small | n);
    else if (b8 !== undefined && n < 0x100) this.byte(b8, n);
    else if (n < 0x10000) this.byte(b16, n >> 8, n & 0xff);
    else this.byte(b32, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  }
  str(s: string): void {
    const data = Buffer.from(s, 'utf8');
    this.header(0xa0, 31, 0xd9, 0xda, 0xdb, data.length);
    this.raw(data);
  }
  bin(data: Uint8Array): void {
    if (data.length < 0x100) this.byte(0xc4, data.length);
    else if (data.length < 0x10000) this.byte(0xc5, data.length >> 8, data.length & 0xff);
    else this.byte(0xc6, (data.length >>> 24) & 0xff, (data.length >> 16) & 0xff, (data.length >> 8) & 0xff, data.length & 0xff);
    this.raw(data);
  }
  int(n: bigint): void {
    if (n >= 0n && n < 0x80n) return this.byte(Number(n));
    if (n < 0n && n >= -32n) return this.byte(Number(n) & 0xff);
    const b = Buffer.allocUnsafe(9);
    if (n >= -0x80n && n < 0x80n) {
      b[0] = 0xd0;
      b.writeInt8(Number(n), 1);
      return this.raw(b.subarray(0, 2));
    }
    if (n >= -0x8000n && n < 0x8000n) {
      b[0] = 0xd1;
      b.writeInt16BE(Number(n), 1);
      return this.raw(b.subarray(0, 3));
    }
    if (n >= -0x80000000n && n < 0x80000000n) {
      b[0] = 0xd2;
      b.writeInt32BE(Number(n), 1);
      return this.raw(b.subarray(0, 5));
    }
    if (n >= -(2n ** 63n) && n < 2n ** 63n) {
      b[0] = 0xd3;
      b.writeBigInt64BE(n, 1);
      return this.raw(b);
    }
    b[0] = 0xcf;
    b.writeBigUint64BE(n, 1);
    this.raw(b);
  }
  float(n: number): void {
    const b = Buffer.allocUnsafe(9);
    b[0] = 0xcb;
    b.writeDoubleBE(n, 1);
    this.raw(b);
  }
  finish(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
  }
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

export class ValueEncodeError extends Error {
  readonly code = 'TFPLUGIN_VALUE_ENCODE';
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(path.length ? `${message} at ${path.join('.')}` : message);
    this.name = 'ValueEncodeError';
  }
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
