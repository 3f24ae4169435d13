import type { ProcessTracker, RunResult } from '../process-tracker.js';
import type { TerraformPlan } from './terraform-json.js';

// What a Terraform workspace is created with, what each command takes and what it returns.

export type ProviderInstallMethod = 'dev-overrides' | 'filesystem-mirror';

export interface TerraformProvider {
  /** Source address as written in `required_providers`, e.g. `hikube/hikube`. */
  source: string;
  /** Absolute path of an executable file (a launcher script running `node bundle.js` is fine). */
  executable: string;
  /** How Terraform finds it. With only dev overrides, skip `init` (Terraform refuses it). */
  install: ProviderInstallMethod;
  /** Version served by the mirror (required for `filesystem-mirror`). */
  version?: string;
}

export type TerraformLogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'OFF';

export interface TerraformWorkspaceOptions {
  /** Files written into the working directory (name -> contents), e.g. `{ 'main.tf': '...' }`. */
  files?: Readonly<Record<string, string>>;
  providers?: readonly TerraformProvider[];
  /** Extra environment for every command (wins over the kit's own settings). */
  env?: Readonly<Record<string, string>>;
  /** TF_LOG for every command, written to one file per command. Default HIKUBE_TF_LOG or DEBUG. */
  logLevel?: TerraformLogLevel;
  /** TF_LOG_PROVIDER, when the provider's own log level should differ. */
  providerLogLevel?: TerraformLogLevel;
  /** Per-command timeout; the command's process group is stopped when it expires. Default 120 s. */
  timeoutMs?: number;
  /** Terraform executable; default `terraform` on PATH. */
  terraform?: string;
  /** Keep the `direct` installation method for providers that are not ours. Default true. */
  direct?: boolean;
  /** Tracker the commands run under; default one of the workspace's own. */
  tracker?: ProcessTracker;
}

export interface CommandOptions {
  /** Throw TerraformCommandError when the command fails. Default true. */
  check?: boolean;
  /** Input variables, passed as TF_VAR_<name> so values never appear in argv or errors. */
  vars?: Readonly<Record<string, string>>;
  /** Extra arguments placed after the kit's own flags. */
  args?: readonly string[];
  env?: Readonly<Record<string, string>>;
  timeoutMs?: number;
}

export interface TerraformResult extends RunResult {
  /** The command line as run (variables are in the environment, not here). */
  command: string;
  ok: boolean;
  /** The TF_LOG file of this command, when logging is on. */
  logFile: string | undefined;
}

export interface PlanOptions extends CommandOptions {
  /** Save the plan (`-out`) and parse it with `show -json`; a string names the plan file. */
  out?: boolean | string;
  refreshOnly?: boolean;
  destroy?: boolean;
  /** `-generate-config-out=<file>` for `import` blocks without configuration; the file must not exist. */
  generateConfigOut?: string;
}

export interface PlanResult extends TerraformResult {
  /** From `-detailed-exitcode`: whether the plan has changes (false when the plan failed). */
  changes: boolean;
  /** Parsed `show -json` of the saved plan, when `out` was set and planning succeeded. */
  plan: TerraformPlan | undefined;
  planFile: string | undefined;
  /** Contents of the `generateConfigOut` file, when Terraform wrote one. */
  generatedConfig: string | undefined;
}

export interface ApplyOptions extends CommandOptions {
  /** Apply a saved plan (from `plan({ out })`) instead of planning again. */
  planFile?: string;
  refreshOnly?: boolean;
}
