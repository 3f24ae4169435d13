import type { SchedulingClass } from '@hikube/sdk/kubernetes';
import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import { pinnedClass, spreadClass, zonesClass } from './class-fixture.js';
import { createCluster, deleteCluster, importCluster, planCluster, planDestroy, readCluster, updateCluster, type PlanResult } from './cluster-operations.js';
import { MemoryClusterApi } from './memory-cluster-api.js';
import { emptyArgs, type PostgresClusterArgs, type PostgresClusterModel } from './model.js';
import { formatPath } from './plan-issue.js';

const signal = new AbortController().signal;
const classes: SchedulingClass[] = [...['gland', 'lucerne', 'geneva'].map((zone) => pinnedClass(zone, zone)), spreadClass('spread')];

const production = argsWith({
  version: 'v18',
  replicas: 3,
  syncMode: 'quorum',
  maxSyncReplicas: 1,
  zones: ['gland', 'lucerne', 'geneva'],
  storageSize: '10Gi',
  users: { app: user(), ci: user({ passwordWo: 'write-only-secret', passwordWoVersion: 1 }), bi: user({ password: 'given-password' }) },
  databases: { shop: { admin: ['app'], readonly: ['bi'], extensions: ['pgcrypto'] } },
});

function plan(api: MemoryClusterApi, config: PostgresClusterArgs, prior: PostgresClusterModel | null): Promise<PlanResult> {
  return planCluster({ config, prior, unknownAttributes: new Set(), providerNamespace: 'tenant-demo', api, signal });
}

function writeOnly(config: PostgresClusterArgs): Record<string, string> {
  return Object.fromEntries(Object.entries(config.users ?? {}).flatMap(([name, u]) => (u.passwordWo === null ? [] : [[name, u.passwordWo]])));
}

async function apply(api: MemoryClusterApi, config: PostgresClusterArgs, prior: PostgresClusterModel | null) {
  const planned = await plan(api, config, prior);
  const errors = planned.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) return { state: prior, issues: errors, plan: planned };
  const input = { planned: planned.planned, writeOnlyPasswords: writeOnly(config), timeoutMs: 60_000, api, signal, onProgress: () => undefined };
  const result = prior === null ? await createCluster(input) : await updateCluster({ ...input, prior });
  return { ...result, plan: planned };
}

/** What `terraform plan` would show: the arguments that differ, and computed values left unknown. */
function changes(result: PlanResult, state: PostgresClusterModel): string[] {
  const keys = Object.keys(emptyArgs) as (keyof PostgresClusterArgs)[];
  const differing = keys.filter((key) => JSON.stringify(result.planned[key]) !== JSON.stringify(state[key]));
  return [...differing, ...result.unknownArgs.map(formatPath), ...result.unknownComputed];
}

async function created(api = new MemoryClusterApi(classes), config = production) {
  const result = await apply(api, config, null);
  expect(result.issues).toEqual([]);
  if (!result.state) throw new Error('no state');
  return { api, state: result.state };
}

describe('create', () => {
  it('creates, waits and fills every output; the next plan is empty', async () => {
    const { api, state } = await created();
    expect(
      api.calls.filter((call) => !call.startsWith('list') && !call.startsWith('get') && !call.startsWith('observe') && call !== 'specCapabilities'),
    ).toEqual(['create tenant-demo/orders', 'wait tenant-demo/orders all_instances']);
    expect(state).toMatchObject({
      id: 'tenant-demo/orders',
      ready: true,
      chartVersion: '0.18.0',
      currentPrimary: 'postgres-orders-1',
      schedulingClass: 'spread',
    });
    expect(state.instances?.map((instance) => instance.zone)).toEqual(['gland', 'lucerne', 'geneva']);
    expect(state.credentials).toEqual({ app: 'generated-app', bi: 'given-password' });
    expect(state.connectionUris?.['app']?.rw).toBe('postgresql://app:generated-app@postgres-orders-rw.tenant-demo.svc:5432/shop');
    expect(changes(await plan(api, production, state), state)).toEqual([]);
  });

  it('never stores a write-only password', async () => {
    const { api, state } = await created();
    expect(api.objects.get('tenant-demo/orders')?.spec?.users?.['ci']?.password).toBe('write-only-secret');
    expect(JSON.stringify(state)).not.toContain('write-only-secret');
  });

  it('keeps the cluster in state with an error when the wait fails', async () => {
    const api = new MemoryClusterApi(classes);
    api.failWait = 'timed out after 20m waiting for 3/3 instances: 2/3 ready';
    const result = await apply(api, production, null);
    expect(result.state?.id).toBe('tenant-demo/orders');
    expect(result.issues.map((issue) => `${issue.summary}: ${issue.detail}`)).toEqual([
      'Cluster tenant-demo/orders was created but is not ready: timed out after 20m waiting for 3/3 instances: 2/3 ready',
    ]);
  });

  it('chooses the existing class whose constraints allow the zones', async () => {
    const api = new MemoryClusterApi([...classes, zonesClass('gland-lucerne', ['gland', 'lucerne'])]);
    const { state } = await created(api, { ...production, zones: ['lucerne', 'gland'] });
    expect(state.schedulingClass).toBe('gland-lucerne');
    expect(state.instances?.map((instance) => instance.zone)).toEqual(['gland', 'lucerne', 'gland']);
  });

  it('lists the classes when none allows the zones, before any write, and creates no class', async () => {
    const api = new MemoryClusterApi(classes);
    const result = await apply(api, { ...production, zones: ['gland', 'lucerne'] }, null);
    expect(result.issues[0]?.detail).toMatch(
      /Classes by the zones they allow: geneva \(geneva\); gland \(gland\); lucerne \(lucerne\); spread \(geneva, gland, lucerne, spread\)/,
    );
    expect(api.calls.filter((call) => !call.startsWith('list') && call !== 'specCapabilities')).toEqual([]);
    expect(api.classes).toHaveLength(4);
  });

  it('refuses primary_zone at plan: no class can place the primary', async () => {
    const api = new MemoryClusterApi(classes);
    const planned = await plan(api, { ...production, primaryZone: 'gland' }, null);
    expect(planned.issues.map((issue) => `${issue.severity} ${formatPath(issue.path)} ${issue.summary}`)).toEqual([
      'error primary_zone No placement for the primary',
    ]);
    expect(api.calls).toEqual([]);
  });
});

