import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packageHashV1, zipHash } from './provider-hashes.js';

const file = (name: string, text: string) => ({ name, data: Buffer.from(text) });

describe('packageHashV1', () => {
  it('hashes the sorted "<sha256>  <name>" lines, base64, as Terraform records h1', () => {
    const a = file('b-file', 'second');
    const b = file('a-file', 'first');
    const lines = [b, a].map((f) => `${createHash('sha256').update(f.data).digest('hex')}  ${f.name}\n`).join('');
    expect(packageHashV1([a, b])).toBe(`h1:${createHash('sha256').update(lines).digest('base64')}`);
  });

  it('does not depend on the order the files come in, and changes with any byte', () => {
    const files = [file('x', '1'), file('y', '2')];
    expect(packageHashV1(files)).toBe(packageHashV1([...files].reverse()));
    expect(packageHashV1([file('x', '1'), file('y', '3')])).not.toBe(packageHashV1(files));
  });

  it('refuses a file name with a newline, which would forge another line', () => {
    expect(() => packageHashV1([file('a\nb', '')])).toThrow(/newline/);
  });
});

describe('zipHash', () => {
  it('is zh: and the hex SHA-256 of the archive bytes', () => {
    expect(zipHash(Buffer.from('archive'))).toBe(`zh:${createHash('sha256').update('archive').digest('hex')}`);
  });
});
