// Issue 14 section 3 on the Cozystack backend, in one flow: the real terraform against Hikube
// Local's Kubernetes API (engine driver, real PostgreSQL) with a cluster and separate
// hikube_postgres_database / hikube_postgres_user resources sharing it.
import { findResourceChange, Kubectl, type TerraformWorkspace } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { installedMajor, psql } from './real-postgres.js';

const config = (passwordVersion: number, withApp = true, clusterUsers = '') => `
resource "hikube_postgres_cluster" "orders" {
  name                = "orders"
  version             = "${installedMajor}"
  replicas            = 1
  deletion_protection = false
  ${clusterUsers}
}

resource "hikube_postgres_database" "shop" {
  cluster    = hikube_postgres_cluster.orders.name
  name       = "shop"
  extensions = ["pg_trgm"]
}
${
  withApp
    ? `
resource "hikube_postgres_user" "app" {
  cluster          = hikube_postgres_cluster.orders.name
  name             = "app"
  databases        = { (hikube_postgres_database.shop.name) = "admin" }
  password_version = ${passwordVersion}
}

output "app_password" {
  value     = hikube_postgres_user.app.password
  sensitive = true
}
`
    : ''
}
resource "hikube_postgres_user" "bi" {
  cluster   = hikube_postgres_cluster.orders.name
  name      = "bi"
  databases = { (hikube_postgres_database.shop.name) = "readonly" }
}

output "rw" {
  value = hikube_postgres_cluster.orders.endpoints.rw
}
`;

describe('hikube_postgres_database and hikube_postgres_user on the Cozystack Kubernetes API (engine driver)', () => {
  let harness: Harness;
  let kubectl: Kubectl;
  let failed = false;
  beforeAll(async () => {
    harness = await startHarness('engine');
    kubectl = await Kubectl.create({ kubeconfig: harness.local.kubeconfigPath });
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await kubectl?.dispose();
    await harness?.stop(failed);
  });

  // The raw state file instead of `terraform output`/`show`: one terraform process fewer each time.
  const rawState = async (workspace: TerraformWorkspace) =>
    JSON.parse((await workspace.stateFile()) ?? '{}') as { outputs?: Record<string, { value: unknown }>; resources?: unknown[] };
  const spec = async () =>
    JSON.parse((await kubectl.run(['get', 'postgres', 'orders', '-o', 'json'])).stdout) as {
      metadata: { annotations?: Record<string, string> };
      spec: Record<string, Record<string, unknown>>;
    };

  // The steps share one cluster, in order (each within the suite's per-test timeout).
  let tf: TerraformWorkspace;
  let imported: TerraformWorkspace;
  let rw: { host: string; port: number };
  let first = '';
  let second = '';
  const uri = (password: string) => `postgresql://app:${encodeURIComponent(password)}@${rw.host}:${rw.port}/shop`;

  it('applies a cluster, a database with an extension and two users; each wrote only its own entry; psql connects with the password', async () => {
    tf = await harness.workspace({ 'main.tf': config(1) });
    await tf.init();
    await tf.apply();
    const next = await tf.plan();
    expect(next.changes, next.stdout).toBe(false);

    // The grants of both users sit under the database, each written by its own user.
    const applied = await spec();
    expect(applied.spec['users']).toEqual({ app: { replication: false }, bi: { replication: false } });
    expect(applied.spec['databases']).toEqual({ shop: { extensions: ['pg_trgm'], roles: { admin: ['app'], readonly: ['bi'] } } });
    expect(applied.metadata.annotations?.['hikube.cloud/terraform-inline-maps']).toBe('none');

    const outputs = (await rawState(tf)).outputs ?? {};
    rw = outputs['rw']?.value as { host: string; port: number };
    first = String(outputs['app_password']?.value);
    expect(first).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(await psql(uri(first), "SELECT current_user || ' ' || (SELECT extname FROM pg_extension WHERE extname = 'pg_trgm')")).toBe('app pg_trgm');
  });

  it('rotates: the plan warns, the old password stops working, the new one works', async () => {
    await tf.writeFiles({ 'main.tf': config(2) });
    const rotation = await tf.plan({ out: true });
    expect(findResourceChange(rotation.plan!, 'hikube_postgres_user.app').change.actions).toEqual(['update']);
    expect(`${rotation.stdout}${rotation.stderr}`.replace(/\s+/g, ' ')).toMatch(/Password rotation.*the old password stops working at once/);
    await tf.apply({ planFile: rotation.planFile! });
    second = String((await rawState(tf)).outputs?.['app_password']?.value);
    expect(second).not.toBe(first);
    await expect(psql(uri(first), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    expect(await psql(uri(second), 'SELECT current_user')).toBe('app');
  });

  it('imports the cluster, the database and both users into an empty state with an empty plan', async () => {
    imported = await harness.workspace({ 'main.tf': config(2) });
    await imported.init();
    await imported.writeImports([
      { to: 'hikube_postgres_cluster.orders', id: 'tenant-demo/orders' },
      { to: 'hikube_postgres_database.shop', id: 'orders/shop' },
      { to: 'hikube_postgres_user.app', id: 'orders/app' },
      { to: 'hikube_postgres_user.bi', id: 'orders/bi' },
    ]);
    await imported.apply();
    expect((await imported.plan()).changes).toBe(false);
    expect(await imported.stateFile()).toContain(second);
  });

  it("removes one user without touching the cluster's other keys; no drift on the cluster; the other state forgets it", async () => {
    await tf.writeFiles({ 'main.tf': config(2, false) });
    await tf.apply();
    const removed = await spec();
    expect(removed.spec['users']).toEqual({ bi: { replication: false } });
    expect(removed.spec['databases']).toEqual({ shop: { extensions: ['pg_trgm'], roles: { admin: [], readonly: ['bi'] } } });
    expect((await tf.plan()).changes).toBe(false);
    // Removed elsewhere: the import workspace's refresh drops it from state and plans it again.
    const gone = await imported.plan({ out: true });
    expect(findResourceChange(gone.plan!, 'hikube_postgres_user.app').change.actions).toEqual(['create']);
  });

  it('refuses at plan a new separate user on a cluster that manages its users inline, warns on the existing one; destroys', async () => {
    await tf.writeFiles({ 'main.tf': config(2, false, 'users = {}') });
    await tf.apply();
    const ci = `resource "hikube_postgres_user" "ci" {\n  cluster = hikube_postgres_cluster.orders.name\n  name    = "ci"\n}\n`;
    await tf.writeFiles({ 'ci.tf': ci });
    const refused = await tf.plan({ check: false });
    expect(refused.exitCode).toBe(1);
    const text = refused.stderr.replace(/\s+/g, ' ');
    expect(text).toMatch(/Error: Cluster manages its users inline with hikube_postgres_user\.ci.*hikube_postgres_cluster "orders" sets users inline/);
    expect(`${refused.stdout}${refused.stderr}`.replace(/\s+/g, ' ')).toMatch(/Warning: Cluster manages its users inline with hikube_postgres_user\.bi/);
    await tf.removeFile('ci.tf');

    await tf.destroy();
    expect((await rawState(tf)).resources).toEqual([]);
    expect((await kubectl.run(['get', 'postgres', '-o', 'name'])).stdout.trim()).toBe('');
  });
});
