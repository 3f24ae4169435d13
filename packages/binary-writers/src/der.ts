// A DER writer (ITU-T X.690) with the few types an X.509 certificate needs: the writing half of
// x509-certificate.ts, which says why no library (@peculiar/x509: 131 ms or more per start,
// README.md "Performance notes").

export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...content: Uint8Array[]): Buffer => tlv(0x30, ...content);
export const set = (...content: Uint8Array[]): Buffer => tlv(0x31, ...content);
export const octetString = (data: Uint8Array): Buffer => tlv(0x04, data);
export const boolean = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0]));
export const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
/** A context-specific constructed tag `[n]`. */
export const explicit = (n: number, content: Uint8Array): Buffer => tlv(0xa0 + n, content);

/** A BIT STRING of whole bytes, or of `bits` with `unusedBits` trailing bits unused. */
export function bitString(bits: Uint8Array, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.from([unusedBits]), bits);
}

/** An INTEGER from big-endian bytes read as unsigned: minimal, with a zero byte when the top bit is set. */
export function integer(bytes: Uint8Array): Buffer {
  let v = Buffer.from(bytes);
  while (v.length > 1 && v[0] === 0 && ((v[1] as number) & 0x80) === 0) v = v.subarray(1);
  if (((v[0] as number) & 0x80) !== 0) v = Buffer.concat([Buffer.from([0]), v]);
  return tlv(0x02, v);
}

export function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const out: number[] = [40 * first + second];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5), to the second. */
export function time(date: Date): Buffer {
  const compact = `${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(compact.slice(2))) : tlv(0x18, Buffer.from(compact));
}
