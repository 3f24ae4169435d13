// Invalid configurations for the end-to-end table: each a resource body, the attribute the error
// must point at, and what its message must say. `stage` tells when Terraform reports it:
// `validate` (argument combinations) or `plan` (API rules, from the SDK).

export interface InvalidCase {
  name: string;
  stage: 'validate' | 'plan';
  body: string;
  attribute: string;
  message: RegExp;
}

export const invalidCases: InvalidCase[] = [
  {
    name: 'quorum bound without quorum mode',
    stage: 'validate',
    body: 'max_sync_replicas = 1',
    attribute: 'max_sync_replicas',
    message: /needs sync_mode = "quorum"/,
  },
  {
    name: 'minimum with async',
    stage: 'validate',
    body: 'sync_mode = "async"\n  min_sync_replicas = 1',
    attribute: 'min_sync_replicas',
    message: /sync_mode is "async"/,
  },
  { name: 'quorum without size', stage: 'validate', body: 'sync_mode = "quorum"', attribute: 'sync_mode', message: /needs max_sync_replicas/ },
  {
    name: 'quorum of zero',
    stage: 'validate',
    body: 'sync_mode = "quorum"\n  max_sync_replicas = 0',
    attribute: 'max_sync_replicas',
    message: /use sync_mode = "async"/,
  },
  { name: 'unknown sync mode', stage: 'validate', body: 'sync_mode = "sync"', attribute: 'sync_mode', message: /must be one of "async", "quorum"/ },
  {
    name: 'zones and scheduling class',
    stage: 'validate',
    body: 'zones = ["gland"]\n  scheduling_class = "spread"',
    attribute: 'scheduling_class',
    message: /either zones/,
  },
  { name: 'empty zones', stage: 'validate', body: 'zones = []', attribute: 'zones', message: /at least one zone/ },
  {
    name: 'primary zone alone',
    stage: 'validate',
    body: 'primary_zone = "gland"',
    attribute: 'primary_zone',
    message: /no class can place the primary in a zone/,
  },
  {
    name: 'primary zone with zones',
    stage: 'validate',
    body: 'zones = ["lucerne", "geneva"]\n  primary_zone = "gland"',
    attribute: 'primary_zone',
    message: /Remove primary_zone/,
  },
  {
    name: 'preset and explicit resources',
    stage: 'validate',
    body: 'resources_preset = "small"\n  cpu = "1"\n  memory = "1Gi"',
    attribute: 'cpu',
    message: /either resources_preset or cpu and memory/,
  },
  { name: 'cpu without memory', stage: 'validate', body: 'cpu = "1"', attribute: 'cpu', message: /set memory too/ },
  {
    name: 'two passwords',
    stage: 'validate',
    body: 'users = { app = { password = "a", password_wo = "b", password_wo_version = 1 } }',
    attribute: 'users',
    message: /both password and password_wo/,
  },
  {
    name: 'write-only password without version',
    stage: 'validate',
    body: 'users = { app = { password_wo = "b" } }',
    attribute: 'users',
    message: /set password_wo_version = 1/,
  },
  {
    name: 'version without write-only password',
    stage: 'validate',
    body: 'users = { app = { password_wo_version = 1 } }',
    attribute: 'users',
    message: /without password_wo/,
  },
  { name: 'four-field schedule', stage: 'validate', body: 'backup = { enabled = true, schedule = "0 2 * *" }', attribute: 'backup', message: /5 fields/ },
  {
    name: 'restore into its own name',
    stage: 'validate',
    body: 'restore = { source_cluster = "NAME" }\n  backup = { destination_path = "s3://b/", s3_credentials_secret = "s3" }',
    attribute: 'restore',
    message: /different name/,
  },
  {
    name: 'restore without backup settings',
    stage: 'validate',
    body: 'restore = { source_cluster = "old" }',
    attribute: 'restore',
    message: /set the backup block/,
  },
  {
    name: 'unknown wait level',
    stage: 'validate',
    body: 'wait_for = "forever"',
    attribute: 'wait_for',
    message: /must be one of "released", "primary", "all_instances"/,
  },
  {
    name: 'quorum as large as replicas',
    stage: 'plan',
    body: 'replicas = 2\n  sync_mode = "quorum"\n  max_sync_replicas = 2',
    attribute: 'max_sync_replicas',
    message: /must be lower than spec.replicas/,
  },
  {
    name: 'quorum minimum above maximum',
    stage: 'plan',
    body: 'replicas = 5\n  sync_mode = "quorum"\n  min_sync_replicas = 3\n  max_sync_replicas = 2',
    attribute: 'min_sync_replicas',
    message: /must not exceed/,
  },
  {
    name: 'role of an undeclared user',
    stage: 'plan',
    body: 'users = { app = {} }\n  databases = { shop = { readonly = ["ghost"] } }',
    attribute: 'databases',
    message: /"ghost", which is not in spec.users/,
  },
  { name: 'reserved user', stage: 'plan', body: 'users = { postgres = {} }', attribute: 'users', message: /may not declare "postgres"/ },
  { name: 'user name with a space', stage: 'plan', body: 'users = { "bad user" = {} }', attribute: 'users', message: /bad user/ },
  {
    name: 'blocked parameter',
    stage: 'plan',
    body: 'parameters = { shared_preload_libraries = "evil" }',
    attribute: 'parameters',
    message: /blocked by the platform/,
  },
  {
    name: 'operator-managed parameter',
    stage: 'plan',
    body: 'parameters = { wal_level = "minimal" }',
    attribute: 'parameters',
    message: /managed by the operator/,
  },
  // issue 18 rows 3-7
  {
    name: 'the replication role as a user',
    stage: 'plan',
    body: 'users = { streaming_replica = {} }',
    attribute: 'users',
    message: /may not declare "streaming_replica"/,
  },
  {
    name: 'a newline in a parameter value',
    stage: 'plan',
    body: 'parameters = { application_name = "x\\nport = 1" }',
    attribute: 'parameters',
    message: /without control characters/,
  },
  { name: 'the template0 database', stage: 'plan', body: 'databases = { template0 = {} }', attribute: 'databases', message: /may not declare "template0"/ },
  { name: 'a user name PostgreSQL would cut', stage: 'plan', body: `users = { ${'u'.repeat(64)} = {} }`, attribute: 'users', message: /at most 63/ },
  {
    name: 'a parameter name with =',
    stage: 'plan',
    body: 'parameters = { "work_mem=1" = "1" }',
    attribute: 'parameters',
    message: /parameter name: letters, digits and `_`/,
  },
  {
    name: 'an extension name with a quote',
    stage: 'plan',
    body: 'databases = { shop = { extensions = ["x\\"y"] } }',
    attribute: 'databases',
    message: /extension name/,
  },
  { name: 'jit_provider', stage: 'plan', body: 'parameters = { jit_provider = "evil" }', attribute: 'parameters', message: /blocked by the platform/ },
  { name: 'hba_file', stage: 'plan', body: 'parameters = { hba_file = "/tmp/hba" }', attribute: 'parameters', message: /blocked by the platform/ },
  { name: 'data_directory', stage: 'plan', body: 'parameters = { data_directory = "/tmp" }', attribute: 'parameters', message: /blocked by the platform/ },
  { name: 'unknown preset', stage: 'plan', body: 'resources_preset = "huge"', attribute: 'resources_preset', message: /must be one of/ },
  { name: 'unsupported version', stage: 'plan', body: 'version = "v12"', attribute: 'version', message: /must be one of "v18"/ },
  { name: 'no instances', stage: 'plan', body: 'replicas = 0', attribute: 'replicas', message: /at least 1/ },
  { name: 'name too long', stage: 'plan', body: `name = "${'a'.repeat(45)}"`, attribute: 'name', message: /at most 44 are allowed/ },
  { name: 'name not a DNS-1035 label', stage: 'plan', body: 'name = "Orders_DB"', attribute: 'name', message: /not a DNS-1035 label/ },
  {
    name: 'storage size that is not a quantity',
    stage: 'plan',
    body: 'storage_size = "10 gigs"',
    attribute: 'storage_size',
    message: /storage|size|quantity|format/i,
  },
];

