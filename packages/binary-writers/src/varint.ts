// Protobuf base-128 varints, written by hand: the plugin framework encodes every RPC with them and
// Hikube Local one small document; protobufjs adds 82 ms or more to each start and its writer is
// no faster (README.md "Performance notes").

/** Writes `value` (an unsigned or two's-complement 64-bit integer) at `pos`; returns the position after it (at most 10 bytes). */
export function writeVarint(target: Uint8Array, pos: number, value: number | bigint): number {
  let at = pos;
  if (typeof value === 'number' && value >= 0 && value <= 0x7fffffff) {
    let v = value;
    while (v > 0x7f) {
      target[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    target[at++] = v;
    return at;
  }
  let v = BigInt.asUintN(64, BigInt(value));
  while (v > 0x7fn) {
    target[at++] = Number(v & 0x7fn) | 0x80;
    v >>= 7n;
  }
  target[at++] = Number(v);
  return at;
}

/** `value` as a varint of its own. */
export function varint(value: number | bigint): Buffer {
  const out = Buffer.allocUnsafe(10);
  return out.subarray(0, writeVarint(out, 0, value));
}
