import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvFile, readPublicApiEnv } from './hikube-env-file.js';

describe('hikube.env', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'env-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    { given: 'plain values', text: "export HIKUBE_API='https://127.0.0.1:6443'\n", want: { HIKUBE_API: 'https://127.0.0.1:6443' } },
    { given: 'an escaped quote', text: "export A='it'\\''s'\n", want: { A: "it's" } },
    { given: 'comments and other lines', text: "# 2 projects\nexport B=unquoted\n\nexport C='c'\n", want: { C: 'c' } },
  ])('parses $given', ({ text, want }) => {
    expect(parseEnvFile(text)).toEqual(want);
  });

  it('reads the four public API variables, or names the missing ones and the fix', async () => {
    const all =
      "export HIKUBE_API='https://127.0.0.1:1'\nexport HIKUBE_CA_CERT='/d/pki/ca.crt'\nexport " +
      "HIKUBE_PROJECT_ID='p'\nexport HIKUBE_API_KEY='sk_hk_k_s'\nexport PROJECT_ID='p'\n";
    await writeFile(join(dir, 'hikube.env'), all);
    expect(await readPublicApiEnv(dir)).toEqual({
      HIKUBE_API: 'https://127.0.0.1:1',
      HIKUBE_CA_CERT: '/d/pki/ca.crt',
      HIKUBE_PROJECT_ID: 'p',
      HIKUBE_API_KEY: 'sk_hk_k_s',
    });
    await writeFile(join(dir, 'hikube.env'), "export HIKUBE_API='https://127.0.0.1:1'\n");
    await expect(readPublicApiEnv(dir)).rejects.toThrow(/hikube.env has no HIKUBE_CA_CERT, HIKUBE_PROJECT_ID, HIKUBE_API_KEY: npm run down, then npm start/);
    await expect(readPublicApiEnv(join(dir, 'absent'))).rejects.toThrow(/hikube.env could not be read .*Hikube Local writes it at start/);
  });
});
