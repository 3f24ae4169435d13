import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, relative, isAbsolute } from 'node:path';

import { TerraformCommandError, TestkitError, TestkitInputError } from '../errors.js';
import { findExecutable } from '../find-executable.js';
import { ProcessTracker } from '../process-tracker.js';
import { createTempDir, type TempDir } from '../temp-dir.js';
import { renderCliConfig } from './cli-config.js';
import { terraformPlatform } from './platform.js';
import { formatProviderSource, parseProviderSource } from './provider-address.js';
import { assertExecutableFile, assertVersion, installDevOverride, installIntoMirror } from './provider-layout.js';
import type { Outputs, TerraformPlan, TerraformState, ValidateOutput } from './terraform-json.js';
import type {
  ApplyOptions,
  CommandOptions,
  PlanOptions,
  PlanResult,
  TerraformLogLevel,
  TerraformResult,
  TerraformWorkspaceOptions,
} from './terraform-workspace-types.js';

const TERRAFORM_HINT = 'The terraform runner needs the real Terraform CLI (1.11): install it on PATH or pass `terraform` with its absolute path.';
const TERRAFORM_LOG_LEVELS: readonly string[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'OFF'];
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function baseEnvironment(): NodeJS.ProcessEnv {
  // Inherited TF_* variables (a developer's TF_CLI_CONFIG_FILE, TF_LOG, TF_DATA_DIR...) would
  // change what the test runs; start without them.
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TF_') && key !== 'CHECKPOINT_DISABLE') env[key] = value;
  }
  return env;
}

function resolveLogLevel(option: TerraformLogLevel | undefined): TerraformLogLevel {
  const level = option ?? process.env['HIKUBE_TF_LOG'] ?? 'DEBUG';
  if (!TERRAFORM_LOG_LEVELS.includes(level)) {
    throw new TestkitInputError('logLevel', `"${level}" is not one of ${TERRAFORM_LOG_LEVELS.join(', ')} (check HIKUBE_TF_LOG)`);
  }
  return level as TerraformLogLevel;
}

function parseJson<T>(what: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new TestkitError('HIKUBE_TESTKIT_BAD_JSON', `${what} did not print JSON: ${text.slice(0, 500)}`, { cause: error });
  }
}

/**
 * A throwaway Terraform working directory wired to our providers through its own CLI
 * configuration, running the real `terraform` binary. Create with `TerraformWorkspace.create`,
 * end with `dispose()`.
 */
export class TerraformWorkspace {
  /** The working directory Terraform runs in. */
  readonly dir: string;
  readonly cliConfigFile: string;
  readonly mirrorDir: string;
  readonly devOverridesDir: string;
  readonly logDir: string;
  readonly terraform: string;

  readonly #temp: TempDir;
  readonly #tracker: ProcessTracker;
  readonly #ownsTracker: boolean;
  readonly #env: NodeJS.ProcessEnv;
  readonly #logLevel: TerraformLogLevel;
  readonly #timeoutMs: number;
  #sequence = 0;

