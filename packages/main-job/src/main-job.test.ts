import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMainJob } from './main-job.js';

describe('runMainJob with a tool missing', () => {
  let withTerraformOnly: string;
  beforeAll(async () => {
    withTerraformOnly = await mkdtemp(join(tmpdir(), 'mj-path-'));
    await writeFile(join(withTerraformOnly, 'terraform'), '#!/bin/sh\n', { mode: 0o755 });
  });
  afterAll(async () => {
    await rm(withTerraformOnly, { recursive: true, force: true });
  });

  it.each([
    {
      given: 'start without terraform or tofu',
      command: 'start',
      path: '/nonexistent',
      want: { code: 'HIKUBE_MAIN_JOB_NO_TERRAFORM', message: /neither `terraform` nor `tofu` was found/ },
    },
    {
      given: 'failover without terraform or tofu',
      command: 'failover',
      path: '/nonexistent',
      want: { code: 'HIKUBE_MAIN_JOB_NO_TERRAFORM', message: /neither `terraform` nor `tofu` was found/ },
    },
    {
      given: 'failover without kubectl',
      command: 'failover',
      path: 'terraform-only',
      want: { code: 'HIKUBE_MAIN_JOB_NO_KUBECTL', message: /deletes the primary's pod with kubectl/ },
    },
  ] as const)('$given: says how to get it and starts nothing', async ({ command, path, want }) => {
    const dataDir = join(tmpdir(), `mj-none-${process.pid}`);
    let printed = '';
    const out = { write: (text: string) => void (printed += text), isTTY: false };
    const pathEnv = path === 'terraform-only' ? withTerraformOnly : path;
    await expect(runMainJob({ command, workspace: 'public-api', dataDir }, { out, path: pathEnv })).rejects.toMatchObject({
      code: want.code,
      message: expect.stringMatching(want.message),
    });
    expect(existsSync(dataDir)).toBe(false);
    expect(printed).toBe('');
  });
});
