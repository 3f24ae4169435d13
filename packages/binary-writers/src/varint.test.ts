import { describe, expect, it } from 'vitest';
import { varint, writeVarint } from './varint.js';

describe('varint', () => {
  const cases = [
    { given: 0, want: [0x00] },
    { given: 1, want: [0x01] },
    { given: 127, want: [0x7f] },
    { given: 128, want: [0x80, 0x01] },
    { given: 300, want: [0xac, 0x02] },
    { given: 0x7fffffff, want: [0xff, 0xff, 0xff, 0xff, 0x07] },
    { given: 2 ** 32, want: [0x80, 0x80, 0x80, 0x80, 0x10] },
    { given: 2n ** 63n, want: [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01] },
    // Negative numbers as protobuf writes int32/int64: two's complement over 64 bits, 10 bytes.
    { given: -1, want: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01] },
  ];
  it.each(cases)('$given -> $want', ({ given, want }) => {
    expect([...varint(given)]).toEqual(want);
  });

  it('writes at a position and returns the position after it', () => {
    const target = new Uint8Array(8).fill(0xee);
    expect(writeVarint(target, 3, 300)).toBe(5);
    expect([...target]).toEqual([0xee, 0xee, 0xee, 0xac, 0x02, 0xee, 0xee, 0xee]);
  });
});
