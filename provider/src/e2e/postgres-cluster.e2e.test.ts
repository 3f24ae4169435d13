import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kubectl, findResourceChange, findStateResource } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../build/build-executable.js';
import { startHarness, type Harness } from './harness.js';
import { invalidCases, invalidConfiguration, reportedErrors } from './invalid-configurations.js';

// The documented example is what runs here, so the docs cannot show a configuration that fails.
const example = readFileSync(join(packageRoot, 'examples', 'resources', 'hikube_postgres_cluster', 'resource.tf'), 'utf8');

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`the example no longer contains ${pattern}`);
  return text.replace(pattern, replacement);
}

const cluster = (replicas: number, ciUser?: string) => {
  let hcl = replaceOnce(example, /replicas\s+= 3/, `replicas = ${replicas}`);
  if (ciUser !== undefined) hcl = replaceOnce(hcl, /ci\s+= \{ password_wo[^}]*\}/, ciUser);
  return hcl;
};

const dataSources = ['hikube_postgres_cluster', 'hikube_postgres_clusters', 'hikube_scheduling_classes']
  .map((name) => readFileSync(join(packageRoot, 'examples', 'data-sources', name, 'data-source.tf'), 'utf8'))
  .join('\n');

const run = promisify(execFile);

const ciPassword = 'write-only-ci-secret';
const vars = { ci_password: ciPassword };
const applyEnv = { TF_VAR_ci_password: ciPassword };

