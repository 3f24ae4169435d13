// The provider on Hikube's public API, end to end: the real terraform (provider from a filesystem
// mirror) against Hikube Local's public front with the engine driver (real PostgreSQL). The
// documented examples are what runs: a 3-replica quorum cluster, a database and a user.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectionString, createPublicClient, type PublicClient } from '@hikube/sdk/public';
import type { PublicRequestEntry } from '@hikube/local';
import { findResourceChange, findStateResource, type TerraformWorkspace } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../build/build-executable.js';
import { startHarness, type Harness } from './harness.js';
import { installedMajor, postgresProcesses, postgresProcessesAfterStop, psql } from './real-postgres.js';
import { reportedErrors } from './invalid-configurations.js';
import { publicInvalidCases, publicInvalidConfiguration } from './public-invalid-configurations.js';

const example = (path: string) => readFileSync(join(packageRoot, 'examples', 'resources', path), 'utf8');

// The engine runs the installed major; the public API takes v15 to v18.
const major = installedMajor;

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`the example no longer contains ${pattern}`);
  return text.replace(pattern, replacement);
}

const files = (options: { maxConnections?: number; passwordVersion?: number | null } = {}) => ({
  'cluster.tf': replaceOnce(
    replaceOnce(example('hikube_postgres_cluster/public-api.tf'), /version\s+= "v17"/, `version = "${major}"`),
    /max_connections\s+= 200/,
    `max_connections = ${options.maxConnections ?? 200}`,
  ),
  'database.tf': example('hikube_postgres_database/resource.tf'),
  'user.tf':
    options.passwordVersion === null
      ? replaceOnce(example('hikube_postgres_user/resource.tf'), /\n\s*password_version = 1[^\n]*/, '')
      : replaceOnce(example('hikube_postgres_user/resource.tf'), /password_version = 1/, `password_version = ${options.passwordVersion ?? 1}`),
});

