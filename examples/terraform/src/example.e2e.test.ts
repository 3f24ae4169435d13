// examples/terraform as a Terraform user runs it: the real terraform, the provider built from this
// repository through dev_overrides (no init), Hikube Local's deterministic driver (fast).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchHikubeLocal, type LaunchedHikubeLocal } from '@hikube/local/testing';
import { providerBinDir } from '@hikube/main-job';
import { findResourceChange, TerraformWorkspace } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readExampleFiles } from './example-files.js';

describe('examples/terraform', () => {
  let local: LaunchedHikubeLocal;
  let tf: TerraformWorkspace;
  let failed = false;
  let vars: Record<string, string>;

  beforeAll(async () => {
    const executable = join(providerBinDir, 'terraform-provider-hikube');
    if (!existsSync(executable)) throw new Error(`${executable} is missing: npm run build -w terraform-provider-hikube (the pretest script does it)`);
    local = await launchHikubeLocal({ driver: 'deterministic' });
    tf = await TerraformWorkspace.create({
      files: await readExampleFiles(),
      providers: [{ source: 'hikube/hikube', executable, install: 'dev-overrides' }],
      logLevel: 'OFF',
    });
    // The documented defaults otherwise: version v18, the kubeconfig's current context (tenant-demo).
    vars = { kubeconfig_path: local.kubeconfigPath, deletion_protection: 'false' };
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await tf?.dispose({ failed });
    await local?.stop({ failed });
  });

  it('validates without init (dev_overrides)', async () => {
    const { validation } = await tf.validate();
    expect(validation.valid).toBe(true);
    expect(validation.error_count).toBe(0);
  });

  it('plans the production-like and the development cluster', async () => {
    const { plan, changes } = await tf.plan({ out: true, vars });
    expect(changes).toBe(true);
    const orders = findResourceChange(plan!, 'hikube_postgres_cluster.orders');
    expect(orders.change.actions).toEqual(['create']);
    expect(orders.change.after).toMatchObject({
      name: 'orders',
      version: 'v18',
      replicas: 3,
      sync_mode: 'quorum',
      min_sync_replicas: 1,
      max_sync_replicas: 1,
      deletion_protection: false,
    });
    // Cozystack v1.6.2 (Hikube Local's default) has no per-cluster class: placement is the namespace's.
    expect(orders.change.after).toMatchObject({ zones: null, scheduling_class: null });
    expect(Object.keys((orders.change.after as { users: object }).users).sort()).toEqual(['app', 'reporting']);
    const dev = findResourceChange(plan!, 'hikube_postgres_cluster.dev');
    expect(dev.change.after).toMatchObject({ name: 'dev', replicas: 1, sync_mode: 'async' });
  });

  it('applies, outputs the endpoints and sensitive URIs, and the next plan is empty', async () => {
    await tf.apply({ vars });
    const outputs = await tf.output({ vars });
    const endpoints = outputs['orders_endpoints']?.value as { rw: { host: string; port: number }; ro: { port: number } };
    expect(outputs['orders_endpoints']?.sensitive).toBe(false);
    expect(endpoints.rw.host).toBe('127.0.0.1');
    expect(endpoints.rw.port).toBeGreaterThan(0);
    expect(endpoints.ro.port).toBeGreaterThan(0);
    const instances = outputs['orders_instances']?.value as { name: string; zone: string; role: string }[];
    expect(instances.map((i) => i.zone).sort()).toEqual(['geneva', 'gland', 'lucerne']);
    expect(instances.filter((i) => i.role === 'primary')).toHaveLength(1);
    for (const name of ['orders_app_uri', 'orders_reporting_uri', 'dev_uri']) {
      expect(outputs[name]?.sensitive, name).toBe(true);
      expect(String(outputs[name]?.value), name).toMatch(/^postgresql:\/\/\w+:[^@]+@127\.0\.0\.1:\d+\/shop/);
    }
    expect((await tf.plan({ vars })).changes).toBe(false);
  });

  it('refuses to destroy the production cluster under the default deletion_protection', async () => {
    const protectedVars = { kubeconfig_path: local.kubeconfigPath };
    await tf.apply({ vars: protectedVars });
    const refused = await tf.destroy({ vars: protectedVars, check: false });
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toMatch(/deletion_protection/);
    await tf.apply({ vars });
  });

  it('destroys both clusters', async () => {
    await tf.destroy({ vars });
    const kubectl = await local.kubectl();
    const left = await kubectl.json(['get', 'postgres', '-o', 'json']);
    expect((left as { items: unknown[] }).items).toEqual([]);
  });
});
