// The Terraform working directory of the main job: a copy of the example's .tf files, a CLI
// configuration with dev_overrides for the provider built from this repository, and the state.
// It lives in Hikube Local's data dir, next to the clusters its state describes, and like the rest
// of it is owner-only: the state holds the clusters' passwords.
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IacTool } from './find-iac-tool.js';
import { MainJobError } from './main-job-errors.js';

const execFileAsync = promisify(execFile);

const PROVIDER_SOURCE = 'hikube/hikube';

/** The CLI configuration (TF_CLI_CONFIG_FILE) a user writes by hand, as in examples/terraform/README.md. */
export function renderDevOverrides(providerDir: string): string {
  if (/["\\$%\n]/.test(providerDir)) {
    throw new MainJobError(
      'HIKUBE_MAIN_JOB_PATH',
      `${providerDir}: the provider directory contains $, %, a quote, a backslash or a newline; clone the repository to a plain path`,
    );
  }
  return [
    '# CLI configuration (TF_CLI_CONFIG_FILE): Terraform/OpenTofu take hikube/hikube from this directory.',
    'provider_installation {',
    '  dev_overrides {',
    `    "${PROVIDER_SOURCE}" = "${providerDir}"`,
    '  }',
    '  direct {}',
    '}',
    '',
  ].join('\n');
}

export interface TerraformRun {
  exitCode: number;
  output: string;
  logFile: string;
}

export interface TerraformWorkdir {
  dir: string;
  /** The CLI configuration file (dev_overrides) the runs use. */
  cliConfig: string;
  run(args: readonly string[], logName: string): Promise<TerraformRun>;
  /** `output -raw <name>`, never logged: sensitive outputs (passwords) go to the caller only. */
  outputRaw(name: string): Promise<string>;
}

/** `Apply complete! Resources: 2 added, 0 changed, 0 destroyed.` -> counts; undefined when absent. */
export function parseApplySummary(output: string): { added: number; changed: number; destroyed: number } | undefined {
  const match = /Apply complete! Resources: (\d+) added, (\d+) changed, (\d+) destroyed/.exec(output);
  if (!match) return undefined;
  return { added: Number(match[1]), changed: Number(match[2]), destroyed: Number(match[3]) };
}

/** The process environment without the HIKUBE_* settings of the user's own Hikube: the runs target Hikube Local only. */
function withoutHikubeSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('HIKUBE_') || name === 'HIKUBE_LOCAL_DATA_DIR'));
}

export interface WorkdirOptions {
  dataDir: string;
  /** The workspace's name: its directory under `<dataDir>/terraform/`. */
  workspace: string;
  exampleDir: string;
  providerDir: string;
  /** What the provider reads for this workspace: HIKUBE_* for the public API, KUBECONFIG for Cozystack. */
  env: Readonly<Record<string, string>>;
  tool: IacTool;
}

export async function prepareWorkdir(options: WorkdirOptions): Promise<TerraformWorkdir> {
  const dir = join(options.dataDir, 'terraform', options.workspace);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  await chmod(join(options.dataDir, 'terraform'), 0o700);
  // The example is the source of truth: replace the copies every run, keep state and logs.
  const cliConfig = join(dir, 'dev-overrides.tfrc');
  for (const name of await readdir(dir)) if (name.endsWith('.tf') || join(dir, name) === cliConfig) await rm(join(dir, name));
  for (const name of await readdir(options.exampleDir)) {
    if (name.endsWith('.tf')) await writeFile(join(dir, name), await readFile(join(options.exampleDir, name)), { mode: 0o600 });
  }
  await writeFile(cliConfig, renderDevOverrides(options.providerDir), { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {
    ...withoutHikubeSettings(process.env),
    ...options.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
  return {
    dir,
    cliConfig,
    async outputRaw(name) {
      try {
        const { stdout } = await execFileAsync(options.tool.path, ['output', '-no-color', '-raw', name], { cwd: dir, env, timeout: 60_000 });
        return stdout;
      } catch (err) {
        throw new MainJobError(
          'HIKUBE_MAIN_JOB_TERRAFORM',
          `${options.tool.name} output -raw ${name} failed in ${dir}: ${(err as { stderr?: string }).stderr?.trim() ?? String(err)}`,
          { cause: err },
        );
      }
    },
    run(args, logName) {
      const logFile = join(dir, `${logName}.log`);
      return new Promise((resolve, reject) => {
        rmSync(logFile, { force: true }); // a fresh log each run, created owner-only
        const log = createWriteStream(logFile, { mode: 0o600 });
        const chunks: Buffer[] = [];
        // Terraform creates the state files with the process umask: owner-only, it holds the passwords.
        const child = spawn('/bin/sh', ['-c', 'umask 077 && exec "$0" "$@"', options.tool.path, ...args, '-no-color'], {
          cwd: dir,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        for (const stream of [child.stdout, child.stderr]) {
          stream.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            log.write(chunk);
          });
        }
        child.on('error', (err) => {
          log.end();
          reject(new MainJobError('HIKUBE_MAIN_JOB_TERRAFORM', `${options.tool.name} could not be started: ${err.message}`, { cause: err }));
        });
        child.on('close', (code, signal) => {
          log.end(() => resolve({ exitCode: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8'), logFile }));
        });
      });
    },
  };
}
