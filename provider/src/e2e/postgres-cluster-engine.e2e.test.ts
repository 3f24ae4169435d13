// Issue 6 section 5 in one flow: the repository's examples/terraform configuration, the real
// terraform (provider from a filesystem mirror, so init is offline), real kubectl and psql, and
// Hikube Local's engine driver running real PostgreSQL. The steps share one cluster, in order.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { findResourceChange, findStateResource, Kubectl, type TerraformWorkspace } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../build/build-executable.js';
import { startHarness, type Harness } from './harness.js';
import { installedMajor, postgresProcesses, postgresProcessesAfterStop, psql } from './real-postgres.js';

// The example's files are read, never copied: what users run is what this suite runs.
const exampleDir = join(packageRoot, '..', 'examples', 'terraform');
const exampleFiles: Record<string, string> = Object.fromEntries(
  readdirSync(exampleDir)
    .filter((name) => name.endsWith('.tf'))
    .sort()
    .map((name) => [name, readFileSync(join(exampleDir, name), 'utf8')]),
);
const orders = 'hikube_postgres_cluster.orders';
const dev = 'hikube_postgres_cluster.dev';

// Terraform override files vary the example without editing it.
const fiveReplicas = `resource "hikube_postgres_cluster" "orders" {\n  replicas = 5\n}\n`;
const ciPassword = 'write-only-engine-secret';
const ciVariable = `variable "ci_password" {\n  type      = string\n  sensitive = true\n  ephemeral = true\n}\n`;
function withCiUser(production: string): string {
  const users = /users\s+= \{\n/;
  if (!users.test(production)) throw new Error('examples/terraform/production.tf no longer has a users map');
  return production.replace(users, (found) => `${found}    ci = { password_wo = var.ci_password, password_wo_version = 1 }\n`);
}

const major = installedMajor;

describe('examples/terraform on real PostgreSQL (engine driver), section 5 in one flow', () => {
  let harness: Harness;
  let kubectl: Kubectl;
  let tf: TerraformWorkspace;
  let vars: Record<string, string>;
  let appUri = '';
  let failed = false;
  beforeAll(async () => {
    harness = await startHarness('engine');
    kubectl = await Kubectl.create({ kubeconfig: harness.local.kubeconfigPath });
    vars = { kubeconfig_path: harness.local.kubeconfigPath, postgres_version: major, deletion_protection: 'false' };
    tf = await harness.workspace(exampleFiles, { ownProviderBlock: true });
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await kubectl?.dispose();
    await harness?.stop(failed);
  });

  it('inits offline from the filesystem mirror and plans the expected create', async () => {
    await tf.init();
    const { plan } = await tf.plan({ out: true, vars });
    expect(findResourceChange(plan!, orders).change.actions).toEqual(['create']);
    expect(findResourceChange(plan!, dev).change.actions).toEqual(['create']);
    const planned = findStateResource(plan!.planned_values, orders).values;
    expect(planned).toMatchObject({
      name: 'orders',
      version: major,
      replicas: 3,
      sync_mode: 'quorum',
      min_sync_replicas: 1,
      max_sync_replicas: 1,
      resources_preset: 'u1.small',
      deletion_protection: false,
    });
    // No per-cluster class on Cozystack v1.6.2 (Hikube Local's default): the namespace's placement applies.
    expect(planned).toMatchObject({ zones: null, scheduling_class: null });
    expect(Object.keys(planned['users'] as object).sort()).toEqual(['app', 'reporting']);
    expect(planned['databases']).toMatchObject({ shop: { admin: ['app'], readonly: ['reporting'], extensions: ['pgcrypto'] } });
  });

  it('applies; psql connects through rw with the output credentials', async () => {
    await tf.apply({ vars });
    const outputs = await tf.output({ vars });
    appUri = String(outputs['orders_app_uri']?.value);
    const rw = (outputs['orders_endpoints']?.value as { rw: { port: number } }).rw;
    expect(appUri).toContain(`@127.0.0.1:${rw.port}/shop`);
    const instances = outputs['orders_instances']?.value as { zone: string; role: string }[];
    expect(instances.map((instance) => instance.zone).sort()).toEqual(['geneva', 'gland', 'lucerne']);
    await psql(appUri, 'CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders VALUES (1)');
    expect(await psql(appUri, 'SELECT count(*) FROM orders')).toBe('1');
    expect(await psql(appUri, 'SELECT pg_is_in_recovery()')).toBe('f');
  });

  it('scales 3 -> 5 in place; the next plan is empty', async () => {
    await tf.writeFiles({ 'production_override.tf': fiveReplicas });
    const scale = await tf.plan({ out: true, vars });
    const change = findResourceChange(scale.plan!, orders).change;
    expect(change.actions).toEqual(['update']);
    expect([(change.before as Record<string, unknown>)['replicas'], (change.after as Record<string, unknown>)['replicas']]).toEqual([3, 5]);
    expect(findResourceChange(scale.plan!, dev).change.actions).toEqual(['no-op']);
    await tf.apply({ planFile: scale.planFile! });
    expect((await tf.plan({ vars })).changes).toBe(false);
    expect(await psql(appUri, 'SELECT count(*) FROM pg_stat_replication')).toBe('4');
  });

  it('shows a kubectl patch as drift, and apply puts it back', async () => {
    await kubectl.run(['patch', 'postgres', 'orders', '--type', 'merge', '-p', '{"spec":{"replicas":4}}']);
    const drift = await tf.plan({ out: true, vars });
    const change = findResourceChange(drift.plan!, orders).change;
    expect(change.actions).toEqual(['update']);
    expect([(change.before as Record<string, unknown>)['replicas'], (change.after as Record<string, unknown>)['replicas']]).toEqual([4, 5]);
    await tf.apply({ planFile: drift.planFile! });
    expect((await tf.plan({ vars })).changes).toBe(false);
  });

  it('imports both clusters with import blocks into an empty state: the plan afterwards is empty', async () => {
    const imported = await harness.workspace({ ...exampleFiles, 'production_override.tf': fiveReplicas }, { ownProviderBlock: true });
    await imported.init();
    await imported.writeImports([
      { to: orders, id: 'tenant-demo/orders' },
      { to: dev, id: 'tenant-demo/dev' },
    ]);
    const plan = await imported.plan({ out: true, vars });
    expect(findResourceChange(plan.plan!, orders).change.importing).toBeDefined();
    await imported.apply({ planFile: plan.planFile! });
    expect((await imported.plan({ vars })).changes).toBe(false);
  });

  it('fails the primary over in the middle: rw follows, state stays valid, the next plan is empty', async () => {
    const primary = String(findStateResource((await tf.state()).values, orders).values['current_primary']);
    const startedBefore = await psql(appUri, 'SELECT pg_postmaster_start_time()');
    await kubectl.run(['delete', 'pod', primary, '--wait=false']);
    // The rw endpoint follows the promoted standby: another server answers, with the data.
    let startedAfter = startedBefore;
    for (let attempt = 0; attempt < 240 && startedAfter === startedBefore; attempt++) {
      await sleep(250);
      startedAfter = await psql(appUri, 'SELECT pg_postmaster_start_time() FROM orders').catch(() => startedBefore);
    }
    expect(startedAfter).not.toBe(startedBefore);
    expect(await psql(appUri, 'SELECT count(*) FROM orders')).toBe('1');
    // Nothing to do to either cluster; only the orders_instances output shows the new roles.
    const after = await tf.plan({ out: true, vars });
    expect(after.plan!.resource_changes?.map((entry) => [entry.address, entry.change.actions])).toEqual([
      [dev, ['no-op']],
      [orders, ['no-op']],
    ]);
    // The deleted instance comes back as a standby; once a refresh records it ready, nothing moves.
    let instances: { ready: boolean }[] = [];
    for (let attempt = 0; attempt < 60 && !(instances.length === 5 && instances.every((instance) => instance.ready)); attempt++) {
      if (attempt > 0) await sleep(1000);
      await tf.refresh({ vars });
      instances = findStateResource((await tf.state()).values, orders).values['instances'] as { ready: boolean }[];
    }
    expect(instances.map((instance) => instance.ready)).toEqual([true, true, true, true, true]);
    expect(findStateResource((await tf.state()).values, orders).values['current_primary']).not.toBe(primary);
    expect((await tf.plan({ vars })).changes).toBe(false);
  });

  it('keeps a write-only password out of the state file while psql logs in with it', async () => {
    const withCi = { ...vars, ci_password: ciPassword };
    await tf.writeFiles({ 'production.tf': withCiUser(exampleFiles['production.tf'] ?? ''), 'ci.tf': ciVariable });
    const plan = await tf.plan({ out: true, vars: withCi });
    expect(findResourceChange(plan.plan!, orders).change.actions).toEqual(['update']);
    // An ephemeral variable is given again when the saved plan is applied.
    await tf.apply({ planFile: plan.planFile!, env: { TF_VAR_ci_password: ciPassword } });
    expect((await tf.plan({ vars: withCi })).changes).toBe(false);
    const rw = ((await tf.output({ vars: withCi }))['orders_endpoints']?.value as { rw: { host: string; port: number } }).rw;
    expect(await psql(`postgresql://ci:${ciPassword}@${rw.host}:${rw.port}/postgres`, 'SELECT current_user')).toBe('ci');
    expect(await tf.stateFile()).not.toContain(ciPassword);
  });

  it('destroys everything: no Postgres object, no postgres process of either cluster', async () => {
    const dataDir = join(harness.dir.path, 'l');
    const running = await postgresProcesses(dataDir);
    // Instance directories are named after the cluster: .../tenant-demo--orders--<hash>/postgres-orders-1/data.
    expect(running.filter((line) => line.includes('/postgres-orders-')).length).toBeGreaterThan(0);
    expect(running.filter((line) => line.includes('/postgres-dev-')).length).toBeGreaterThan(0);
    await tf.destroy({ vars: { ...vars, ci_password: ciPassword } });
    expect((await tf.state()).values).toBeUndefined();
    const left = (await kubectl.json(['get', 'postgres', '-o', 'json'])) as { items: unknown[] };
    expect(left.items).toEqual([]);
    expect(await postgresProcessesAfterStop(dataDir, 30_000)).toEqual([]);
  });
});
