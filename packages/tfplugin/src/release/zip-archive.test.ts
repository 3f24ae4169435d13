import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip } from './zip-archive.js';

/** An independent reader of what the test needs: each central entry's name, mode and data. */
function readZip(zip: Buffer): { name: string; mode: number; data: Buffer }[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const crc = zip.readUInt32LE(at + 16);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const localNameLength = zip.readUInt16LE(local + 26);
    const localExtraLength = zip.readUInt16LE(local + 28);
    const start = local + 30 + localNameLength + localExtraLength;
    const data = inflateRawSync(zip.subarray(start, start + compressedSize));
    expect(crc32(data)).toBe(crc);
    entries.push({ name, mode, data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('writeZip', () => {
  it('stores each entry deflated with its CRC and Unix mode, readable back', () => {
    const executable = Buffer.from('#!/bin/sh\necho provider\n'.repeat(100));
    const zip = writeZip([
      { name: 'terraform-provider-x_v1.0.0', data: executable, mode: 0o755 },
      { name: 'LICENSE', data: Buffer.from('MPL-2.0\n') },
    ]);
    expect(zip.length).toBeLessThan(executable.length);
    expect(readZip(zip)).toEqual([
      { name: 'terraform-provider-x_v1.0.0', mode: 0o100755, data: executable },
      { name: 'LICENSE', mode: 0o100644, data: Buffer.from('MPL-2.0\n') },
    ]);
  });

  it('is reproducible: the same entries give the same bytes (so the same zh: hash)', () => {
    const entries = [{ name: 'a', data: Buffer.from('same'), mode: 0o755 }];
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it('writes an empty archive as a bare end record', () => {
    expect(readZip(writeZip([]))).toEqual([]);
  });
});
