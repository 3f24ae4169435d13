// The API types come from the SDK (generated from the OpenAPI document); these aliases name the
// parts this resource maps.
import type { Postgres, PostgresBackup, PostgresDatabase, PostgresSpec, PostgresUser } from '@hikube/sdk/kubernetes';

export type { PostgresSpec };
export type PostgresUserSpec = PostgresUser;
export type PostgresDatabaseSpec = PostgresDatabase;
export type PostgresBackupSpec = PostgresBackup;
/** What reading needs of an object: the SDK's `Postgres` without apiVersion and kind. */
export type PostgresObject = Pick<Postgres, 'metadata' | 'spec' | 'status'>;