  private constructor(temp: TempDir, terraform: string, options: TerraformWorkspaceOptions, logLevel: TerraformLogLevel) {
    this.#temp = temp;
    this.dir = join(temp.path, 'work');
    this.cliConfigFile = join(temp.path, 'terraform.tfrc');
    this.mirrorDir = join(temp.path, 'plugins', 'mirror');
    this.devOverridesDir = join(temp.path, 'plugins', 'dev-overrides');
    this.logDir = join(temp.path, 'logs');
    this.terraform = terraform;
    this.#tracker = options.tracker ?? new ProcessTracker();
    this.#ownsTracker = options.tracker === undefined;
    this.#logLevel = logLevel;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#env = {
      ...baseEnvironment(),
      TF_CLI_CONFIG_FILE: this.cliConfigFile,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      ...(options.providerLogLevel === undefined ? {} : { TF_LOG_PROVIDER: options.providerLogLevel }),
      ...options.env,
    };
  }

  /** Validates every option, then lays out the directory, the providers and the CLI configuration. */
  static async create(options: TerraformWorkspaceOptions = {}): Promise<TerraformWorkspace> {
    const terraform = findExecutable(options.terraform ?? 'terraform', TERRAFORM_HINT);
    const logLevel = resolveLogLevel(options.logLevel);
    if (options.providerLogLevel !== undefined) resolveLogLevel(options.providerLogLevel);
    if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
      throw new TestkitInputError('timeoutMs', `must be a positive number of milliseconds, got ${options.timeoutMs}`);
    }
    const providers = options.providers ?? [];
    const seen = new Set<string>();
    const resolved = [];
    for (const [index, provider] of providers.entries()) {
      const field = `providers[${index}]`;
      const address = parseProviderSource(`${field}.source`, provider.source);
      const source = formatProviderSource(address);
      if (seen.has(source)) throw new TestkitInputError(`${field}.source`, `${source} is listed twice; list each provider once`);
      seen.add(source);
      if (provider.install !== 'dev-overrides' && provider.install !== 'filesystem-mirror') {
        throw new TestkitInputError(`${field}.install`, `must be "dev-overrides" or "filesystem-mirror", got "${String(provider.install)}"`);
      }
      if (provider.install === 'filesystem-mirror') {
        if (provider.version === undefined) {
          throw new TestkitInputError(`${field}.version`, 'is required for "filesystem-mirror" (the mirror serves one version; pin it in required_providers)');
        }
        assertVersion(`${field}.version`, provider.version);
      }
      await assertExecutableFile(`${field}.executable`, provider.executable);
      resolved.push({ ...provider, address, source });
    }
    for (const name of Object.keys(options.files ?? {})) checkRelativeName('files', name);
    for (const name of Object.keys(options.env ?? {})) {
      if (name.length === 0 || name.includes('=')) throw new TestkitInputError('env', `"${name}" is not an environment variable name`);
    }

    const temp = await createTempDir('terraform');
    const workspace = new TerraformWorkspace(temp, terraform, options, logLevel);
    try {
      await mkdir(workspace.dir, { recursive: true });
      await mkdir(workspace.logDir, { recursive: true });
      const devOverrides = new Map<string, string>();
      const mirrored: string[] = [];
      const platform = terraformPlatform();
      for (const provider of resolved) {
        if (provider.install === 'dev-overrides') {
          devOverrides.set(provider.source, await installDevOverride(workspace.devOverridesDir, provider.address, provider.executable));
        } else {
          // Checked above; repeated so the type narrows without a non-null assertion.
          const version = provider.version ?? '';
          await installIntoMirror(workspace.mirrorDir, provider.address, version, platform, provider.executable);
          mirrored.push(provider.source);
        }
      }
      const cliConfig = renderCliConfig({
        devOverrides,
        ...(mirrored.length > 0 ? { filesystemMirror: { path: workspace.mirrorDir, include: mirrored } } : {}),
        direct: options.direct ?? true,
      });
      await writeFile(workspace.cliConfigFile, cliConfig);
      await workspace.writeFiles(options.files ?? {});
    } catch (error) {
      await temp.remove();
      throw error;
    }
    return workspace;
  }

  /** Writes (or overwrites) files in the working directory. */
  async writeFiles(files: Readonly<Record<string, string>>): Promise<void> {
    for (const [name, contents] of Object.entries(files)) {
      const path = this.#path('files', name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, contents);
    }
  }

  async removeFile(name: string): Promise<void> {
    await rm(this.#path('name', name), { force: true });
  }

  /** A file of the working directory, or undefined when it does not exist. */
  async readFile(name: string): Promise<string | undefined> {
    try {
      return await readFile(this.#path('name', name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The CLI configuration written for this workspace. */
  cliConfig(): Promise<string> {
    return readFile(this.cliConfigFile, 'utf8');
  }

  /** `.terraform.lock.hcl`, once `init` has written it. */
  lockFile(): Promise<string | undefined> {
    return this.readFile('.terraform.lock.hcl');
  }

  /** The raw local state file (e.g. to check that a secret never reached it). */
  stateFile(): Promise<string | undefined> {
    return this.readFile('terraform.tfstate');
  }

  /** Runs `terraform <args>` as given (plus the workspace's environment). */
  async run(args: readonly string[], options: CommandOptions = {}): Promise<TerraformResult> {
    const env: NodeJS.ProcessEnv = { ...this.#env };
    for (const [name, value] of Object.entries(options.vars ?? {})) {
      if (!VAR_NAME.test(name)) throw new TestkitInputError('vars', `"${name}" is not a valid Terraform variable name`);
      env[`TF_VAR_${name}`] = value;
    }
    Object.assign(env, options.env);
    const fullArgs = [...args, ...(options.args ?? [])];
    const subcommand = fullArgs.find((arg) => !arg.startsWith('-')) ?? 'terraform';
    let logFile: string | undefined;
    if (this.#logLevel !== 'OFF' && env['TF_LOG'] === undefined) {
      this.#sequence += 1;
      logFile = join(this.logDir, `${String(this.#sequence).padStart(3, '0')}-${subcommand}.log`);
      env['TF_LOG'] = this.#logLevel;
      env['TF_LOG_PATH'] = logFile;
    }
    const command = ['terraform', ...fullArgs].join(' ');
    const result = await this.#tracker.run(this.terraform, fullArgs, {
      cwd: this.dir,
      env,
      timeoutMs: options.timeoutMs ?? this.#timeoutMs,
      displayCommand: command,
    });
    return { ...result, command, ok: result.exitCode === 0, logFile };
  }

  async init(options: CommandOptions = {}): Promise<TerraformResult> {
    return this.#checked(await this.run(['init', '-input=false', '-no-color'], options), options);
  }

  /** `validate -json`, parsed; `check` (default true) throws when the configuration is invalid. */
  async validate(options: CommandOptions = {}): Promise<TerraformResult & { validation: ValidateOutput }> {
    const result = this.#checked(await this.run(['validate', '-json', '-no-color'], options), options);
    return { ...result, validation: parseJson<ValidateOutput>('terraform validate -json', result.stdout) };
  }

  /**
   * `plan -detailed-exitcode`: `changes` says whether anything would change. With `out`, the plan
   * is saved and parsed with `show -json` so tests can assert planned values and unknowns.
   */
  async plan(options: PlanOptions = {}): Promise<PlanResult> {
    const args = ['plan', '-input=false', '-no-color', '-detailed-exitcode'];
    let planFile: string | undefined;
    if (options.out !== undefined && options.out !== false) {
      planFile = this.#path('out', options.out === true ? 'tfplan' : options.out);
      args.push(`-out=${planFile}`);
    }
    if (options.refreshOnly === true) args.push('-refresh-only');
    if (options.destroy === true) args.push('-destroy');
    let generatedFile: string | undefined;
    if (options.generateConfigOut !== undefined) {
      generatedFile = this.#path('generateConfigOut', options.generateConfigOut);
      args.push(`-generate-config-out=${generatedFile}`);
    }
    const raw = await this.run(args, options);
    const changes = raw.exitCode === 2;
    const result = { ...raw, ok: raw.exitCode === 0 || changes };
    const generatedConfig = generatedFile === undefined ? undefined : await this.readFile(relative(this.dir, generatedFile));
    this.#checked(result, options);
    const plan = result.ok && planFile !== undefined ? await this.showPlan(planFile) : undefined;
    return { ...result, changes, plan, planFile: result.ok ? planFile : undefined, generatedConfig };
  }

  /** `show -json <plan file>`, parsed. */
  async showPlan(planFile: string): Promise<TerraformPlan> {
    const shown = this.#checked(await this.run(['show', '-json', '-no-color', this.#path('planFile', planFile)]), {});
    return parseJson<TerraformPlan>('terraform show -json <plan>', shown.stdout);
  }

  /** `apply -auto-approve`, or of a saved plan file. */
  async apply(options: ApplyOptions = {}): Promise<TerraformResult> {
    const args = ['apply', '-input=false', '-no-color', '-auto-approve'];
    if (options.refreshOnly === true) args.push('-refresh-only');
    if (options.planFile !== undefined) {
      if (options.vars !== undefined) throw new TestkitInputError('vars', 'cannot be set when applying a saved plan; pass them to plan()');
      args.push(this.#path('planFile', options.planFile));
    }
    return this.#checked(await this.run(args, options), options);
  }

  /** Updates the state from the real objects (`apply -refresh-only -auto-approve`). */
  refresh(options: CommandOptions = {}): Promise<TerraformResult> {
    return this.apply({ ...options, refreshOnly: true });
  }

  async destroy(options: CommandOptions = {}): Promise<TerraformResult> {
    return this.#checked(await this.run(['destroy', '-input=false', '-no-color', '-auto-approve'], options), options);
  }

  /**
   * Writes `import` blocks (into `imports.tf`, replacing an earlier one) for the given addresses
   * and IDs; run `plan` (optionally with `generateConfigOut`) and `apply` afterwards.
   */
  async writeImports(imports: ReadonlyArray<{ to: string; id: string }>, file = 'imports.tf'): Promise<void> {
    const blocks = imports.map(({ to, id }, index) => {
      if (!/^[A-Za-z0-9_.[\]"-]+$/.test(to)) throw new TestkitInputError(`imports[${index}].to`, `"${to}" is not a resource address`);
      return `import {\n  to = ${to}\n  id = ${JSON.stringify(id)}\n}\n`;
    });
    await this.writeFiles({ [file]: blocks.join('\n') });
  }

  /** `output -json`, parsed (sensitive values included, as Terraform prints them there). */
  async output(options: CommandOptions = {}): Promise<Outputs> {
    const result = this.#checked(await this.run(['output', '-json', '-no-color'], options), options);
    return parseJson<Outputs>('terraform output -json', result.stdout);
  }

  /** `show -json` of the current state. */
  async state(options: CommandOptions = {}): Promise<TerraformState> {
    const result = this.#checked(await this.run(['show', '-json', '-no-color'], options), options);
    return parseJson<TerraformState>('terraform show -json', result.stdout);
  }

  /** `providers`: the provider requirements as Terraform resolved them. */
  async providers(options: CommandOptions = {}): Promise<TerraformResult> {
    return this.#checked(await this.run(['providers', '-no-color'], options), options);
  }

  /** Stops anything still running and deletes the directory (kept on failure with HIKUBE_KEEP_TMP=1). */
  async dispose(options: { failed?: boolean } = {}): Promise<{ kept: boolean }> {
    if (this.#ownsTracker) await this.#tracker.stopAll(2_000);
    return this.#temp.remove(options);
  }

  #checked<T extends TerraformResult>(result: T, options: CommandOptions): T {
    if (!result.ok && options.check !== false) {
      throw new TerraformCommandError({
        command: result.command,
        exitCode: result.exitCode,
        stdout: result.stdout,
        stderr: result.stderr,
        logFile: result.logFile,
      });
    }
    return result;
  }

  #path(field: string, name: string): string {
    if (isAbsolute(name)) {
      if (normalize(name).startsWith(`${this.#temp.path}/`)) return name;
      throw new TestkitInputError(field, `"${name}" is outside the workspace; use a name relative to its directory`);
    }
    checkRelativeName(field, name);
    return join(this.dir, name);
  }
}

function checkRelativeName(field: string, name: string): void {
  const normalized = normalize(name);
  if (name.length === 0 || isAbsolute(name) || normalized === '..' || normalized.startsWith('../')) {
    throw new TestkitInputError(field, `"${name}" must be a file name relative to the working directory`);
  }
}
