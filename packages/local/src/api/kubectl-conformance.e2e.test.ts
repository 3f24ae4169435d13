// Conformance with the real kubectl: apply the docs-modeled manifests, read them back in table and
// YAML form, describe, patch, server-side apply with a conflict, wait, watch, delete, reject bad
// input naming the field, and enforce tenancy. The server is Hikube Local over HTTPS with the
// kubeconfig that `hikube-local kubeconfig` prints.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kubectl } from '@hikube/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

const manifests = fileURLToPath(new URL('../../testdata/manifests/', import.meta.url));
const manifest = (name: string): string => join(manifests, name);

let dir: string;
let local: HikubeLocal;
let runner: Kubectl;
// Failures are results here: several cases assert kubectl's own error output.
const kubectl = (...args: string[]) => runner.run(args, { check: false });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-local-kubectl-'));
  local = await startHikubeLocal({ dataDir: join(dir, 'data'), port: 0, driver: 'deterministic', recordServerInfo: true });
  let text = '';
  const code = await runCli(['kubeconfig', '--data-dir', local.dataDir], { stdout: (s) => (text += s), stderr: () => undefined });
  expect(code).toBe(0);
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, text, { mode: 0o600 });
  runner = await Kubectl.create({ kubeconfig });
});

afterAll(async () => {
  await runner?.dispose();
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kubectl against Hikube Local', () => {
  it('applies the quick start, production and development manifests', async () => {
    for (const [file, name] of [
      ['quick-start.yaml', 'quickstart'],
      ['production.yaml', 'production'],
      ['development.yaml', 'dev'],
    ] as const) {
      const r = await kubectl('apply', '-f', manifest(file));
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`postgres.apps.cozystack.io/${name} created\n`);
    }
  });

  it('waits for Ready', async () => {
    const r = await kubectl('wait', '--for=condition=Ready', 'postgres/quickstart', 'postgres/production', 'postgres/dev', '--timeout=30s');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('prints NAME READY AGE VERSION like Hikube', async () => {
    const r = await kubectl('get', 'postgreses');
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header?.split(/\s+/)).toEqual(['NAME', 'READY', 'AGE', 'VERSION']);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(['dev', 'production', 'quickstart']);
    for (const row of rows) expect(row).toMatch(/\sTrue\s.*0\.18\.0$/);
    const short = await kubectl('get', 'pg', '-l', 'env=prod', '-o', 'name');
    expect(short.stdout).toBe('postgres.apps.cozystack.io/production\n');
  });

  it('returns the defaulted spec and the platform status in -o yaml', async () => {
    const r = await kubectl('get', 'postgres', 'dev', '-o', 'yaml');
    const obj = parse(r.stdout) as {
      metadata: Record<string, unknown>;
      spec: Record<string, unknown>;
      status: { conditions: { type: string; status: string; reason: string }[] } & Record<string, unknown>;
    };
    expect(obj.spec).toMatchObject({ replicas: 1, version: 'v18', storageClass: '', external: false, postgresql: { parameters: { max_connections: '100' } } });
    expect(obj.metadata).toMatchObject({ generation: 1, namespace: 'tenant-demo' });
    expect(obj.metadata['uid']).toMatch(/^[0-9a-f-]{36}$/);
    // As Cozystack reports it: the HelmRelease's Ready and Released, WorkloadsReady, no observedGeneration.
    expect(obj.status.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Ready', 'True', 'InstallSucceeded'],
      ['Released', 'True', 'InstallSucceeded'],
      ['WorkloadsReady', 'True', 'WorkloadMonitorCheck'],
    ]);
    expect(obj.status).not.toHaveProperty('observedGeneration');
    for (const condition of obj.status.conditions) expect(condition).not.toHaveProperty('observedGeneration');
  });

  it('shows the owned pods, services and credentials', async () => {
    const pods = await kubectl('get', 'pods', '-l', 'cnpg.io/cluster=postgres-production', '-o', 'json');
    const items = (JSON.parse(pods.stdout) as { items: { metadata: { name: string; labels: Record<string, string> }; spec: { nodeName: string } }[] }).items;
    // No zone label on pods, as on the platform: the node's name tells the site.
    expect(
      items.map((p) => [p.metadata.name, p.spec.nodeName, p.metadata.labels['topology.kubernetes.io/zone'], p.metadata.labels['cnpg.io/instanceRole']]),
    ).toEqual([
      ['postgres-production-1', 'gld-worker-1', undefined, 'primary'],
      ['postgres-production-2', 'luc-worker-1', undefined, 'replica'],
      ['postgres-production-3', 'plo-worker-1', undefined, 'replica'],
    ]);
    const svc = await kubectl('get', 'svc', '-l', 'app.kubernetes.io/instance=postgres-quickstart');
    expect(svc.stdout.split('\n')[0]?.split(/\s{2,}/)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(svc.stdout).toMatch(/postgres-quickstart-external-write\s+LoadBalancer\s+127\.0\.0\.1\s+127\.0\.0\.1\s+5432\/TCP/);
    for (const suffix of ['rw', 'ro', 'r']) expect(svc.stdout).toMatch(new RegExp(`postgres-quickstart-${suffix}\\s+ClusterIP\\s+127\\.0\\.0\\.1`));
    const secret = await kubectl('get', 'secret', 'postgres-quickstart-credentials', '-o', 'json');
    const data = (JSON.parse(secret.stdout) as { data: Record<string, string> }).data;
    expect(Buffer.from(data['appadmin'] as string, 'base64').toString()).toBe('qs-admin-secret');
    expect(Buffer.from(data['cdc'] as string, 'base64').toString()).toMatch(/^[A-Za-z0-9]{16}$/);
    const tenantSecret = await kubectl('get', 'tenantsecret', 'postgres-quickstart-credentials', '-o', 'jsonpath={.data.reporting}');
    expect(Buffer.from(tenantSecret.stdout, 'base64').toString()).toBe('qs-reporting-secret');
  });

  it('explains the schema from the SDK document', async () => {
    const r = await kubectl('explain', 'postgres.spec.quorum');
    expect(r.stdout).toMatch(/FIELD:\s+quorum <PostgresQuorum>/);
    expect(r.stdout).toMatch(/maxSyncReplicas/);
  });

  it('describes status and events', async () => {
    const r = await kubectl('describe', 'postgres', 'quickstart');
    expect(r.stdout).toMatch(/Status:\s*\n\s+Conditions:/);
    expect(r.stdout).toMatch(/Reason:\s+InstallSucceeded/);
    expect(r.stdout).toMatch(
      /Events:\s*\n\s+Type\s+Reason\s+Age\s+From\s+Message[\s\S]*Normal\s+Created\s+\S+\s+hikube-local\s+Cluster postgres-quickstart created/,
    );
  });

  it('merge-patches, reports no-op patches, and bumps generation once', async () => {
    expect((await kubectl('patch', 'pg', 'dev', '--type=merge', '-p', '{"spec":{"replicas":2}}')).stdout).toBe('postgres.apps.cozystack.io/dev patched\n');
    expect((await kubectl('patch', 'pg', 'dev', '--type=merge', '-p', '{"spec":{"replicas":2}}')).stdout).toBe(
      'postgres.apps.cozystack.io/dev patched (no change)\n',
    );
    // kubectl wait may return on the Ready=True left from before the patch, as on the platform: wait for the release instead.
    await local.idle();
    const r = await kubectl(
      'get',
      'pg',
      'dev',
      '-o',
      'jsonpath={.metadata.generation} {.status.conditions[?(@.type=="Ready")].reason} {.status.readyInstances}',
    );
    expect(r.stdout).toBe('2 UpgradeSucceeded 2');
    const json = await kubectl('patch', 'pg', 'dev', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":1}]');
    expect(json.stdout).toBe('postgres.apps.cozystack.io/dev patched\n');
    const smp = await kubectl('patch', 'pg', 'dev', '-p', '{"spec":{"replicas":1}}');
    expect(smp.stderr).toContain('application/strategic-merge-patch+json is not supported');
  });

  it('reports a server-side apply conflict and resolves it with --force-conflicts', async () => {
    expect((await kubectl('apply', '--server-side', '-f', manifest('production.yaml'))).exitCode).toBe(0);
    await kubectl('patch', 'pg', 'production', '--type=merge', '-p', '{"spec":{"replicas":5}}');
    const conflict = await kubectl('apply', '--server-side', '-f', manifest('production.yaml'));
    expect(conflict.exitCode).not.toBe(0);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl-patch" using apps.cozystack.io/v1alpha1: .spec.replicas');
    const forced = await kubectl('apply', '--server-side', '--force-conflicts', '-f', manifest('production.yaml'));
    expect(forced.stdout).toBe('postgres.apps.cozystack.io/production serverside-applied\n');
    expect((await kubectl('get', 'pg', 'production', '-o', 'jsonpath={.spec.replicas}')).stdout).toBe('3');
  });

  it('upgrades a client-side apply to server-side apply without conflicts', async () => {
    const file = join(dir, 'upgrade.yaml');
    const write = (replicas: number) =>
      writeFileSync(file, `apiVersion: apps.cozystack.io/v1alpha1\nkind: Postgres\nmetadata:\n  name: upgraded\nspec:\n  replicas: ${replicas}\n`);
    write(1);
    expect((await kubectl('apply', '-f', file)).stdout).toBe('postgres.apps.cozystack.io/upgraded created\n');
    write(2);
    const ssa = await kubectl('apply', '--server-side', '-f', file);
    expect(ssa.stderr).toBe('');
    expect(ssa.stdout).toBe('postgres.apps.cozystack.io/upgraded serverside-applied\n');
    expect((await kubectl('get', 'pg', 'upgraded', '-o', 'jsonpath={.spec.replicas}')).stdout).toBe('2');
    expect((await kubectl('delete', 'pg', 'upgraded')).exitCode).toBe(0);
  });

  it('streams changes to kubectl get -w', async () => {
    const watch = runner.start(['get', 'pg', 'quickstart', '-w', '--output-watch-events']);
    try {
      await watch.waitFor('quickstart');
      await kubectl('label', 'pg', 'quickstart', 'team=payments');
      await watch.waitFor('MODIFIED');
    } finally {
      await watch.stop();
    }
    expect(watch.output()).toMatch(/EVENT\s+NAME\s+READY\s+AGE\s+VERSION/);
  });

  it('kills an instance when its pod is deleted and brings it back', async () => {
    const before = await kubectl('get', 'pod', 'postgres-quickstart-2', '-o', 'jsonpath={.metadata.uid}');
    expect((await kubectl('delete', 'pod', 'postgres-quickstart-2')).stdout).toBe('pod "postgres-quickstart-2" deleted\n');
    await local.idle();
    const after = await kubectl('get', 'pod', 'postgres-quickstart-2', '-o', 'jsonpath={.metadata.uid}');
    expect(after.stdout).not.toBe(before.stdout);
    const events = await kubectl('get', 'events', '--field-selector', 'reason=InstanceKilled', '-o', 'name');
    expect(events.stdout.trim().split('\n')).toHaveLength(1);
  });

  const invalid: { name: string; yaml: string; want: RegExp }[] = [
    {
      name: 'name longer than 44 characters',
      yaml: 'metadata: {name: a-very-long-postgres-name-that-is-over-the-limit-x}\nspec: {}',
      want: /metadata\.name.*at most 44/,
    },
    { name: 'unknown field', yaml: 'metadata: {name: f}\nspec: {replicaz: 2}', want: /strict decoding error: unknown field "spec\.replicaz"/ },
    // Cozystack v1.6.2 (the default) has no per-cluster class: the namespace label chooses it.
    {
      name: 'a per-cluster class',
      yaml: 'metadata: {name: s}\nspec: {schedulingClass: spread}',
      want: /strict decoding error: unknown field "spec\.schedulingClass"/,
    },
  ];
  it.each(invalid)('rejects an invalid manifest: $name', async ({ yaml, want }) => {
    const file = join(dir, 'invalid.yaml');
    writeFileSync(file, `apiVersion: apps.cozystack.io/v1alpha1\nkind: Postgres\n${yaml}\n`);
    const r = await kubectl('apply', '-f', file);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(want);
  });

  // The aggregated API checks only the name: kubectl apply succeeds, and the install fails with
  // Helm's reason and its schema wording, the field named by its pointer in the values.
  const refusedByTheRelease: { name: string; yaml: string; want: RegExp }[] = [
    { name: 'forbidden postgres user', yaml: 'metadata: {name: u}\nspec: {users: {postgres: {}}}', want: /- at '\/users\/postgres': / },
    {
      name: 'blocked parameter',
      yaml: 'metadata: {name: p}\nspec: {postgresql: {parameters: {archive_command: "true"}}}',
      want: /- at '\/postgresql\/parameters\/archive_command': .*blocked/,
    },
    {
      name: 'quorum not below replicas',
      yaml: 'metadata: {name: q}\nspec: {replicas: 2, quorum: {minSyncReplicas: 1, maxSyncReplicas: 2}}',
      want: /- at '\/quorum\/maxSyncReplicas': /,
    },
    { name: 'unknown version', yaml: 'metadata: {name: v}\nspec: {version: v9}', want: /- at '\/version': / },
    {
      name: 'role naming an undeclared user',
      yaml: 'metadata: {name: r}\nspec: {databases: {app: {roles: {admin: [ghost]}}}}',
      want: /- at '\/databases\/app\/roles\/admin\/0': .*ghost/,
    },
  ];
  it.each(refusedByTheRelease)('accepts, then fails the install of: $name', async ({ yaml, want }) => {
    const file = join(dir, 'refused.yaml');
    writeFileSync(file, `apiVersion: apps.cozystack.io/v1alpha1\nkind: Postgres\n${yaml}\n`);
    const applied = await kubectl('apply', '-f', file);
    expect(applied.stdout).toMatch(/ created\n$/);
    await local.idle();
    const name = /name: (\w+)/.exec(yaml)?.[1] ?? '';
    const ready = await kubectl(
      'get',
      'pg',
      name,
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Ready")].status} {.status.conditions[?(@.type=="Ready")].reason}',
    );
    expect(ready.stdout).toBe('False InstallFailed');
    const message = await kubectl('get', 'pg', name, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].message}');
    expect(message.stdout).toMatch(
      new RegExp(
        `^Helm install failed for release tenant-demo/postgres-${name} with chart postgres@0\\.18\\.0: values don't meet the specifications of the schema`,
      ),
    );
    expect(message.stdout).toMatch(want);
    expect((await kubectl('get', 'pods', '-l', `cnpg.io/cluster=postgres-${name}`, '-o', 'name')).stdout).toBe('');
    expect((await kubectl('delete', '-f', file)).exitCode).toBe(0);
  });

  it('keeps storageClass immutable', async () => {
    const r = await kubectl('patch', 'pg', 'production', '--type=merge', '-p', '{"spec":{"storageClass":"local"}}');
    expect(r.stderr).toMatch(/spec\.storageClass.*immutable/);
  });

  const tenancy: { name: string; args: string[]; want: RegExp }[] = [
    { name: 'all-namespace list', args: ['get', 'pg', '-A'], want: /Forbidden.*cannot list resource "postgreses".*at the cluster scope/ },
    { name: 'another namespace', args: ['get', 'pg', '-n', 'default'], want: /Forbidden.*in the namespace "default"/ },
    { name: 'cluster-scoped write', args: ['delete', 'schedulingclass', 'gland'], want: /Forbidden.*cannot delete resource "schedulingclasses"/ },
    { name: 'wrong token', args: ['--token', 'not-a-token', 'get', 'pg'], want: /Unauthorized/ },
  ];
  it.each(tenancy)('enforces tenancy: $name', async ({ args, want }) => {
    const r = await kubectl(...args);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(want);
  });

  it('lets the admin context see every namespace', async () => {
    const r = await kubectl('--context', 'hikube-local-admin', 'get', 'pg', '-A', '-o', 'name');
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('deletes a Postgres and everything it owns', async () => {
    const r = await kubectl('delete', '-f', manifest('quick-start.yaml'));
    expect(r.stdout).toBe('postgres.apps.cozystack.io "quickstart" deleted\n');
    const left = await kubectl('get', 'pods,svc,secrets,tenantsecrets', '-l', 'app.kubernetes.io/instance=postgres-quickstart', '-o', 'name');
    expect(left.stdout).toBe('');
    expect((await kubectl('get', 'pg', 'quickstart')).stderr).toBe('Error from server (NotFound): postgreses.apps.cozystack.io "quickstart" not found\n');
  });
});
