import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as kubernetes from './kubernetes.js';

// The Kubernetes client keeps its own entry when the main entry moves to the public API: this list
// is what code written for `@hikube/sdk` before that move finds at `@hikube/sdk/kubernetes`.
const kubernetesSurface = [
  'AbortError',
  'AlreadyExistsError',
  'ApiError',
  'BadResponseError',
  'ConfigError',
  'ConflictError',
  'ForbiddenError',
  'GoneError',
  'HikubeError',
  'InvalidError',
  'NetworkError',
  'NotFoundError',
  'PostgresClient',
  'ServerError',
  'TimeoutError',
  'TooManyRequestsError',
  'UnauthorizedError',
  'ValidationError',
  'WaitFailedError',
  'WaitTimeoutError',
  'applyMergePatch',
  'applyPostgresDefaults',
  'applySchedulingClassDefaults',
  'capabilitiesFromDocument',
  'blockedPostgresParameters',
  'conditionSchema',
  'createClient',
  'createIdAnnotation',
  'eventListSchema',
  'eventSchema',
  'failedCondition',
  'instanceRoleLabel',
  'isNewerCondition',
  'isTerminalReason',
  'kubeStatusSchema',
  'objectMetaSchema',
  'operatorManagedPostgresParameters',
  'podListSchema',
  'podSchema',
  'postgresListSchema',
  'postgresNamePrefix',
  'postgresNameSchema',
  'postgresPresetSizes',
  'postgresSpecWarnings',
  'postgresSchema',
  'postgresSpecSchema',
  'postgresStatusSchema',
  'readyCondition',
  'reservedPostgresDatabasePrefixes',
  'reservedPostgresDatabases',
  'reservedPostgresUserPrefixes',
  'reservedPostgresUsers',
  'schedulingClassListSchema',
  'schedulingClassSchema',
  'schedulingClassSpecSchema',
  'secretSchema',
  'serviceListSchema',
  'serviceSchema',
  'tenantSecretSchema',
  'validatePostgres',
  'validatePostgresName',
  'validatePostgresSpecPatch',
  'validateSchedulingClass',
  'validateSchedulingClassName',
  'watchEventSchema',
  'hikubeNodePrefixes',
  'labelSelectorMatches',
  'nodeFitsSchedulingClass',
  'nodeKeysOfSchedulingClass',
  'nodePreferenceScore',
  'nodeTermMatches',
  'zoneOfNode',
  'zoneTopologyKey',
  'zonesNamedBySchedulingClass',
  'zonesOfSchedulingClass',
];

describe('@hikube/sdk/kubernetes', () => {
  it('exports the Kubernetes client, its types, schemas, validation and errors', () => {
    expect(Object.keys(kubernetes).sort()).toEqual([...kubernetesSurface].sort());
  });

  it('is the package subpath ./kubernetes', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
    expect(manifest.exports['./kubernetes']).toEqual({ types: './dist/kubernetes.d.ts', default: './dist/kubernetes.js' });
  });
});
