import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { availableExtensions, extensionsOfEveryMajor } from './available-extensions.js';
import type { PgBinaries } from './pg-binaries.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hikube-extensions-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** An installed major whose own pg_config names a share directory holding these files. */
function installed(major: number, files: string[]): PgBinaries {
  const bindir = join(root, String(major), 'bin');
  const share = join(root, String(major), 'share');
  mkdirSync(bindir, { recursive: true });
  mkdirSync(join(share, 'extension'), { recursive: true });
  for (const file of files) writeFileSync(join(share, 'extension', file), '');
  writeFileSync(join(bindir, 'pg_config'), `#!/bin/sh\n[ "$1" = --sharedir ] && echo '${share}'\n`);
  chmodSync(join(bindir, 'pg_config'), 0o755);
  return { major, bindir, path: (tool) => join(bindir, tool) };
}

describe('available extensions', () => {
  it('are the .control files of the share directory the binaries own pg_config names', async () => {
    const pg = installed(15, ['pgcrypto.control', 'pgcrypto--1.3.sql', 'hstore.control', 'uuid-ossp.control', 'README']);
    expect(await availableExtensions(pg)).toEqual(['hstore', 'pgcrypto', 'uuid-ossp']);
  });

  it('across majors, only those every major offers', async () => {
    const older = installed(15, ['pgcrypto.control', 'hstore.control', 'vector.control']);
    const newer = installed(17, ['pgcrypto.control', 'vector.control', 'pg_walinspect.control']);
    expect(await extensionsOfEveryMajor([older, newer])).toEqual(['pgcrypto', 'vector']);
    expect(await extensionsOfEveryMajor([])).toEqual([]);
  });
});