// Hikube Local's default platform is Cozystack v1.6.2: no per-cluster spec.schedulingClass, so the
// documented example sets no placement and `zones`/`scheduling_class` are refused at plan. The last
// describe emulates a platform whose schema has the field (--extra-postgres-field schedulingClass).
describe('hikube_postgres_cluster with the real terraform against Hikube Local', () => {
  let harness: Harness;
  let failed = false;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await harness?.stop(failed);
  });

  // Also the proof that a cluster without placement attributes plans and applies on v1.6.2.
  it('creates, scales in place, shows drift, refuses a drop, imports, protects from destroy, recreates what was deleted outside, destroys', async () => {
    const tf = await harness.workspace({ 'main.tf': cluster(3) });
    await tf.init();

    const first = await tf.plan({ out: true, vars });
    expect(findResourceChange(first.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['create']);
    const created = await tf.apply({ planFile: first.planFile!, env: applyEnv });
    expect((await tf.plan({ vars })).changes).toBe(false);
    // Neither the provider's log lines nor Terraform's (TF_LOG=DEBUG) carry a password.
    const applyLog = readFileSync(created.logFile ?? '', 'utf8');
    expect(applyLog).toMatch(/created tenant-demo\/orders; waiting for all_instances/);
    expect(applyLog).not.toContain(ciPassword);
    expect(applyLog).not.toContain('change-me-bi-password');

    expect(await tf.stateFile()).not.toContain(ciPassword);
    const outputs = await tf.output();
    expect(String(outputs['orders_rw_uri']?.value)).toMatch(/^postgresql:\/\/app:[A-Za-z0-9]{16}@[^:/]+:\d+\/shop$/);

    // replicas 3 -> 5 in place, then nothing left to do
    await tf.writeFiles({ 'main.tf': cluster(5) });
    const scale = await tf.plan({ out: true, vars });
    expect(findResourceChange(scale.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['update']);
    await tf.apply({ planFile: scale.planFile!, env: applyEnv });
    expect((await tf.plan({ vars })).changes).toBe(false);

    // the plan warns when a change restarts instances
    await tf.writeFiles({ 'main.tf': replaceOnce(cluster(5), /work_mem = "8MB"/, 'max_connections = "200"') });
    const warned = await tf.plan({ vars });
    const text = `${warned.stdout}\n${warned.stderr}`.replace(/\s+/g, ' ');
    expect(text).toMatch(/Warning: Change restarts instances.*Parameter max_connections only takes effect after a restart/);
    await tf.writeFiles({ 'main.tf': cluster(5) });

    // a change made with kubectl shows as drift
    const kubectl = await Kubectl.create({ kubeconfig: harness.local.kubeconfigPath });
    try {
      await kubectl.run(['patch', 'postgres', 'orders', '--type', 'merge', '-p', '{"spec":{"replicas":4}}']);
    } finally {
      await kubectl.dispose();
    }
    const drift = await tf.plan({ out: true, vars });
    const change = findResourceChange(drift.plan!, 'hikube_postgres_cluster.orders').change;
    expect(change.actions).toEqual(['update']);
    expect((change.before as Record<string, unknown>)['replicas']).toBe(4);
    await tf.apply({ planFile: drift.planFile!, env: applyEnv });

    // removing a database is refused, naming it
    await tf.writeFiles({ 'main.tf': replaceOnce(cluster(5), /shop = \{[^}]*\}/, '') });
    const refused = await tf.plan({ vars, check: false });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/This change drops database\s+"shop"/);
    await tf.writeFiles({ 'main.tf': cluster(5) });

    // import into an empty state with an import block: nothing to change afterwards
    expect(findStateResource((await tf.state()).values, 'hikube_postgres_cluster.orders').values).toMatchObject({ zones: null, scheduling_class: null });
    const imported = await harness.workspace({ 'main.tf': cluster(5, 'ci = {}') });
    await imported.init();
    await imported.writeImports([{ to: 'hikube_postgres_cluster.orders', id: 'tenant-demo/orders' }]);
    await imported.apply();
    expect((await imported.plan()).changes).toBe(false);

    // the data sources read what the resource made
    const reader = await harness.workspace({ 'main.tf': dataSources });
    await reader.init();
    await reader.apply();
    const read = await reader.output();
    expect(read['orders_primary']?.value).toBe('postgres-orders-1');
    expect(read['payment_clusters']?.value).toEqual([]);
    expect(Object.keys(read['classes']?.value as Record<string, unknown>)).toContain('spread');

    // deletion protection: destroy fails before anything is touched
    await tf.writeFiles({ 'main.tf': replaceOnce(cluster(5), /deletion_protection = false/, 'deletion_protection = true') });
    await tf.apply({ vars });
    const protectedDestroy = await tf.destroy({ vars, check: false });
    expect(protectedDestroy.exitCode).toBe(1);
    expect(protectedDestroy.stderr.replace(/\s+/g, ' ')).toMatch(/deletion_protection = true, so nothing was deleted/);
    expect(findStateResource((await tf.state()).values, 'hikube_postgres_cluster.orders').values['deletion_protection']).toBe(true);

    // deleted outside Terraform: planned for creation again
    const outside = await Kubectl.create({ kubeconfig: harness.local.kubeconfigPath });
    try {
      await outside.run(['delete', 'postgres', 'orders', '--wait=true']);
    } finally {
      await outside.dispose();
    }
    const recreate = await tf.plan({ out: true, vars });
    expect(findResourceChange(recreate.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['create']);

    await tf.destroy({ vars });
    expect((await tf.state()).values).toBeUndefined();
    // About fifteen terraform runs in one life cycle: the first run of the suite on a busy
    // machine (cold caches, load 10 on 2 cores) crossed the 60 s default.
  }, 180_000);

  it.each(['validate', 'plan'] as const)('rejects every invalid configuration at %s, naming the attribute, with no API request', async (stage) => {
    const cases = invalidCases.filter((entry) => entry.stage === stage);
    const { hcl, addresses } = invalidConfiguration(cases);
    const tf = await harness.workspace({ 'main.tf': hcl });
    await tf.init();
    const before = harness.local.requestCount();
    const result = await tf.plan({ check: false });
    expect(harness.local.requestCount()).toBe(before);
    expect(result.exitCode).toBe(1);
    const errors = reportedErrors(result.stderr);
    const problems: string[] = [];
    for (const [address, entry] of addresses) {
      const mine = errors.filter((reported) => reported.address === address);
      if (mine.length !== 1) problems.push(`${entry.name}: ${mine.length} errors`);
      else if (!entry.message.test(mine[0]?.flat ?? '')) problems.push(`${entry.name}: message ${mine[0]?.text}`);
      else if (!new RegExp(`^\\s*\\d+:\\s+${entry.attribute}\\b`, 'm').test(mine[0]?.text ?? ''))
        problems.push(`${entry.name}: not at ${entry.attribute}: ${mine[0]?.text}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses zones and scheduling_class at plan on Cozystack v1.6.2, naming each, pointing to the namespace label', async () => {
    const tf = await harness.workspace({
      'main.tf':
        'resource "hikube_postgres_cluster" "c1" {\n  name  = "c1"\n  zones = ["gland", "lucerne"]\n}\n' +
        'resource "hikube_postgres_cluster" "c2" {\n  name             = "c2"\n  scheduling_class = "spread"\n}\n',
    });
    await tf.init();
    const refused = await tf.plan({ check: false });
    expect(refused.exitCode).toBe(1);
    const errors = reportedErrors(refused.stderr);
    expect(errors.map((error) => error.address).sort()).toEqual(['hikube_postgres_cluster.c1', 'hikube_postgres_cluster.c2']);
    for (const [address, attribute] of [
      ['hikube_postgres_cluster.c1', 'zones'],
      ['hikube_postgres_cluster.c2', 'scheduling_class'],
    ] as const) {
      const error = errors.find((reported) => reported.address === address);
      expect(error?.text).toMatch(new RegExp(`^\\s*\\d+:\\s+${attribute}\\b`, 'm'));
      expect(error?.flat).toMatch(
        /no per-cluster field spec\.schedulingClass .*chosen by the label scheduler\.cozystack\.io\/scheduling-class on its namespace, which the platform administrator sets/,
      );
    }
  });

  const brokenProviders: { name: string; given: string; want: RegExp }[] = [
    { name: 'missing kubeconfig', given: 'kubeconfig_path = "/nonexistent/kubeconfig"', want: /\/nonexistent\/kubeconfig/ },
    { name: 'host that is not a URL', given: 'host = "api.hikube"\n  token = "t"', want: /host "api.hikube" is not a URL/ },
    { name: 'certificate without key', given: 'host = "https://127.0.0.1:1"\n  client_certificate = "PEM"', want: /set client_key/ },
  ];
  it.each(brokenProviders)('a broken provider configuration ($name) is one clear diagnostic', async ({ given, want }) => {
    const tf = await harness.workspace({
      'provider.tf':
        `terraform {\n  required_providers {\n    hikube = { source = "hikube/hikube", version = ` +
        `"0.1.0" }\n  }\n}\n\nprovider "hikube" {\n  ${given}\n}\n`,
      'main.tf': 'resource "hikube_postgres_cluster" "a" {\n  name = "a"\n}\n',
    });
    await tf.init();
    const result = await tf.plan({ check: false });
    expect(result.exitCode).toBe(1);
    const errors = result.stderr.match(/Error: /g) ?? [];
    expect(errors).toHaveLength(1);
    expect(result.stderr).toContain('Invalid provider configuration');
    expect(result.stderr.replace(/\s+/g, ' ')).toMatch(want);
    expect(result.stderr).not.toMatch(/\bat .*\.(js|cjs|ts):\d+/);
  });

  it('prints with `terraform-provider-hikube schema` the document `terraform providers schema -json` prints', async () => {
    const ours = JSON.parse((await run(harness.executable, ['schema'])).stdout) as Record<string, unknown>;
    const tf = await harness.workspace({ 'main.tf': '' });
    await tf.init();
    const theirs = JSON.parse((await tf.run(['providers', 'schema', '-json'])).stdout) as Record<string, unknown>;
    expect(ours).toEqual(theirs);
  });

  it('has at least 25 invalid configurations', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(25);
  });
});

describe('hikube_postgres_cluster placement on a platform whose schema has spec.schedulingClass (Hikube Local --extra-postgres-field schedulingClass)', () => {
  let harness: Harness;
  let failed = false;
  beforeAll(async () => {
    harness = await startHarness('deterministic', { extraPostgresFields: ['schedulingClass'] });
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await harness?.stop(failed);
  });

  it(
    'chooses an existing SchedulingClass for zones, applies it as spec.schedulingClass, and plans a ' + 'zone no class names as an error, creating no class',
    async () => {
      const kubectl = await Kubectl.create({ kubeconfig: harness.local.kubeconfigPath });
      const classNames = async () => (await kubectl.run(['get', 'schedulingclasses', '-o', 'name'])).stdout;
      try {
        const before = await classNames();
        const tf = await harness.workspace({ 'main.tf': 'resource "hikube_postgres_cluster" "pair" {\n  name  = "pair"\n  zones = ["lucerne", "gland"]\n}\n' });
        await tf.init();
        const chosen = await tf.plan({ out: true });
        expect((findResourceChange(chosen.plan!, 'hikube_postgres_cluster.pair').change.after as Record<string, unknown>)['scheduling_class']).toBe(
          'gland-lucerne',
        );
        await tf.apply({ planFile: chosen.planFile! });
        expect((await kubectl.run(['get', 'postgres', 'pair', '-o', 'jsonpath={.spec.schedulingClass}'])).stdout).toBe('gland-lucerne');
        expect((await tf.plan()).changes).toBe(false);
        // one zone: allowed, with a warning
        await tf.writeFiles({ 'main.tf': 'resource "hikube_postgres_cluster" "pair" {\n  name  = "pair"\n  zones = ["gland"]\n}\n' });
        const warned = await tf.plan();
        expect(`${warned.stdout}\n${warned.stderr}`.replace(/\s+/g, ' ')).toMatch(/Warning: All instances in one zone.*Every instance runs in gland/);
        await tf.writeFiles({ 'main.tf': 'resource "hikube_postgres_cluster" "pair" {\n  name  = "pair"\n  zones = ["gland", "zurich"]\n}\n' });
        const refused = await tf.plan({ check: false });
        expect(refused.exitCode).toBe(1);
        const [error] = reportedErrors(refused.stderr);
        expect(error?.flat).toMatch(/"zurich" is not a zone any SchedulingClass names\. Zones: geneva, gland, lucerne\./);
        expect(error?.text).toMatch(/^\s*\d+:\s+zones\b/m);
        // Tenants only read classes: nothing was made.
        expect(await classNames()).toBe(before);
        await tf.writeFiles({ 'main.tf': 'resource "hikube_postgres_cluster" "pair" {\n  name  = "pair"\n  zones = ["lucerne", "gland"]\n}\n' });
        await tf.destroy();
      } finally {
        await kubectl.dispose();
      }
    },
  );
});
