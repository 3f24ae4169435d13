// Test support: runs the app the way `cdktn synth` does and reads what it wrote.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export const STACK_NAMES = ['production', 'development'] as const;
export type StackName = (typeof STACK_NAMES)[number];

type Resources = Record<string, Record<string, unknown>>;

export interface SynthesizedStack {
  terraform: { required_providers: Record<string, { source: string }>; backend: Record<string, unknown> };
  /** The quick start alone declares databases and users (public API resources). */
  resource: { hikube_postgres_cluster: Resources; hikube_postgres_database?: Resources; hikube_postgres_user?: Resources };
  output: Record<string, { value: string; sensitive?: boolean }>;
}

export interface Synthesized {
  /** The cdk.tf.json text of each stack, as written. */
  files: Record<StackName, string>;
  stacks: Record<StackName, SynthesizedStack>;
}

/**
 * Runs a built app (`dist/<entry>`; `main.js` is what cdktf.json names) with CDKTF_OUTDIR set, as
 * the CLI does, and returns the output directory. `cwd` is where the default local backend puts
 * its state files: give a temp dir.
 */
async function runApp(cwd: string, entry: string): Promise<string> {
  const outdir = join(cwd, 'cdktf.out');
  await run(process.execPath, [join(projectRoot, 'dist', entry)], { cwd, env: { ...process.env, CDKTF_OUTDIR: outdir } });
  return outdir;
}

async function readStack(outdir: string, name: string): Promise<{ file: string; stack: SynthesizedStack }> {
  const file = await readFile(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
  return { file, stack: JSON.parse(file) as SynthesizedStack };
}

/** The example app (`src/main.ts`): both stacks. */
export async function synthesizeApp(cwd: string): Promise<Synthesized> {
  const outdir = await runApp(cwd, 'main.js');
  const files = {} as Record<StackName, string>;
  const stacks = {} as Record<StackName, SynthesizedStack>;
  for (const name of STACK_NAMES) {
    ({ file: files[name], stack: stacks[name] } = await readStack(outdir, name));
  }
  return { files, stacks };
}

/** The README's quick start (`src/quick-start.ts`): its one stack, `production`. */
export async function synthesizeQuickStart(cwd: string): Promise<{ file: string; stack: SynthesizedStack }> {
  return readStack(await runApp(cwd, 'quick-start.js'), 'production');
}
