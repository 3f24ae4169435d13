// The README's quick start, run as `cdktf synth` runs it, then checked by the real `terraform
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

describe('the quick start', () => {
  it('declares three instances over the three zones with one synchronous standby, two users and a database', () => {
    const { '//': _metadata, ...orders } = synthesized.stack.resource.hikube_postgres_cluster['orders'] ?? {};
    expect(Object.keys(synthesized.stack.resource.hikube_postgres_cluster)).toEqual(['orders']);
    expect(orders).toEqual({
      name: 'orders',
      replicas: 3,
      sync_mode: 'quorum',
      min_sync_replicas: 1,
      max_sync_replicas: 1,
      zones: ['gland', 'lucerne', 'geneva'],
      users: { app: {}, reporting: {} },
      databases: { orders: { admin: ['app'], readonly: ['reporting'] } },
    });
  });

  it('outputs the rw host in clear and the app URI as a sensitive value', () => {
    expect(synthesized.stack.output).toEqual({
      rw_host: { value: '${hikube_postgres_cluster.orders.endpoints.rw.host}' },
      app_uri_rw: { value: '${hikube_postgres_cluster.orders.connection_uris.app.rw}', sensitive: true },
    });
  });

  it('passes terraform validate', async () => {
    expect(await validateStack(synthesized.file)).toEqual({ valid: true, errors: [] });
  });
});
