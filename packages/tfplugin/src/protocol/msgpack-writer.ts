// A growable MessagePack byte writer: the primitives the type-directed encoder composes.

export class Writer {
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
