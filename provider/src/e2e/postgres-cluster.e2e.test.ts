import { Kubectl, findResourceChange } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { invalidCases, invalidConfiguration, reportedErrors } from './invalid-configurations.js';

const cluster = (replicas: number, placement = 'zones = ["gland", "lucerne", "geneva"]', ciUser = 'ci  = { password_wo = var.ci_password, password_wo_version = 1 }') => `
variable "ci_password" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = null
}

resource "hikube_postgres_cluster" "orders" {
  name              = "orders"
  version           = "v18"
  replicas          = ${replicas}
  sync_mode         = "quorum"
  max_sync_replicas = 1
  ${placement}
  storage_size      = "10Gi"

  users = {
    app = {}
    bi  = { password = "bi-password-1" }
    ${ciUser}
  }

  databases = {
    shop = { admin = ["app"], readonly = ["bi"], extensions = ["pgcrypto"] }
  }
}

output "rw" {
  value     = hikube_postgres_cluster.orders.connection_uris["app"].rw
  sensitive = true
}
`;

const ciPassword = 'write-only-ci-secret';
const vars = { ci_password: ciPassword };
const applyEnv = { TF_VAR_ci_password: ciPassword };

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

  it('creates, scales in place, shows drift, imports and destroys', async () => {
    const tf = await harness.workspace({ 'main.tf': cluster(3) });
    await tf.init();

    const first = await tf.plan({ out: true, vars });
    expect(findResourceChange(first.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['create']);
    await tf.apply({ planFile: first.planFile!, env: applyEnv });
    expect((await tf.plan({ vars })).changes).toBe(false);

    expect(await tf.stateFile()).not.toContain(ciPassword);
    const outputs = await tf.output();
    expect(String(outputs['rw']?.value)).toMatch(/^postgresql:\/\/app:[A-Za-z0-9]{16}@[^:/]+:\d+\/shop$/);

    // replicas 3 -> 5 in place, then nothing left to do
    await tf.writeFiles({ 'main.tf': cluster(5) });
    const scale = await tf.plan({ out: true, vars });
    expect(findResourceChange(scale.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['update']);
    await tf.apply({ planFile: scale.planFile!, env: applyEnv });
    expect((await tf.plan({ vars })).changes).toBe(false);

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
    await tf.writeFiles({ 'main.tf': cluster(5).replace('shop = { admin = ["app"], readonly = ["bi"], extensions = ["pgcrypto"] }', '') });
    const refused = await tf.plan({ vars, check: false });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/This change drops database\s+"shop"/);
    await tf.writeFiles({ 'main.tf': cluster(5) });

    // import into an empty state with an import block: nothing to change afterwards
    const state = JSON.parse((await tf.stateFile()) ?? '{}') as { resources: { instances: { attributes: { scheduling_class: string } }[] }[] };
    const schedulingClass = state.resources[0]?.instances[0]?.attributes.scheduling_class ?? '';
    const imported = await harness.workspace({ 'main.tf': cluster(5, `scheduling_class = "${schedulingClass}"`, 'ci  = {}') });
    await imported.init();
    await imported.writeImports([{ to: 'hikube_postgres_cluster.orders', id: 'tenant-demo/orders' }]);
    await imported.apply();
    expect((await imported.plan()).changes).toBe(false);

    await tf.destroy({ vars });
    expect((await tf.state()).values).toBeUndefined();
  });

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
      else if (!new RegExp(`^\\s*\\d+:\\s+${entry.attribute}\\b`, 'm').test(mine[0]?.text ?? '')) problems.push(`${entry.name}: not at ${entry.attribute}: ${mine[0]?.text}`);
    }
    expect(problems).toEqual([]);
  });

  it('has at least 25 invalid configurations', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(25);
  });
});
