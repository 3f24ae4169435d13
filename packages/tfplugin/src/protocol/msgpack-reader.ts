import { ValueDecodeError } from './value-codec-errors.js';

// Reads one MessagePack value into its raw form (no cty type yet): extensions stay opaque, big
// integers stay bigint, so the type-directed decoder decides what each value means.

export class Ext {
  constructor(
    readonly type: number,
    readonly data: Uint8Array,
  ) {}
}

export type Raw = null | boolean | number | bigint | string | Uint8Array | Raw[] | Map<Raw, Raw> | Ext;

export class Reader {
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
