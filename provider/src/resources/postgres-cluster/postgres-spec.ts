// The slice of the `Postgres` object this resource reads and writes. The SDK owns the full type;
// this is the structural shape the mapping code needs, so it compiles against either.

export interface PostgresUserSpec {
  password?: string;
  replication?: boolean;
}

export interface PostgresDatabaseSpec {
  roles?: { admin?: string[]; readonly?: string[] };
  extensions?: string[];
}

export interface PostgresBackupSpec {
  enabled?: boolean;
  schedule?: string;
  retentionPolicy?: string;
  destinationPath?: string;
  endpointURL?: string;
  s3AccessKey?: string;
  s3SecretKey?: string;
}

export interface PostgresSpec {
  replicas?: number;
  resources?: { cpu?: string | number; memory?: string | number };
  resourcesPreset?: string;
  size?: string | number;
  storageClass?: string;
  external?: boolean;
  schedulingClass?: string;
  version?: string;
  postgresql?: { parameters?: Record<string, string | number> };
  quorum?: { minSyncReplicas?: number; maxSyncReplicas?: number };
  users?: Record<string, PostgresUserSpec>;
  databases?: Record<string, PostgresDatabaseSpec>;
  backup?: PostgresBackupSpec;
  bootstrap?: { enabled?: boolean; oldName?: string; recoveryTime?: string };
}

export interface PostgresCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface PostgresObject {
  metadata: { name?: string; namespace?: string };
  spec?: PostgresSpec;
  status?: { version?: string; conditions?: PostgresCondition[] };
}
