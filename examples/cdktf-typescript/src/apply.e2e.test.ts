// `cdktn synth` then `terraform apply` in the synthesized production stack, against Hikube Local,
// with the real terraform and the provider installed from a filesystem mirror (so `init` works).
// Hikube Local runs its deterministic driver unless HIKUBE_EXAMPLE_DRIVER=engine (real PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResourceChange, type TerraformWorkspace } from '@hikube/testkit';
import { stackOnLocal, type StackOnLocal } from './stack-on-local.js';
import { synthesizeApp } from './synthesize-app.js';

const ADDRESS = 'hikube_postgres_cluster.orders';

let stack: StackOnLocal | undefined;
let workspace: TerraformWorkspace | undefined;
let failed = false;

beforeAll(async () => {
  stack = await stackOnLocal('cdktf-example-apply', async (appDir) => (await synthesizeApp(appDir)).files.production);
  workspace = stack.workspace;
});

afterAll(async () => {
  await stack?.close(failed);
});

describe('the production stack applied to Hikube Local', () => {
  const ws = (): TerraformWorkspace => {
    if (!workspace) throw new Error('the workspace was not created');
    return workspace;
  };
  const step = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      failed = true;
      throw error;
    }
  };

  // Real PostgreSQL (engine driver) needs minutes for three instances on a busy machine.
  it('initializes, plans one cluster to create, and applies', { timeout: 600_000 }, async () => {
    await step(async () => {
      await ws().init();
      const { plan, planFile } = await ws().plan({ out: true });
      if (!plan || !planFile) throw new Error('terraform plan -out saved no plan');
      expect(findResourceChange(plan, ADDRESS).change.actions).toEqual(['create']);
      await ws().apply({ planFile });
    });
  });

  it('outputs the endpoints, three instances over three zones, and sensitive connection URIs', async () => {
    await step(async () => {
      const outputs = await ws().output();
      const endpoints = outputs['endpoints']?.value as Record<string, { host: string; port: number } | null>;
      expect(endpoints['rw']?.host).toBeTruthy();
      expect(endpoints['ro']?.port).toBeGreaterThan(0);
      const instances = outputs['instances']?.value as Array<{ zone: string; role: string }>;
      expect(instances).toHaveLength(3);
      expect(new Set(instances.map((instance) => instance.zone))).toEqual(new Set(['gland', 'lucerne', 'geneva']));
      expect(instances.filter((instance) => instance.role === 'primary')).toHaveLength(1);
      expect(outputs['app_uri_rw']).toMatchObject({ sensitive: true });
      expect(String(outputs['app_uri_rw']?.value)).toMatch(/^postgres(ql)?:\/\/app:/);
      expect(outputs['endpoints']?.sensitive).toBe(false);
    });
  });

  it('plans nothing on the next run', async () => {
    await step(async () => {
      const { changes } = await ws().plan();
      expect(changes).toBe(false);
    });
  });
});
