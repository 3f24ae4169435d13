import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/generate-public.mjs', import.meta.url));

describe('src/generated/public', () => {
  it('is what `npm run generate` produces from openapi/hikube-public.yaml', async () => {
    const run = promisify(execFile)(process.execPath, [script, '--check']);
    await expect(run).resolves.toMatchObject({ stdout: expect.stringContaining('src/generated/public is up to date') });
  });
});
