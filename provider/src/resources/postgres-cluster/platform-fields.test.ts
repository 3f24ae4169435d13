import { capabilitiesFromDocument } from '@hikube/sdk/kubernetes';
import { openapiDocument } from '@hikube/sdk/openapi';
import { describe, expect, it } from 'vitest';
import { argsWith } from './args-fixture.js';
import { planCluster } from './cluster-operations.js';
import { MemoryClusterApi } from './memory-cluster-api.js';
import type { PostgresClusterArgs } from './model.js';
import { formatPath } from './plan-issue.js';

// An older platform, as its API server publishes it (pkg/cmd/server/openapi.go of cozystack): the
// chart's values schema as `spec`, here without `tls` and without `backup.useSystemBucket`.
const olderPlatform = capabilitiesFromDocument({
  components: {
    schemas: {
      'com.github.cozystack.cozystack.pkg.apis.apps.v1alpha1.Postgres': {
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: Object.fromEntries(
              [
                'replicas',
                'resources',
                'resourcesPreset',
                'size',
                'storageClass',
                'external',
                'version',
                'postgresql',
                'quorum',
                'users',
                'databases',
                'bootstrap',
                'schedulingClass',
              ].map((name) => [name, { type: 'object' }]),
            ),
          },
        },
      },
    },
  },
});
// `backup` with its older fields only.
const backupSchema = {
  type: 'object',
  properties: { enabled: {}, schedule: {}, retentionPolicy: {}, destinationPath: {}, endpointURL: {}, s3AccessKey: {}, s3SecretKey: {} },
};
const withBackup = capabilitiesFromDocument({
  components: {
    schemas: { Postgres: { type: 'object', properties: { spec: { type: 'object', properties: { replicas: {}, quorum: {}, backup: backupSchema } } } } },
  },
});

async function errorsOf(config: PostgresClusterArgs, capabilities: ReturnType<typeof capabilitiesFromDocument> | null) {
  const api = new MemoryClusterApi();
  api.capabilities = capabilities;
  const result = await planCluster({
    config,
    prior: null,
    unknownAttributes: new Set(),
    providerNamespace: 'tenant-demo',
    api,
    signal: new AbortController().signal,
  });
  return { api, errors: result.issues.filter((issue) => issue.severity === 'error').map((issue) => [formatPath(issue.path), issue.detail] as const) };
}

const backup = {
  enabled: true,
  schedule: null,
  retentionPolicy: null,
  destinationPath: 's3://b/',
  endpointUrl: 'https://s3',
  s3AccessKey: 'k',
  s3SecretKey: 's',
};

describe('attributes the platform does not have are refused at plan, naming them', () => {
  it('tls_enabled on a platform without spec.tls', async () => {
    const { errors } = await errorsOf(argsWith({ tlsEnabled: true }), olderPlatform);
    expect(errors).toEqual([['tls_enabled', expect.stringMatching(/no field spec\.tls .*older Cozystack release/)]]);
  });

  it('backup.use_system_bucket on a platform whose backup has no useSystemBucket', async () => {
    const { errors } = await errorsOf(argsWith({ backup: { ...backup, useSystemBucket: true } }), withBackup);
    expect(errors).toEqual([['backup.use_system_bucket', expect.stringMatching(/no field spec\.backup\.useSystemBucket/)]]);
  });

  it('nothing refused when the platform has every field sent', async () => {
    const { errors } = await errorsOf(argsWith({ backup }), withBackup);
    expect(errors).toEqual([]);
  });

  it('nothing refused when the platform publishes no document', async () => {
    const { api, errors } = await errorsOf(argsWith({ tlsEnabled: true }), null);
    expect(errors).toEqual([]);
    expect(api.calls).toContain('specCapabilities');
  });
});

// Cozystack v1.6.2 as it publishes itself: our document's schemas without spec.schedulingClass.
function v162(): ReturnType<typeof capabilitiesFromDocument> {
  const schemas = structuredClone(openapiDocument.components.schemas) as unknown as Record<string, { properties?: Record<string, unknown> }>;
  delete schemas['PostgresSpec']?.properties?.['schedulingClass'];
  return capabilitiesFromDocument({ components: { schemas } });
}

describe('placement attributes on a platform without a per-cluster class (every release up to v1.6.2)', () => {
  const namespaceLabel =
    /no per-cluster field spec\.schedulingClass.*chosen by the label scheduler\.cozystack\.io\/scheduling-class on its namespace, which the platform administrator sets/;

  it.each([
    { name: 'zones', given: argsWith({ zones: ['gland', 'lucerne'] }) },
    { name: 'scheduling_class', given: argsWith({ schedulingClass: 'spread' }) },
  ])('$name is refused at the attribute, saying the namespace label chooses the class', async ({ name, given }) => {
    const { api, errors } = await errorsOf(given, v162());
    expect(errors).toEqual([[name, expect.stringMatching(namespaceLabel)]]);
    expect(errors[0]?.[1]).not.toMatch(/older Cozystack release/);
    // Refused before the classes are even listed.
    expect(api.calls).not.toContain('list schedulingclasses');
  });

  it('a cluster without them plans with no error and no class', async () => {
    const api = new MemoryClusterApi();
    api.capabilities = v162();
    const result = await planCluster({
      config: argsWith({}),
      prior: null,
      unknownAttributes: new Set(),
      providerNamespace: 'tenant-demo',
      api,
      signal: new AbortController().signal,
    });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.planned.schedulingClass).toBeNull();
  });
});
