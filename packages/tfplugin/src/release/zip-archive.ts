// A zip writer for release archives: Terraform installs providers from zips, and a release holds
// one small archive per platform. Writing the format (local headers, central directory, end
// record) takes less code than a dependency, and node:zlib supplies deflate and CRC-32.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  readonly name: string;
  readonly data: Buffer;
  /** Unix permission bits; 0o755 keeps an executable runnable once Terraform unpacks it. */
  readonly mode?: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const DEFLATE = 8;
const MADE_BY_UNIX = 3 << 8;
const VERSION_NEEDED = 20;
const REGULAR_FILE = 0o100000;
// 1980-01-01 00:00 in MS-DOS form: a fixed time keeps archives byte-for-byte reproducible.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

interface EntryFields {
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly nameLength: number;
}

/** The run of fields the local header and the central directory entry share, from `at`. */
function writeSharedFields(buffer: Buffer, at: number, fields: EntryFields): void {
  buffer.writeUInt16LE(0, at); // flags
  buffer.writeUInt16LE(DEFLATE, at + 2);
  buffer.writeUInt16LE(DOS_TIME, at + 4);
  buffer.writeUInt16LE(DOS_DATE, at + 6);
  buffer.writeUInt32LE(fields.crc, at + 8);
  buffer.writeUInt32LE(fields.compressedSize, at + 12);
  buffer.writeUInt32LE(fields.size, at + 16);
  buffer.writeUInt16LE(fields.nameLength, at + 20);
}

/** The archive's bytes. Entries are stored in the order given; every one is deflated. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (name.length > 0xffff || entry.data.length >= 0xffffffff)
      throw new Error(`zip entry "${entry.name}" is too large for a zip without the 64-bit extension`);
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const fields = { crc: crc32(entry.data), compressedSize: compressed.length, size: entry.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    writeSharedFields(local, 6, fields);
    local.writeUInt16LE(0, 28); // extra field length
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(MADE_BY_UNIX | VERSION_NEEDED, 4);
    header.writeUInt16LE(VERSION_NEEDED, 6);
    writeSharedFields(header, 8, fields);
    header.writeUInt16LE(0, 30); // extra field length
    header.writeUInt16LE(0, 32); // comment length
    header.writeUInt16LE(0, 34); // disk number
    header.writeUInt16LE(0, 36); // internal attributes
    header.writeUInt32LE(((REGULAR_FILE | (entry.mode ?? 0o644)) << 16) >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, compressed);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}
