import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { CommandTimeoutError, TestkitInputError } from './errors.js';
import { ProcessTracker } from './process-tracker.js';

// A zombie (exited, not yet reaped by whoever adopted it) counts as gone.
async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    if (!(await isRunning(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let buffered = '';
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end));
    });
  });
}

describe('ProcessTracker.run', () => {
  it.each([
    { name: 'success with output', args: ['-c', 'echo out; echo err >&2'], want: { exitCode: 0, stdout: 'out\n', stderr: 'err\n' } },
    { name: 'failure exit code', args: ['-c', 'exit 3'], want: { exitCode: 3, stdout: '', stderr: '' } },
    { name: 'stdin input', args: ['-c', 'cat'], input: 'fed', want: { exitCode: 0, stdout: 'fed', stderr: '' } },
  ])('$name', async ({ args, input, want }) => {
    const result = await new ProcessTracker().run('/bin/sh', args, input === undefined ? {} : { input });
    expect(result).toMatchObject(want);
  });

  it('stops the whole process group on timeout and says so', async () => {
    const tracker = new ProcessTracker();
    const error = await tracker.run('/bin/sh', ['-c', 'echo started; sleep 30'], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect((error as CommandTimeoutError).message).toContain('started');
    expect(tracker.pids).toEqual([]);
  });

  it('reports a command that cannot start', async () => {
    await expect(new ProcessTracker().run('/nonexistent/binary', [])).rejects.toThrow(TestkitInputError);
  });
});

describe('ProcessTracker.stopAll', () => {
  it('stops what it started, grandchildren included, and nothing else', async () => {
    const tracker = new ProcessTracker();
    // A leader that ignores SIGTERM, with a grandchild in its group: needs the SIGKILL step.
    const tracked = tracker.spawn('/bin/sh', ['-c', "trap '' TERM; sleep 30 & echo $!; wait"]);
    const grandchild = Number(await firstLine(tracked.child.stdout ?? process.stdin));
    const stranger = spawn('/bin/sh', ['-c', 'sleep 30'], { detached: true, stdio: 'ignore' });
    try {
      expect(tracker.pids).toEqual([tracked.pid]);
      await tracker.stopAll(300);
      expect(await waitUntilGone(tracked.pid)).toBe(true);
      expect(await waitUntilGone(grandchild)).toBe(true);
      expect(tracker.pids).toEqual([]);
      expect(await isRunning(stranger.pid ?? 0)).toBe(true);
    } finally {
      // its own group (detached): the sleep the shell forked goes too
      if (stranger.pid !== undefined) process.kill(-stranger.pid, 'SIGKILL');
    }
  });

  it('does not signal a process that already exited', async () => {
    const tracker = new ProcessTracker();
    const tracked = tracker.spawn('/bin/sh', ['-c', 'exit 0']);
    await tracked.exited;
    await expect(tracked.stop(100)).resolves.toEqual({ exitCode: 0, signal: null });
  });
});
