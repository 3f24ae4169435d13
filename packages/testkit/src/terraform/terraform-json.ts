import { TestkitError } from '../errors.js';

// The machine-readable documents `terraform show -json`, `output -json` and `validate -json`
// print. Only the fields tests assert on are typed; the rest stays reachable as unknown.

export type ChangeAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

export interface Change {
  actions: ChangeAction[];
  before: unknown;
  after: unknown;
  /** Mirrors `after`: `true` where a value is unknown until apply. */
  after_unknown: unknown;
  before_sensitive: unknown;
  after_sensitive: unknown;
  replace_paths?: unknown[][];
  importing?: { id?: string; identity?: unknown };
  generated_config?: string;
}

export interface ResourceChange {
  address: string;
  previous_address?: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  provider_name: string;
  change: Change;
  action_reason?: string;
}

export interface StateResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  provider_name: string;
  schema_version: number;
  values: Record<string, unknown>;
  sensitive_values?: unknown;
  depends_on?: string[];
}

export interface StateModule {
  address?: string;
  resources?: StateResource[];
  child_modules?: StateModule[];
}

export interface OutputValue {
  sensitive: boolean;
  value?: unknown;
  type?: unknown;
}

export interface StateValues {
  outputs?: Record<string, OutputValue>;
  root_module: StateModule;
}

export interface TerraformState {
  format_version: string;
  terraform_version?: string;
  /** Absent when the state is empty. */
  values?: StateValues;
}

export interface TerraformPlan {
  format_version: string;
  terraform_version: string;
  planned_values?: StateValues;
  resource_drift?: ResourceChange[];
  resource_changes?: ResourceChange[];
  output_changes?: Record<string, Change>;
  prior_state?: TerraformState;
  configuration?: unknown;
  errored: boolean;
  applyable?: boolean;
  complete?: boolean;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface ValidateOutput {
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: Diagnostic[];
}

export type Outputs = Record<string, OutputValue>;

/** A resource address the test expected is not in the document. */
export class AddressNotFoundError extends TestkitError {
  readonly address: string;

  constructor(what: string, address: string, known: readonly string[]) {
    super('HIKUBE_TESTKIT_ADDRESS_NOT_FOUND', `${what} has no ${address}; it has: ${known.length > 0 ? known.join(', ') : 'nothing'}`);
    this.address = address;
  }
}

/** The planned change of one resource, by address (`hikube_postgres_cluster.main`). */
export function findResourceChange(plan: TerraformPlan, address: string): ResourceChange {
  const changes = plan.resource_changes ?? [];
  const found = changes.find((change) => change.address === address);
  if (found === undefined)
    throw new AddressNotFoundError(
      'the plan',
      address,
      changes.map((change) => change.address),
    );
  return found;
}

function moduleResources(module: StateModule | undefined): StateResource[] {
  if (module === undefined) return [];
  return [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(moduleResources)];
}

/** Every resource in a state (or in a plan's `planned_values`), child modules included. */
export function listStateResources(values: StateValues | undefined): StateResource[] {
  return moduleResources(values?.root_module);
}

/** One resource of a state (or planned values), by address. */
export function findStateResource(values: StateValues | undefined, address: string): StateResource {
  const resources = listStateResources(values);
  const found = resources.find((resource) => resource.address === address);
  if (found === undefined)
    throw new AddressNotFoundError(
      'the state',
      address,
      resources.map((resource) => resource.address),
    );
  return found;
}

/**
 * Whether the value at `path` (attribute names and indexes) is unknown in the planned `after`
 * value: Terraform marks unknowns with `true` in the parallel `after_unknown` tree.
 */
export function isUnknownAfter(change: Change, path: ReadonlyArray<string | number>): boolean {
  let node: unknown = change.after_unknown;
  for (const step of path) {
    if (node === true) return true;
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node === true;
}
