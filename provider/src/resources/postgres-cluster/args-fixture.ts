// Test helper: a configuration with everything unset, overridden per case.
import { emptyArgs, type PostgresClusterArgs, type UserModel } from './model.js';
import { applyPostgresDefaults } from '@hikube/sdk/kubernetes';
import type { PostgresSpec } from './postgres-spec.js';

export function argsWith(overrides: Partial<PostgresClusterArgs>): PostgresClusterArgs {
  return { ...emptyArgs, name: 'orders', namespace: 'tenant-demo', ...overrides };
}

export function user(overrides: Partial<UserModel> = {}): UserModel {
  return { password: null, passwordWo: null, passwordWoVersion: null, replication: null, ...overrides };
}

/** What the platform fills into an empty spec: the SDK's defaults, the one source of truth. */
export const platformDefaults: PostgresSpec = applyPostgresDefaults({});
