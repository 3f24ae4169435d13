// The README's quick start, run as `cdktn synth` runs it, then checked by the real `terraform
// validate` against the provider's schema (provider installed through dev_overrides).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '@hikube/testkit';
import { synthesizeQuickStart, type SynthesizedStack } from './synthesize-app.js';
import { validateStack } from './terraform-validate.js';

let temp: TempDir | undefined;
let synthesized: { file: string; stack: SynthesizedStack };

beforeAll(async () => {
  temp = await createTempDir('cdktf-quick-start');
  synthesized = await synthesizeQuickStart(temp.path);
});

afterAll(async () => {
  await temp?.remove();
});

/** One resource of the stack without CDKTF's `//` metadata; the test fails when it is not the only one of its type. */
function onlyResource(type: keyof SynthesizedStack['resource'], name: string): Record<string, unknown> {
  const resources = synthesized.stack.resource[type] ?? {};
  expect(Object.keys(resources)).toEqual([name]);
  const { '//': _metadata, ...values } = resources[name] ?? {};
  return values;
}

describe('the quick start', () => {
  it('declares, on the public API, three instances with one synchronous standby, reachable from outside', () => {
    expect(onlyResource('hikube_postgres_cluster', 'orders')).toEqual({
      name: 'orders',
      version: 'v17',
      replicas: 3,
      storage_size: '10Gi',
      sync_mode: 'quorum',
      min_sync_replicas: 1,
      max_sync_replicas: 1,
      external: true,
    });
  });

  it('declares a database with pgcrypto and a user with admin on it, made after the database', () => {
    expect(onlyResource('hikube_postgres_database', 'shop')).toEqual({
      cluster: '${hikube_postgres_cluster.orders.name}',
      name: 'shop',
      extensions: ['pgcrypto'],
    });
    expect(onlyResource('hikube_postgres_user', 'app')).toEqual({
      cluster: '${hikube_postgres_cluster.orders.name}',
      name: 'app',
      databases: { shop: 'admin' },
      depends_on: ['hikube_postgres_database.shop'],
    });
  });

  it("outputs the cluster's host in clear and the user's password as a sensitive value", () => {
    expect(synthesized.stack.output).toEqual({
      host: { value: '${hikube_postgres_cluster.orders.host}' },
      app_password: { value: '${hikube_postgres_user.app.password}', sensitive: true },
    });
  });

  it('passes terraform validate', async () => {
    expect(await validateStack(synthesized.file)).toEqual({ valid: true, errors: [] });
  });
});
