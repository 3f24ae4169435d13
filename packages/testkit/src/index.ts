export {
  CommandTimeoutError,
  ExecutableNotFoundError,
  GoldenMismatchError,
  KubectlCommandError,
  TerraformCommandError,
  TestkitError,
  TestkitInputError,
} from './errors.js';
export { findExecutable } from './find-executable.js';
export { freePort, freePorts } from './free-port.js';
export { expectGolden, updateGoldenRequested } from './golden.js';
export { Kubectl, maskSecretArgs } from './kubectl/kubectl-runner.js';
export type { ApplyManifestOptions, KubectlOptions, KubectlProcess, KubectlResult, KubectlRunOptions } from './kubectl/kubectl-runner.js';
export { ProcessTracker } from './process-tracker.js';
export type { ProcessExit, RunOptions, RunResult, SpawnOptions, TrackedProcess } from './process-tracker.js';
export { createTempDir, keepTempOnFailure } from './temp-dir.js';
export type { TempDir } from './temp-dir.js';
export { renderCliConfig } from './terraform/cli-config.js';
export type { CliConfigInput } from './terraform/cli-config.js';
export { createNodeLauncher } from './terraform/node-launcher.js';
export type { NodeLauncherOptions } from './terraform/node-launcher.js';
export { terraformPlatform } from './terraform/platform.js';
export { DEFAULT_PROVIDER_HOST, formatProviderSource, parseProviderSource } from './terraform/provider-address.js';
export type { ProviderAddress } from './terraform/provider-address.js';
export { AddressNotFoundError, findResourceChange, findStateResource, isUnknownAfter, listStateResources } from './terraform/terraform-json.js';
export type {
  Change,
  ChangeAction,
  Diagnostic,
  OutputValue,
  Outputs,
  ResourceChange,
  StateModule,
  StateResource,
  StateValues,
  TerraformPlan,
  TerraformState,
  ValidateOutput,
} from './terraform/terraform-json.js';
export { TerraformWorkspace } from './terraform/terraform-workspace.js';
export type {
  ApplyOptions,
  CommandOptions,
  PlanOptions,
  PlanResult,
  ProviderInstallMethod,
  TerraformLogLevel,
  TerraformProvider,
  TerraformResult,
  TerraformWorkspaceOptions,
} from './terraform/terraform-workspace-types.js';
