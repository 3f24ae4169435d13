import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMainJob } from './main-job.js';

describe('runMainJob without terraform or tofu', () => {
  it.each(['start', 'failover'] as const)('%s says how to get one and starts nothing', async (command) => {
    const dataDir = join(tmpdir(), `mj-none-${process.pid}`);
    let printed = '';
    const out = { write: (text: string) => void (printed += text), isTTY: false };
    await expect(runMainJob({ command, workspace: 'public-api', dataDir }, { out, path: '/nonexistent' })).rejects.toMatchObject({
      code: 'HIKUBE_MAIN_JOB_NO_TERRAFORM',
      message: expect.stringMatching(/neither `terraform` nor `tofu` was found/),
    });
    expect(existsSync(dataDir)).toBe(false);
    expect(printed).toBe('');
  });
});
