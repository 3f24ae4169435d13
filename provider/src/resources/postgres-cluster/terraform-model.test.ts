import { unknown } from '@hikube/tfplugin';
import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import { emptyComputed, type PostgresClusterModel } from './model.js';
import { argsFromTerraform, modelFromTerraform, modelToTerraform, planToTerraform, type TerraformPlan } from './terraform-model.js';

const model: PostgresClusterModel = {
  ...argsWith({
    replicas: 3,
    zones: ['gland', 'lucerne'],
    users: { app: user({ password: 'p', replication: true }), ci: user({ passwordWoVersion: 2 }) },
    databases: { shop: { admin: ['app'], readonly: null, extensions: ['pgcrypto'] } },
    backup: {
      enabled: true,
      schedule: '0 2 * * *',
      retentionPolicy: null,
      destinationPath: 's3://b/',
      endpointUrl: null,
      s3AccessKey: 'k',
      s3SecretKey: 's',
      useSystemBucket: true,
      s3CredentialsSecret: 'orders-s3',
      endpointCaSecret: null,
    },
    restore: { sourceCluster: 'old', recoveryTime: null, serverName: 'old-prefix' },
    timeouts: { create: '30m', update: null, delete: null },
  }),
  ...emptyComputed,
  id: 'tenant-demo/orders',
  ready: true,
  instances: [{ name: 'postgres-orders-1', zone: 'gland', role: 'primary', ready: true }],
  endpoints: { rw: { host: 'h', port: 5432 }, ro: null, r: null, external: null },
  credentials: { app: 'p' },
  connectionUris: { app: { rw: 'postgresql://app:p@h:5432/shop', ro: null, r: null, external: null } },
};

describe('terraform model conversion', () => {
  it('round-trips a full model', () => {
    expect(modelFromTerraform(modelToTerraform(model))).toEqual(model);
  });

  it('never writes a write-only value', () => {
    const withSecret = { ...model, users: { ci: user({ passwordWo: 'hunter2-write-only', passwordWoVersion: 2 }) } };
    expect(JSON.stringify(modelToTerraform(withSecret))).not.toContain('hunter2-write-only');
  });

  it('reads unknown configuration values as null and names their attributes', () => {
    const config = {
      ...modelToTerraform(model),
      replicas: unknown,
      users: { app: { password: unknown, password_wo: null, password_wo_version: null, replication: null } },
    } as unknown as TerraformPlan;
    const { args, unknownAttributes } = argsFromTerraform(config);
    expect(args.replicas).toBeNull();
    expect(args.users?.['app']?.password).toBeNull();
    expect([...unknownAttributes].sort()).toEqual(['replicas', 'users']);
  });
});

describe('planToTerraform', () => {
  const config = {
    ...modelToTerraform(model),
    replicas: unknown,
    users: { ci: { password: null, password_wo: unknown, password_wo_version: 2, replication: null } },
  } as unknown as TerraformPlan;
  const plan = planToTerraform(
    { ...model, users: { ci: user({ passwordWoVersion: 2 }) } },
    [[{ attribute: 'users' }, { key: 'ci' }, { attribute: 'password' }]],
    ['ready', 'instances'],
    config,
    unknown,
  ) as unknown as Record<string, unknown>;

  it('echoes what the configuration leaves unknown', () => {
    expect(plan['replicas']).toBe(unknown);
  });
  it('marks planned unknowns, nested and computed', () => {
    expect((plan['users'] as Record<string, Record<string, unknown>>)['ci']?.['password']).toBe(unknown);
    expect(plan['ready']).toBe(unknown);
    expect(plan['instances']).toBe(unknown);
    expect(plan['endpoints']).toEqual({ rw: { host: 'h', port: 5432 }, ro: null, r: null, external: null });
  });
  it('keeps write-only attributes null even when the configuration is unknown', () => {
    expect((plan['users'] as Record<string, Record<string, unknown>>)['ci']?.['password_wo']).toBeNull();
  });
});