describe("the provider on Hikube's public API, with real PostgreSQL (engine driver)", { timeout: 240_000 }, () => {
  let harness: Harness;
  let tf: TerraformWorkspace;
  let api: PublicClient;
  let failed = false;
  let password = '';

  /** The public API's requests made while `action` ran. */
  async function requestsDuring(action: () => Promise<unknown>): Promise<PublicRequestEntry[]> {
    const before = harness.local.publicApiRequests().length;
    await action();
    return harness.local.publicApiRequests().slice(before);
  }
  const mutating = (entries: PublicRequestEntry[]) =>
    entries.filter((entry) => entry.mutating).map((entry) => `${entry.method} ${entry.operationId ?? entry.path}`);

  /**
   * How a customer connects: the cluster's own `host` (port 5432) over TLS, the certificate
   * verified against Hikube Local's CA (HIKUBE_CA_CERT). Failovers keep the same address.
   */
  async function primaryUri(user: string, secret: string, database: string): Promise<string> {
    const cluster = await api.postgres.clusters.get('orders');
    const caFile = join(harness.local.dataDir, 'pki', 'ca.crt');
    return connectionString(cluster, { user, password: secret, database }).replace(
      'sslmode=require',
      `sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`,
    );
  }

  beforeAll(async () => {
    harness = await startHarness('engine');
    const local = harness.local;
    api = createPublicClient({ baseUrl: local.url, apiKey: local.publicApi.adminKey, projectId: local.publicApi.project.id, ca: local.caCertPem, env: {} });
    tf = await harness.workspace(files(), { api: 'public' });
    await tf.init();
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await api?.close();
    await harness?.stop(failed);
  });

  it('refuses at plan every invalid configuration, on its attribute, and calls no mutating endpoint', async () => {
    expect(publicInvalidCases.length).toBeGreaterThanOrEqual(20);
    const { hcl, addresses } = publicInvalidConfiguration(publicInvalidCases);
    const invalid = await harness.workspace({ 'main.tf': hcl }, { api: 'public' });
    await invalid.init();
    let result: { exitCode: number | null; stderr: string } = { exitCode: 0, stderr: '' };
    const requests = await requestsDuring(async () => (result = await invalid.plan({ check: false })));
    expect(mutating(requests)).toEqual([]);
    expect(result.exitCode).toBe(1);
    const errors = reportedErrors(result.stderr);
    const problems: string[] = [];
    for (const [address, entry] of addresses) {
      const mine = errors.filter((reported) => reported.address === address);
      if (mine.length !== 1) problems.push(`${entry.name}: ${mine.length} errors ${mine.map((m) => m.flat).join(' | ')}`);
      else if (!entry.message.test(mine[0]?.flat ?? '')) problems.push(`${entry.name}: message ${mine[0]?.text}`);
      else if (
        entry.absent === true
          ? !(mine[0]?.flat ?? '').includes(entry.attribute)
          : !new RegExp(`^\\s*\\d+:\\s+${entry.attribute}\\b`, 'm').test(mine[0]?.text ?? '')
      ) {
        problems.push(`${entry.name}: not at ${entry.attribute}: ${mine[0]?.text}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses a provider configured for both APIs, in one diagnostic that never shows the key', async () => {
    const both = await harness.workspace(
      {
        'main.tf':
          `terraform {\n  required_providers {\n    hikube = { source = "hikube/hikube" }\n  ` +
          `}\n}\nprovider "hikube" {\n  kubeconfig_path = ` +
          `${JSON.stringify(harness.local.kubeconfigPath)}\n}\ndata ` +
          `"hikube_postgres_presets" "all" {}\n`,
      },
      { ownProviderBlock: true },
    );
    await both.init();
    const result = await both.plan({
      check: false,
      env: { HIKUBE_API_KEY: harness.local.publicApi.adminKey, HIKUBE_PROJECT_ID: harness.local.publicApi.project.id },
    });
    const errors = reportedErrors(result.stderr);
    expect(errors.map((error) => error.flat)).toEqual([
      expect.stringMatching(
        /Invalid provider configuration .*Both the public API \(api_key, project_id\) and the Kubernetes API \(kubeconfig_path\) are configured/,
      ) as string,
    ]);
    expect(`${result.stdout}${result.stderr}`).not.toContain(harness.local.publicApi.adminKey.split('_').at(-1));
  });

  it('plans the cluster, database and user without a mutating request, applies, and plans nothing after', async () => {
    let plan: Awaited<ReturnType<TerraformWorkspace['plan']>> | undefined;
    expect(mutating(await requestsDuring(async () => (plan = await tf.plan({ out: true }))))).toEqual([]);
    expect(findResourceChange(plan!.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['create']);
    expect(findStateResource(plan!.plan!.planned_values, 'hikube_postgres_cluster.orders').values).toMatchObject({
      replicas: 3,
      sync_mode: 'quorum',
      min_sync_replicas: 1,
      max_sync_replicas: 1,
      max_connections: 200,
      external: true,
    });
    const applied = await tf.apply({ planFile: plan!.planFile! });
    const again = await requestsDuring(async () => expect((await tf.plan()).changes).toBe(false));
    expect(mutating(again)).toEqual([]);

    const state = await tf.state();
    const user = findStateResource(state.values!, 'hikube_postgres_user.app').values;
    password = String(user['password']);
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(findStateResource(state.values!, 'hikube_postgres_cluster.orders').values).toMatchObject({ status: 'ready', id: 'orders' });
    // The key stays in the environment: not in state, not in Terraform's or the provider's log.
    const secret = harness.local.publicApi.adminKey;
    expect(await tf.stateFile()).not.toContain(secret);
    expect(readFileSync(applied.logFile ?? '', 'utf8')).not.toContain(secret);
    expect(readFileSync(applied.logFile ?? '', 'utf8')).not.toContain(password);

    // The platform's generated password logs in on the real PostgreSQL, through the cluster's own
    // address with TLS (the same `host` as in state), into the database with its extension.
    const host = (await api.postgres.clusters.get('orders')).host;
    expect(host).toMatch(/^127\.0\.0\.\d+/);
    expect(findStateResource(state.values!, 'hikube_postgres_cluster.orders').values).toMatchObject({ host });
    const uri = await primaryUri('app', password, 'shop');
    expect(await psql(uri, 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).toBe('t');
    expect(await psql(uri, 'SELECT current_user')).toBe('app');
    expect(await psql(uri, "SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'")).toBe('pgcrypto');
  });

  it('changes max_connections without resetting external or the quorum; drift made through the API shows and is reverted', async () => {
    await tf.writeFiles(files({ maxConnections: 300 }));
    const change = await tf.plan({ out: true });
    expect(findResourceChange(change.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['update']);
    await tf.apply({ planFile: change.planFile! });
    const cluster = await api.postgres.clusters.get('orders');
    expect(cluster).toMatchObject({ config: { maxConnections: 300 }, external: true, quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 }, replicas: 3 });
    expect(await psql(await primaryUri('app', password, 'shop'), 'SHOW max_connections')).toBe('300');
    expect((await tf.plan()).changes).toBe(false);

    // Someone turns external access off with curl: the next plan puts it back, and only that.
    await api.postgres.clusters.update('orders', { external: false });
    const drift = await tf.plan({ out: true });
    const diff = findResourceChange(drift.plan!, 'hikube_postgres_cluster.orders').change;
    expect(diff.actions).toEqual(['update']);
    expect([(diff.before as Record<string, unknown>)['external'], (diff.after as Record<string, unknown>)['external']]).toEqual([false, true]);
    await tf.apply({ planFile: drift.planFile! });
    expect(await api.postgres.clusters.get('orders')).toMatchObject({
      external: true,
      config: { maxConnections: 300 },
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    });
  });

  it('rotates the password in place: the plan warns, the old one stops working, the new one logs in', async () => {
    await tf.writeFiles(files({ maxConnections: 300, passwordVersion: 2 }));
    const rotation = await tf.plan({ out: true });
    expect(findResourceChange(rotation.plan!, 'hikube_postgres_user.app').change.actions).toEqual(['update']);
    expect(`${rotation.stdout}${rotation.stderr}`.replace(/[│\s]+/g, ' ')).toMatch(/Warning: Password rotation .*the old password stops working at once/);
    await tf.apply({ planFile: rotation.planFile! });
    const rotated = String(findStateResource((await tf.state()).values!, 'hikube_postgres_user.app').values['password']);
    expect(rotated).not.toBe(password);
    await expect(psql(await primaryUri('app', password, 'shop'), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    expect(await psql(await primaryUri('app', rotated, 'shop'), 'SELECT current_user')).toBe('app');
    password = rotated;
    expect((await tf.plan()).changes).toBe(false);
  });

  it('plans a change from 3 replicas to 1 as a replacement, saying why, without a mutating request', async () => {
    const standalone = files({ maxConnections: 300, passwordVersion: 2 });
    const cluster = replaceOnce(
      replaceOnce(replaceOnce(standalone['cluster.tf'], /replicas\s+= 3/, 'replicas = 1'), /sync_mode\s+= "quorum"/, 'sync_mode = "async"'),
      /\n\s*max_sync_replicas\s+= 1/,
      '',
    );
    await tf.writeFiles({ ...standalone, 'cluster.tf': cluster });
    let plan: Awaited<ReturnType<TerraformWorkspace['plan']>> | undefined;
    expect(mutating(await requestsDuring(async () => (plan = await tf.plan({ out: true }))))).toEqual([]);
    expect(findResourceChange(plan!.plan!, 'hikube_postgres_cluster.orders').change.actions).toEqual(['delete', 'create']);
    expect(`${plan!.stdout}${plan!.stderr}`.replace(/[│\s]+/g, ' ')).toMatch(
      /Warning: Cluster will be replaced .*replicas goes from 3 to 1: .*refuses the switch \(code 80201\)/,
    );
    await tf.writeFiles(standalone);
  });

  it('imports the cluster, the database and the user into an empty state, with an empty plan after', async () => {
    // An imported user has no password in state until rotated, so its rotation trigger is left out.
    const fresh = await harness.workspace(files({ maxConnections: 300, passwordVersion: null }), { api: 'public' });
    await fresh.writeImports([
      { to: 'hikube_postgres_cluster.orders', id: 'orders' },
      { to: 'hikube_postgres_database.shop', id: 'orders/shop' },
      { to: 'hikube_postgres_user.app', id: 'orders/app' },
    ]);
    await fresh.init();
    let imported: Awaited<ReturnType<TerraformWorkspace['plan']>> | undefined;
    expect(mutating(await requestsDuring(async () => (imported = await fresh.plan({ out: true }))))).toEqual([]);
    for (const address of ['hikube_postgres_cluster.orders', 'hikube_postgres_database.shop', 'hikube_postgres_user.app']) {
      expect(findResourceChange(imported!.plan!, address).change.actions).toEqual(['no-op']);
    }
    await fresh.apply({ planFile: imported!.planFile! });
    await fresh.removeFile('imports.tf');
    expect((await fresh.plan()).changes).toBe(false);
    expect(findStateResource((await fresh.state()).values!, 'hikube_postgres_user.app').values['password']).toBeNull();
  });

  it('destroys everything: no cluster left in the project, no postgres process', async () => {
    const dataDir = join(harness.dir.path, 'l');
    expect((await postgresProcesses(dataDir)).length).toBeGreaterThan(0);
    await tf.destroy();
    expect((await tf.state()).values).toBeUndefined();
    expect(await api.postgres.clusters.list()).toEqual([]);
    expect(await postgresProcessesAfterStop(dataDir)).toEqual([]);
  });
});
