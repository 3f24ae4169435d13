// The two hash forms Terraform records for a provider package (`.terraform.lock.hcl`, registry
// and mirror answers): `zh:` is the SHA-256 of the zip archive itself; `h1:` hashes the files
// inside it (each file's SHA-256 and name, sorted by name, hashed again), so the same
// executable gives the same h1 whether installed from a zip or an unpacked directory.
import { createHash } from 'node:crypto';

export interface HashedFile {
  readonly name: string;
  readonly data: Buffer;
}

const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** `zh:` + hex SHA-256 of the archive bytes. */
export function zipHash(archive: Buffer): string {
  return `zh:${sha256Hex(archive)}`;
}

/** `h1:` over the files of a package (the entries of its zip, or its unpacked directory). */
export function packageHashV1(files: readonly HashedFile[]): string {
  const names = files.map((file) => file.name);
  for (const name of names) if (name.includes('\n')) throw new Error(`a package file name cannot hold a newline: ${JSON.stringify(name)}`);
  const summary = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => `${sha256Hex(file.data)}  ${file.name}\n`)
    .join('');
  return `h1:${createHash('sha256').update(summary).digest('base64')}`;
}

/** The hex SHA-256 of a file's bytes, as a SHA256SUMS line carries it. */
export function sha256Of(data: Buffer): string {
  return sha256Hex(data);
}