/** One resource per case, named c01, c02, ...; `NAME` in a body stands for that resource's name. */
export function invalidConfiguration(cases: readonly InvalidCase[]): { hcl: string; addresses: Map<string, InvalidCase> } {
  const addresses = new Map<string, InvalidCase>();
  const blocks = cases.map((entry, index) => {
    const id = `c${String(index + 1).padStart(2, '0')}`;
    addresses.set(`hikube_postgres_cluster.${id}`, entry);
    const body = entry.body.replaceAll('NAME', id);
    const name = /^\s*name\s*=/m.test(body) ? '' : `  name = "${id}"\n`;
    return `resource "hikube_postgres_cluster" "${id}" {\n${name}  ${body}\n}\n`;
  });
  return { hcl: blocks.join('\n'), addresses };
}

export interface ReportedError {
  address: string;
  text: string;
  flat: string;
}

/** Terraform's human-readable errors, each with the resource address it names. */
export function reportedErrors(stderr: string): ReportedError[] {
  return stderr
    .split(/^(?=(?:│ )?Error: )/m)
    .filter((block) => /^(?:│ )?Error: /.test(block))
    .map((block) => {
      const text = block.replace(/^│ ?/gm, '');
      // Terraform wraps messages at 80 columns: compare them with single spaces.
      return { address: /with (hikube_[a-z_]+\.c\d+)/.exec(block)?.[1] ?? '', text, flat: text.replace(/\s+/g, ' ') };
    });
}
