// Invalid configurations on Hikube's public API, for the end-to-end table: each a resource of one
// type, the attribute the error must point at, and what its message must say. Each case is a whole
// resource block (the public API's rules span the cluster, database and user resources).

export interface PublicInvalidCase {
  name: string;
  type: 'hikube_postgres_cluster' | 'hikube_postgres_database' | 'hikube_postgres_user';
  body: string;
  attribute: string;
  message: RegExp;
  /** The attribute is missing from the configuration: Terraform shows the block, the message names it. */
  absent?: true;
}

/** A valid cluster body; each cluster case changes or adds one thing. */
const cluster = (change: string) => `version = "v17"\n  storage_size = "10Gi"\n  replicas = 3\n  ${change}`;

export const publicInvalidCases: PublicInvalidCase[] = [
  {
    name: 'zones',
    type: 'hikube_postgres_cluster',
    body: cluster('zones = ["gland"]'),
    attribute: 'zones',
    message: /zones is an attribute of the Cozystack Kubernetes API/,
  },
  {
    name: 'a scheduling class',
    type: 'hikube_postgres_cluster',
    body: cluster('scheduling_class = "spread"'),
    attribute: 'scheduling_class',
    message: /public API has no such field/,
  },
  {
    name: 'a storage class',
    type: 'hikube_postgres_cluster',
    body: cluster('storage_class = "local"'),
    attribute: 'storage_class',
    message: /public API has no such field/,
  },
  { name: 'cpu and memory', type: 'hikube_postgres_cluster', body: cluster('cpu = "1"\n  memory = "1Gi"'), attribute: 'cpu', message: /use resources_preset/ },
  {
    name: 'backups',
    type: 'hikube_postgres_cluster',
    body: cluster('backup = { enabled = true, schedule = "0 2 * * *" }'),
    attribute: 'backup',
    message: /backups are not offered/,
  },
  { name: 'inline users', type: 'hikube_postgres_cluster', body: cluster('users = { app = {} }'), attribute: 'users', message: /use hikube_postgres_user/ },
  {
    name: 'inline databases',
    type: 'hikube_postgres_cluster',
    body: cluster('databases = { shop = {} }'),
    attribute: 'databases',
    message: /use hikube_postgres_database/,
  },
  {
    name: 'a parameter other than max_connections',
    type: 'hikube_postgres_cluster',
    body: cluster('parameters = { work_mem = "8MB" }'),
    attribute: 'parameters',
    message: /only max_connections/,
  },
  {
    name: 'a size not in whole GiB',
    type: 'hikube_postgres_cluster',
    body: 'version = "v17"\n  storage_size = "10G"',
    attribute: 'storage_size',
    message: /does not convert exactly/,
  },
  {
    name: 'a size above 4096 GB',
    type: 'hikube_postgres_cluster',
    body: 'version = "v17"\n  storage_size = "5Ti"',
    attribute: 'storage_size',
    message: /must be at most 4096/,
  },
  {
    name: 'no version',
    type: 'hikube_postgres_cluster',
    body: 'storage_size = "10Gi"',
    attribute: 'version',
    message: /needs version to create a cluster/,
    absent: true,
  },
  {
    name: 'no size',
    type: 'hikube_postgres_cluster',
    body: 'version = "v17"',
    attribute: 'storage_size',
    message: /needs storage_size to create a cluster/,
    absent: true,
  },
  {
    name: 'a version the API does not have',
    type: 'hikube_postgres_cluster',
    body: cluster('').replace('v17', 'v14'),
    attribute: 'version',
    message: /must be one of "v15", "v16", "v17", "v18"/,
  },
  {
    name: 'a name with a hyphen',
    type: 'hikube_postgres_cluster',
    body: cluster('name = "orders-db"'),
    attribute: 'name',
    message: /3 to 16 lowercase letters and digits \(no hyphen\)/,
  },
  {
    name: 'nine replicas',
    type: 'hikube_postgres_cluster',
    body: cluster('').replace('replicas = 3', 'replicas = 9'),
    attribute: 'replicas',
    message: /at most 8/,
  },
  {
    name: 'too many connections',
    type: 'hikube_postgres_cluster',
    body: cluster('max_connections = 20000'),
    attribute: 'max_connections',
    message: /at most 10000/,
  },
  {
    name: 'a quorum as large as the replicas',
    type: 'hikube_postgres_cluster',
    body: cluster('sync_mode = "quorum"\n  max_sync_replicas = 3'),
    attribute: 'max_sync_replicas',
    message: /lower than replicas = 3/,
  },
  {
    name: "a quorum above the API's limit",
    type: 'hikube_postgres_cluster',
    body: cluster('sync_mode = "quorum"\n  min_sync_replicas = 1\n  max_sync_replicas = 11').replace('replicas = 3', 'replicas = 8'),
    attribute: 'max_sync_replicas',
    message: /at most 10/,
  },
  {
    name: 'a preset not in the catalog',
    type: 'hikube_postgres_cluster',
    body: cluster('resources_preset = "huge"'),
    attribute: 'resources_preset',
    message: /not in Hikube's presets catalog/,
  },
  {
    name: 'a database name with an underscore',
    type: 'hikube_postgres_database',
    body: 'cluster = "orders"\n  name = "my_shop"',
    attribute: 'name',
    message: /no underscore/,
  },
  {
    name: 'an extension not in the catalog',
    type: 'hikube_postgres_database',
    body: 'cluster = "orders"\n  name = "shop"\n  extensions = ["timescaledb"]',
    attribute: 'extensions',
    message: /"timescaledb" is not in Hikube's extensions catalog/,
  },
  {
    name: 'the reserved user postgres',
    type: 'hikube_postgres_user',
    body: 'cluster = "orders"\n  name = "postgres"',
    attribute: 'name',
    message: /not `postgres`/,
  },
  {
    name: 'a user name with a hyphen',
    type: 'hikube_postgres_user',
    body: 'cluster = "orders"\n  name = "app-user"',
    attribute: 'name',
    message: /lowercase letters, digits and underscores/,
  },
  {
    name: 'a role the API does not have',
    type: 'hikube_postgres_user',
    body: 'cluster = "orders"\n  name = "app"\n  databases = { shop = "owner" }',
    attribute: 'databases',
    message: /must be one of "admin", "readonly"/,
  },
  {
    name: 'an empty role',
    type: 'hikube_postgres_user',
    body: 'cluster = "orders"\n  name = "app"\n  databases = { shop = "" }',
    attribute: 'databases',
    message: /leave the database out/,
  },
];

/** One resource per case, named c01, c02, ...; a cluster without a `name` gets `c01`-style names. */
export function publicInvalidConfiguration(cases: readonly PublicInvalidCase[]): { hcl: string; addresses: Map<string, PublicInvalidCase> } {
  const addresses = new Map<string, PublicInvalidCase>();
  const blocks = cases.map((entry, index) => {
    const id = `c${String(index + 1).padStart(2, '0')}`;
    addresses.set(`${entry.type}.${id}`, entry);
    const name = entry.type === 'hikube_postgres_cluster' && !/^\s*name\s*=/m.test(entry.body) ? `  name = "db${id}"\n` : '';
    return `resource "${entry.type}" "${id}" {\n${name}  ${entry.body}\n}\n`;
  });
  return { hcl: blocks.join('\n'), addresses };
}
