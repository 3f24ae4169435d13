// The app synthesized as `cdktn synth` does, then each stack checked by the real
// `terraform validate` against the provider's own schema (provider installed through dev_overrides).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '@hikube/testkit';
import { STACK_NAMES, synthesizeApp, type StackName, type Synthesized } from './synthesize-app.js';
import { validateStack } from './terraform-validate.js';

let temp: TempDir | undefined;
let synthesized: Synthesized;

beforeAll(async () => {
  temp = await createTempDir('cdktf-example');
  synthesized = await synthesizeApp(temp.path);
});

afterAll(async () => {
  await temp?.remove();
});

function clusterOf(name: StackName): Record<string, unknown> {
  const clusters = synthesized.stacks[name].resource.hikube_postgres_cluster;
  expect(Object.keys(clusters)).toHaveLength(1);
  return Object.values(clusters)[0] ?? {};
}

describe('the synthesized stacks', () => {
  it('production: three instances with one synchronous standby, users and a database, no per-cluster placement', () => {
    const cluster = clusterOf('production');
    expect(cluster).toMatchObject({ replicas: 3, sync_mode: 'quorum', min_sync_replicas: 1, max_sync_replicas: 1 });
    // Cozystack v1.6.2 has no spec.schedulingClass: the provider would refuse zones at plan.
    expect(cluster).not.toHaveProperty('zones');
    expect(cluster).not.toHaveProperty('scheduling_class');
    expect(Object.keys(cluster['users'] as object).sort()).toEqual(['app', 'reporting']);
    expect(cluster['databases']).toEqual({ orders: { admin: ['app'], readonly: ['reporting'] } });
  });

  it('development: one asynchronous instance', () => {
    expect(clusterOf('development')).toMatchObject({ replicas: 1, sync_mode: 'async' });
  });

  it.each(STACK_NAMES)('%s: endpoints in clear, connection URIs sensitive', (name) => {
    const { output, resource } = synthesized.stacks[name];
    const [address] = Object.keys(resource.hikube_postgres_cluster);
    const ref = (attribute: string) => `\${hikube_postgres_cluster.${address}.${attribute}}`;
    expect(output['endpoints']).toMatchObject({ value: ref('endpoints') });
    expect(output['endpoints']?.sensitive).toBeUndefined();
    expect(output['instances']).toMatchObject({ value: ref('instances') });
    expect(output['app_uri_rw']).toEqual({ value: ref('connection_uris.app.rw'), sensitive: true });
    expect(output['app_uri_ro']).toEqual({ value: ref('connection_uris.app.ro'), sensitive: true });
    expect(output['connection_uris']).toEqual({ value: ref('connection_uris'), sensitive: true });
  });

  it.each(STACK_NAMES)('%s: names the hikube provider by its registry address', (name) => {
    expect(synthesized.stacks[name].terraform.required_providers).toEqual({ hikube: { source: 'registry.terraform.io/hikube/hikube' } });
  });
});

describe('terraform validate with the provider through dev_overrides', () => {
  it.each(STACK_NAMES)('%s is valid', async (name) => {
    expect(await validateStack(synthesized.files[name])).toEqual({ valid: true, errors: [] });
  });
});