describe('invalid configurations never reach the API', () => {
  const cases: { name: string; given: Partial<PostgresClusterArgs>; want: string }[] = [
    { name: 'quorum as large as replicas', given: { replicas: 2, maxSyncReplicas: 2 }, want: 'max_sync_replicas' },
    { name: 'blocked parameter', given: { parameters: { archive_command: 'rm -rf /' } }, want: 'parameters["archive_command"]' },
    {
      name: 'role names an undeclared user',
      given: { databases: { shop: { admin: ['ghost'], readonly: null, extensions: null } } },
      want: 'databases["shop"].admin',
    },
  ];
  it.each(cases)('$name', async ({ given, want }) => {
    const api = new MemoryClusterApi(classes);
    const result = await apply(api, { ...production, ...given }, null);
    expect(result.issues.map((issue) => formatPath(issue.path))).toEqual([want]);
    expect(api.calls).toEqual([]);
  });
});

describe('update', () => {
  it('scales in place with a patch of only the changed field', async () => {
    const { api, state } = await created();
    const scaled = { ...production, replicas: 5 };
    const result = await apply(api, scaled, state);
    expect(result.issues).toEqual([]);
    // The annotation that says which maps the cluster manages inline rides along (see inline-maps).
    expect(api.calls.filter((call) => call.startsWith('patch'))).toEqual([
      'patch tenant-demo/orders {"spec":{"replicas":5},"metadata":{"annotations":{"hikube.cloud/terraform-inline-maps":"users,databases"}}}',
    ]);
    expect(result.state?.instances).toHaveLength(5);
    if (result.state) expect(changes(await plan(api, scaled, result.state), result.state)).toEqual([]);
  });

  it('waits past the Ready the patch answer still carries (the platform has no observedGeneration)', async () => {
    const { api, state } = await created();
    expect(api.waitedSince).toEqual([undefined]);
    await apply(api, { ...production, replicas: 5 }, state);
    const since = api.waitedSince.at(-1);
    expect(since?.spec?.replicas).toBe(5);
    expect(since?.status?.conditions?.find((c) => c.type === 'Ready')?.message).toContain('.v1 with chart');
  });

  it('does not wait for a newer Ready after a patch that left the spec as the platform had it (no release follows)', async () => {
    const { api, state } = await created();
    api.patchOutside('tenant-demo', 'orders', { spec: { replicas: 5 } });
    const result = await apply(api, { ...production, replicas: 5 }, state);
    expect(result.issues).toEqual([]);
    expect(api.calls.filter((call) => call.startsWith('patch'))).toEqual([
      expect.stringMatching(/^patch tenant-demo\/orders \{"spec":\{"replicas":5\},"metadata":/),
    ]);
    expect(api.waitedSince.at(-1)).toBeUndefined();
  });

  it('changes Terraform-side settings without a request to the platform', async () => {
    const { api, state } = await created();
    api.calls.length = 0;
    const result = await apply(api, { ...production, deletionProtection: true }, state);
    expect(result.issues).toEqual([]);
    expect(result.state?.deletionProtection).toBe(true);
    expect(api.calls.filter((call) => !call.startsWith('list'))).toEqual([]);
  });

  it('keeps settings made elsewhere', async () => {
    const { api, state } = await created();
    api.patchOutside('tenant-demo', 'orders', { spec: { tls: { enabled: true } } });
    await apply(api, { ...production, replicas: 5 }, state);
    expect(api.objects.get('tenant-demo/orders')?.spec?.tls).toEqual({ enabled: true });
  });

  it('refuses to drop a database unless allowed', async () => {
    const { api, state } = await created();
    const dropped = { ...production, databases: {} };
    const refused = await apply(api, dropped, state);
    expect(refused.issues.map((issue) => issue.detail)).toEqual([expect.stringMatching(/drops database "shop"/)]);
    expect(api.calls.some((call) => call.startsWith('patch'))).toBe(false);
    const allowed = await apply(api, { ...dropped, allowDestructiveChanges: true }, state);
    expect(allowed.issues).toEqual([]);
    expect(api.objects.get('tenant-demo/orders')?.spec?.databases).toEqual({});
  });

  it('sends a write-only password again only when its version changes', async () => {
    const { api, state } = await created();
    const rotated = { ...production, users: { ...production.users, ci: user({ passwordWo: 'rotated-secret', passwordWoVersion: 2 }) } };
    const result = await apply(api, rotated, state);
    expect(api.objects.get('tenant-demo/orders')?.spec?.users?.['ci']?.password).toBe('rotated-secret');
    expect(JSON.stringify(result.state)).not.toContain('rotated-secret');
  });
});

describe('read, drift and import', () => {
  it('shows a change made with kubectl as drift, and plans to revert it', async () => {
    const { api, state } = await created();
    api.patchOutside('tenant-demo', 'orders', { spec: { replicas: 4 } });
    const read = await readCluster({ prior: state, api, signal });
    expect(read.state?.replicas).toBe(4);
    if (read.state)
      expect(changes(await plan(api, production, read.state), read.state)).toEqual(['replicas', 'ready', 'instances', 'currentPrimary', 'status']);
  });

  it('hides what only the spelling changed (platform rewrites micro to t1.micro, 10Gi to 10240Mi)', async () => {
    const { api, state } = await created(new MemoryClusterApi(classes), { ...production, resourcesPreset: 'micro' });
    api.patchOutside('tenant-demo', 'orders', {
      spec: { resourcesPreset: 't1.micro', size: '10240Mi', postgresql: { parameters: { max_connections: '100' } } },
    });
    const read = await readCluster({ prior: state, api, signal });
    expect(read.state).toEqual(state);
  });

  it('forgets a cluster deleted outside Terraform, so it is planned for creation', async () => {
    const { api, state } = await created();
    api.objects.clear();
    expect((await readCluster({ prior: state, api, signal })).state).toBeNull();
  });

  it('imports by namespace/name with an empty plan afterwards', async () => {
    const { api } = await created();
    const config = { ...production, users: { ...production.users, ci: user({ password: 'write-only-secret' }) } };
    const imported = await importCluster({ id: 'tenant-demo/orders', api, signal });
    expect(imported.issues).toEqual([]);
    if (!imported.state) throw new Error('no state');
    expect(imported.state.zones).toEqual(['geneva', 'gland', 'lucerne']);
    expect(changes(await plan(api, config, imported.state), imported.state)).toEqual([]);
    expect(changes(await plan(api, { ...config, zones: null, schedulingClass: 'spread' }, imported.state), imported.state)).toEqual([]);
  });

  const badIds: { given: string; want: RegExp }[] = [
    { given: 'orders', want: /"<namespace>\/<name>"/ },
    { given: 'tenant-demo/missing', want: /No cluster tenant-demo\/missing exists/ },
  ];
  it.each(badIds)('import $given fails clearly', async ({ given, want }) => {
    const imported = await importCluster({ id: given, api: new MemoryClusterApi(), signal });
    expect(imported.state).toBeNull();
    expect(imported.issues[0]?.detail).toMatch(want);
  });
});

describe('delete', () => {
  it('deletes and waits', async () => {
    const { api, state } = await created();
    expect(await deleteCluster({ prior: state, timeoutMs: 1000, api, signal })).toEqual([]);
    expect(api.objects.size).toBe(0);
  });

  it('refuses at plan and at apply under deletion_protection, without a request', async () => {
    const { api, state } = await created(new MemoryClusterApi(classes), { ...production, deletionProtection: true });
    api.calls.length = 0;
    expect(planDestroy(state).map((issue) => issue.summary)).toEqual(['Cluster is protected from deletion']);
    expect((await deleteCluster({ prior: state, timeoutMs: 1000, api, signal })).map((issue) => issue.summary)).toEqual(['Cluster is protected from deletion']);
    expect(api.calls).toEqual([]);
  });
});
