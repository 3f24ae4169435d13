import { describe, expect, it } from 'vitest';
import { bitString, integer, objectId, time, tlv } from './der.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('DER', () => {
  it.each([
    { name: 'short length', given: tlv(0x04, Buffer.alloc(3)), want: '0403000000' },
    { name: 'one length byte', given: tlv(0x04, Buffer.alloc(200)).subarray(0, 3), want: '0481c8' },
    { name: 'two length bytes', given: tlv(0x04, Buffer.alloc(300)).subarray(0, 4), want: '0482012c' },
    { name: 'minimal integer', given: integer(Buffer.from([0, 0, 0x12])), want: '020112' },
    { name: 'integer with its top bit set', given: integer(Buffer.from([0x80])), want: '02020080' },
    { name: 'zero', given: integer(Buffer.from([0, 0])), want: '020100' },
    { name: 'ecdsa-with-SHA256', given: objectId('1.2.840.10045.4.3.2'), want: '06082a8648ce3d040302' },
    { name: 'bit string with unused bits', given: bitString(Buffer.from([0xac]), 2), want: '030202ac' },
    { name: 'UTCTime before 2050', given: time(new Date('2026-12-03T16:00:05.999Z')), want: hex(Buffer.from('\x17\x0d261203160005Z', 'latin1')) },
    { name: 'GeneralizedTime from 2050', given: time(new Date('2050-01-01T00:00:00Z')), want: hex(Buffer.from('\x18\x0f20500101000000Z', 'latin1')) },
  ])('$name', ({ given, want }) => {
    expect(hex(given)).toBe(want);
  });
});
