import { writeVarint } from '@hikube/binary-writers';
import { MESSAGES } from './generated/descriptors.js';
import type { FieldRow } from './descriptor-types.js';

// A small table-driven protobuf codec: the descriptors are generated at build time, so start-up
// pays neither .proto parsing nor protobufjs (82-124 ms per launch: packages/binary-writers/README.md
// "Performance notes"). Only the wire features our protos use.

const REPEATED = 1;
const EXPLICIT = 2 | 4;

type Message = Record<string, unknown>;

export class ProtobufDecodeError extends Error {
  readonly code = 'TFPLUGIN_PROTOBUF_DECODE';
  constructor(typeName: string, detail: string) {
    super(`cannot decode ${typeName}: ${detail}`);
    this.name = 'ProtobufDecodeError';
  }
}

class Writer {
  private chunks: Uint8Array[] = [];
  private buf = Buffer.allocUnsafe(64);
  private pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(64, n));
    this.pos = 0;
  }

  varint(value: number | bigint): void {
    this.ensure(10);
    this.pos = writeVarint(this.buf, this.pos, value);
  }

  bytes(data: Uint8Array): void {
    this.varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  finish(): Buffer {
    this.chunks.push(this.buf.subarray(0, this.pos));
    return Buffer.concat(this.chunks);
  }
}

function fieldsOf(typeName: string): readonly FieldRow[] {
  const fields = MESSAGES[typeName];
  if (!fields) throw new Error(`unknown protobuf message ${typeName}`);
  return fields;
}

function isDefault(value: unknown): boolean {
  return value === 0 || value === '' || value === false || (value instanceof Uint8Array && value.length === 0);
}

function writeScalar(w: Writer, no: number, kind: string, value: unknown): void {
  switch (kind) {
    case 'string':
      w.varint((no << 3) | 2);
      w.bytes(Buffer.from(String(value), 'utf8'));
      return;
    case 'bytes':
      w.varint((no << 3) | 2);
      w.bytes(value as Uint8Array);
      return;
    case 'bool':
      w.varint(no << 3);
      w.varint(value ? 1 : 0);
      return;
    default:
      w.varint(no << 3);
      w.varint(value as number | bigint);
  }
}

function writeField(w: Writer, row: FieldRow, value: unknown): void {
  const [no, , kind, , ref] = row;
  if (kind === 'message') {
    w.varint((no << 3) | 2);
    w.bytes(encodeMessage(ref as string, value as Message));
  } else {
    writeScalar(w, no, kind, value);
  }
}

/** Encodes a plain object (camelCase field names) as the named protobuf message. */
export function encodeMessage(typeName: string, message: Message): Buffer {
  const w = new Writer();
  for (const row of fieldsOf(typeName)) {
    const [no, name, kind, flags, ref] = row;
    const value = message[name];
    if (value === undefined || value === null) continue;
    if (kind === 'map') {
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        const inner = new Writer();
        writeScalar(inner, 1, 'string', key);
        if (ref === 'string') writeScalar(inner, 2, 'string', entry);
        else {
          inner.varint((2 << 3) | 2);
          inner.bytes(encodeMessage(ref as string, entry as Message));
        }
        w.varint((no << 3) | 2);
        w.bytes(inner.finish());
      }
    } else if (flags & REPEATED) {
      for (const item of value as unknown[]) writeField(w, row, item);
    } else if (kind === 'message' || flags & EXPLICIT || !isDefault(value)) {
      writeField(w, row, value);
    }
  }
  return w.finish();
}

class Reader {
  pos = 0;
  constructor(
    readonly buf: Uint8Array,
    readonly typeName: string,
  ) {}

  varint(): number {
    let result = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (this.pos >= this.buf.length) throw new ProtobufDecodeError(this.typeName, 'truncated varint');
      const b = this.buf[this.pos++] as number;
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
    }
    // Past 28 bits: finish in BigInt so 10-byte two's complement negatives come out exact.
    let big = BigInt(result);
    for (let shift = 28n; ; shift += 7n) {
      if (shift > 63n) throw new ProtobufDecodeError(this.typeName, 'varint too long');
      if (this.pos >= this.buf.length) throw new ProtobufDecodeError(this.typeName, 'truncated varint');
      const b = this.buf[this.pos++] as number;
      big |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    return Number(BigInt.asIntN(64, big));
  }

  bytes(): Uint8Array {
    const len = this.varint();
    const end = this.pos + len;
    if (len < 0 || end > this.buf.length) throw new ProtobufDecodeError(this.typeName, 'length past end of buffer');
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new ProtobufDecodeError(this.typeName, `unsupported wire type ${wireType}`);
  }
}

const byNumberCache = new Map<string, Map<number, FieldRow>>();

function byNumber(typeName: string): Map<number, FieldRow> {
  let map = byNumberCache.get(typeName);
  if (!map) {
    map = new Map(fieldsOf(typeName).map((row) => [row[0], row]));
    byNumberCache.set(typeName, map);
  }
  return map;
}

function readScalar(r: Reader, kind: string): unknown {
  switch (kind) {
    case 'string':
      return Buffer.from(r.bytes()).toString('utf8');
    case 'bytes':
      return Buffer.from(r.bytes());
    case 'bool':
      return r.varint() !== 0;
    default:
      return r.varint();
  }
}

/** Decodes bytes as the named message; absent fields stay undefined (repeated ones too). */
export function decodeMessage<T = Message>(typeName: string, data: Uint8Array): T {
  const fields = byNumber(typeName);
  const out: Message = {};
  const r = new Reader(data, typeName);
  while (r.pos < data.length) {
    const tag = r.varint();
    const no = tag >>> 3;
    const wireType = tag & 7;
    const row = fields.get(no);
    if (!row) {
      r.skip(wireType);
      continue;
    }
    const [, name, kind, flags, ref] = row;
    let value: unknown;
    if (kind === 'map') {
      const entry = new Reader(r.bytes(), typeName);
      let key = '';
      let val: unknown = ref === 'string' ? '' : {};
      while (entry.pos < entry.buf.length) {
        const t = entry.varint();
        if (t >>> 3 === 1) key = readScalar(entry, 'string') as string;
        else if (t >>> 3 === 2) val = ref === 'string' ? readScalar(entry, 'string') : decodeMessage(ref as string, entry.bytes());
        else entry.skip(t & 7);
      }
      const map = (out[name] ??= {}) as Message;
      map[key] = val;
      continue;
    }
    if (kind === 'message') value = decodeMessage(ref as string, r.bytes());
    else if (wireType === 2 && kind !== 'string' && kind !== 'bytes') {
      // packed repeated scalars
      const packed = new Reader(r.bytes(), typeName);
      const list = (out[name] ??= []) as unknown[];
      while (packed.pos < packed.buf.length) list.push(readScalar(packed, kind));
      continue;
    } else value = readScalar(r, kind);
    if (flags & REPEATED) ((out[name] ??= []) as unknown[]).push(value);
    else out[name] = value;
  }
  return out as T;
}
