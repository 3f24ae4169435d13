// A tiny runner for the real `kubectl` in this package's tests (testkit depends on us, so its
// runner cannot be used here). Each run gets its own HOME so discovery caches never leak between
// servers.

import { spawn, type ChildProcess } from 'node:child_process';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface KubectlEnv {
  kubeconfig: string;
  home: string;
}

export function runKubectl(env: KubectlEnv, args: string[], input?: string): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', args, {
      env: { PATH: process.env['PATH'] ?? '', HOME: env.home, KUBECONFIG: env.kubeconfig },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Starts a long-running kubectl (e.g. `get -w`) and collects its output until stopped. */
export function startKubectl(env: KubectlEnv, args: string[]): { child: ChildProcess; output: () => string; waitFor: (text: string, timeoutMs?: number) => Promise<void>; stop: () => Promise<void> } {
  const child = spawn('kubectl', args, { env: { PATH: process.env['PATH'] ?? '', HOME: env.home, KUBECONFIG: env.kubeconfig }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((r) => child.on('close', () => r()));
  return {
    child,
    output: () => out,
    waitFor: async (text, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (Date.now() > deadline) throw new Error(`kubectl ${args.join(' ')} never printed ${JSON.stringify(text)}; output:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
