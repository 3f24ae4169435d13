import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIacTool, findKubectl, IAC_TOOL_MISSING_MESSAGE, KUBECTL_MISSING_MESSAGE } from './find-iac-tool.js';

describe('findIacTool', () => {
  let root: string;
  const dir = (name: string): string => join(root, name);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'iac-'));
    for (const [name, tools] of [
      ['both', ['terraform', 'tofu']],
      ['tf', ['terraform']],
      ['tofu', ['tofu']],
      ['none', []],
      ['notexec', ['terraform']],
    ] as const) {
      await mkdir(dir(name));
      for (const tool of tools) {
        await writeFile(join(dir(name), tool), '#!/bin/sh\n');
        await chmod(join(dir(name), tool), name === 'notexec' ? 0o644 : 0o755);
      }
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const cases: { given: string; path: string[]; want: { name: string; in: string } }[] = [
    { given: 'terraform only', path: ['none', 'tf'], want: { name: 'terraform', in: 'tf' } },
    { given: 'tofu only', path: ['tofu'], want: { name: 'tofu', in: 'tofu' } },
    { given: 'both: terraform first', path: ['tofu', 'both'], want: { name: 'terraform', in: 'both' } },
    { given: 'a non-executable terraform: tofu', path: ['notexec', 'tofu'], want: { name: 'tofu', in: 'tofu' } },
  ];
  it.each(cases)('$given', async ({ path, want }) => {
    const tool = await findIacTool(path.map(dir).join(delimiter));
    expect(tool).toEqual({ name: want.name, path: join(dir(want.in), want.name) });
  });

  it('says how to get one when neither is on PATH', async () => {
    await expect(findIacTool([dir('none'), dir('notexec')].join(delimiter))).rejects.toMatchObject({
      code: 'HIKUBE_MAIN_JOB_NO_TERRAFORM',
      message: IAC_TOOL_MISSING_MESSAGE,
    });
    await expect(findIacTool(undefined)).rejects.toThrow(/neither `terraform` nor `tofu` was found[\s\S]*developer\.hashicorp\.com[\s\S]*opentofu\.org/);
  });
});

describe('findKubectl', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kubectl-'));
    await mkdir(join(root, 'bin'));
    await writeFile(join(root, 'bin', 'kubectl'), '#!/bin/sh\n', { mode: 0o755 });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds kubectl on PATH', async () => {
    expect(await findKubectl([join(root, 'none'), join(root, 'bin')].join(delimiter))).toBe(join(root, 'bin', 'kubectl'));
  });

  it('says what the failover demo needs it for when it is missing', async () => {
    await expect(findKubectl(join(root, 'none'))).rejects.toMatchObject({ code: 'HIKUBE_MAIN_JOB_NO_KUBECTL', message: KUBECTL_MISSING_MESSAGE });
  });
});
