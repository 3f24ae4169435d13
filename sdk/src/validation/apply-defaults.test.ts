import { describe, expect, expectTypeOf, it } from 'vitest';
import { openapiDocument } from '../openapi.js';
import { applyPostgresDefaults, applySchedulingClassDefaults } from './apply-defaults.js';

// The chart's values.yaml (cozystack packages/apps/postgres, v1.6.2), as the API fills it in.
const platformDefaults = {
  replicas: 2,
  resources: {},
  resourcesPreset: 't1.micro',
  size: '10Gi',
  storageClass: '',
  external: false,
  version: 'v18',
  tls: {},
  postgresql: { parameters: { max_connections: '100' } },
  quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 },
  users: {},
  databases: {},
  backup: {
    enabled: false,
    useSystemBucket: false,
    schedule: '',
    retentionPolicy: '30d',
    destinationPath: 's3://bucket/path/to/folder/',
    endpointURL: 'http://minio-gateway-service:9000',
    s3AccessKey: '',
    s3SecretKey: '',
    s3CredentialsSecret: { name: '', accessKeyIDKey: '', secretAccessKeyKey: '' },
    endpointCA: { name: '', key: '' },
  },
  bootstrap: { enabled: false, oldName: '', recoveryTime: '', serverName: '' },
};

describe('applyPostgresDefaults', () => {
  it.each([
    { name: 'empty spec', given: {}, want: platformDefaults },
    { name: 'no spec', given: undefined, want: platformDefaults },
    {
      name: 'explicit values win, nested defaults still fill',
      given: { replicas: 3, quorum: { maxSyncReplicas: 1 }, postgresql: { parameters: { work_mem: '8MB' } }, backup: { enabled: true } },
      want: {
        ...platformDefaults,
        replicas: 3,
        quorum: { minSyncReplicas: 0, maxSyncReplicas: 1 },
        postgresql: { parameters: { work_mem: '8MB' } },
        backup: { ...platformDefaults.backup, enabled: true },
      },
    },
    { name: 'false and empty strings are values', given: { external: false, storageClass: 'local' }, want: { ...platformDefaults, storageClass: 'local' } },
  ])('$name', ({ given, want }) => {
    expect(applyPostgresDefaults(given as never)).toEqual(want);
  });

  it('does not change its input', () => {
    const given = { quorum: { maxSyncReplicas: 1 } };
    applyPostgresDefaults(given);
    expect(given).toEqual({ quorum: { maxSyncReplicas: 1 } });
  });

  it('takes its values from the document', () => {
    const spec = openapiDocument.components.schemas.PostgresSpec.properties;
    const defaulted = applyPostgresDefaults({});
    expect(defaulted.replicas).toBe(spec.replicas.default);
    expect(defaulted.version).toBe(spec.version.default);
    expect(defaulted.size).toBe(spec.size.default);
  });

  it('types the defaulted fields as present', () => {
    expectTypeOf(applyPostgresDefaults({}).replicas).toEqualTypeOf<number>();
    expectTypeOf(applyPostgresDefaults({}).version).toEqualTypeOf<'v18' | 'v17' | 'v16' | 'v15' | 'v14' | 'v13'>();
  });
});

describe('applySchedulingClassDefaults', () => {
  it('adds nothing: the CRD declares no defaults', () => {
    const spec = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' as const }] };
    const defaulted = applySchedulingClassDefaults(spec);
    expect(defaulted).toEqual(spec);
    expect(defaulted).not.toBe(spec);
  });
});
