// The Kubernetes life cycle of hikube_postgres_user and hikube_postgres_database over the in-memory
// ClusterApi: each edits only its own entry, re-reads on a concurrent change, and refuses a cluster
// that manages the same map inline.
import type { Postgres } from '@hikube/sdk/kubernetes';
import { beforeEach, describe, expect, it } from 'vitest';
import { inlineMapsAnnotation } from '../postgres-cluster/inline-maps.js';
import { MemoryClusterApi } from '../postgres-cluster/memory-cluster-api.js';
import { formatPath } from '../postgres-cluster/plan-issue.js';
import {
  checkKubernetesDatabasePlan,
  createKubernetesDatabase,
  deleteKubernetesDatabase,
  importKubernetesDatabase,
  readKubernetesDatabase,
} from '../postgres-database/kubernetes-database-operations.js';
import {
  checkKubernetesUserPlan,
  createKubernetesUser,
  deleteKubernetesUser,
  importKubernetesUser,
  newPassword,
  readKubernetesUser,
  updateKubernetesUser,
} from '../postgres-user/kubernetes-user-operations.js';
import type { UserValues } from '../postgres-user/user-operations.js';
import type { KubernetesChildContext } from './cluster-entry-patch.js';

const namespace = 'tenant-demo';

function cluster(annotation: string | null, spec: Postgres['spec'] = {}): Postgres {
  return {
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name: 'orders', namespace, ...(annotation === null ? {} : { annotations: { [inlineMapsAnnotation]: annotation } }) },
    spec: { replicas: 1, ...spec },
  };
}

const user = (fields: Partial<UserValues> = {}): UserValues => ({
  id: null,
  cluster: 'orders',
  name: 'app',
  replication: null,
  databases: { shop: 'admin' },
  password_version: 1,
  password: null,
  ...fields,
});
const known = { name: true, databases: true, replication: true, cluster: true };

describe('hikube_postgres_user and hikube_postgres_database on the Kubernetes API', () => {
  let api: MemoryClusterApi;
  let context: KubernetesChildContext;
  const spec = async () => (await api.get(namespace, 'orders'))?.spec ?? {};
  beforeEach(async () => {
    api = new MemoryClusterApi();
    await api.create(cluster('none', { users: { bi: {} }, databases: { shop: { roles: { admin: ['bi'] } } } }));
    context = { api, namespace, signal: new AbortController().signal, onProgress: () => undefined };
  });

  it('creates a database and a user beside what others manage, waits for the cluster, and reads the password from the credentials', async () => {
    expect((await createKubernetesDatabase(context, { id: null, cluster: 'orders', name: 'logs', extensions: ['pg_trgm'] })).issues).toEqual([]);
    const created = await createKubernetesUser(context, user({ databases: { shop: 'admin', logs: 'readonly' } }));
    expect(created.issues).toEqual([]);
    expect(created.state).toEqual({
      id: 'orders/app',
      cluster: 'orders',
      name: 'app',
      replication: false,
      databases: { shop: 'admin', logs: 'readonly' },
      password: 'generated-app',
      password_version: 1,
    });
    expect(await spec()).toMatchObject({
      users: { bi: {}, app: { replication: false } },
      databases: { shop: { roles: { admin: ['bi', 'app'] } }, logs: { extensions: ['pg_trgm'], roles: { readonly: ['app'] } } },
    });
    expect(api.calls.filter((call) => call.startsWith('wait '))).toEqual(['wait tenant-demo/orders all_instances', 'wait tenant-demo/orders all_instances']);
    // Each wait outwaits the Ready from before its own patch (a new user's password comes with the
    // release that applies it): it is given the object that patch returned.
    const patched = api.calls.filter((call) => call.startsWith('patch ')).length;
    expect(patched).toBe(2);
    expect(api.waitedSince.map((since) => since?.metadata.resourceVersion)).toEqual(['2', '3']);
    // Every patch is conditioned on the version it was built from.
    expect(api.calls.filter((call) => call.startsWith('patch ')).every((call) => call.includes('"resourceVersion"'))).toBe(true);
  });

  it('waits for the password the platform publishes after the release, on create and on rotation', async () => {
    // The credentials Secret still shows what it held before each write for two more reads.
    api.credentialsLag = 2;
    const created = await createKubernetesUser(context, user());
    expect(created.issues).toEqual([]);
    expect(created.state?.password).toBe('generated-app');
    const rotated = await updateKubernetesUser(context, created.state!, { ...created.state!, password_version: 2 });
    expect(rotated.issues).toEqual([]);
    expect(rotated.state?.password).toBe((await spec()).users?.['app']?.password);
    expect(rotated.state?.password).not.toBe('generated-app');
  });

  it('rotates by setting a new password in the spec; the state takes it from the credentials', async () => {
    const created = (await createKubernetesUser(context, user())).state!;
    const rotated = await updateKubernetesUser(context, created, { ...created, password_version: 2 });
    const password = (await spec()).users?.['app']?.password;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(rotated.state?.password).toBe(password);
    expect(rotated.state?.password_version).toBe(2);
    // The version rides on the cluster object, so an import plans no rotation.
    expect((await api.get(namespace, 'orders'))?.metadata.annotations?.['password-version.hikube.cloud/app']).toBe('2');
    expect((await importKubernetesUser(context, 'orders/app')).state).toMatchObject({ password, password_version: 2 });
  });

  it("re-reads and keeps the other writer's grant when the cluster changes between read and patch", async () => {
    api.beforeNextPatch = () => api.patchOutside(namespace, 'orders', { spec: { users: { ci: {} }, databases: { shop: { roles: { admin: ['bi', 'ci'] } } } } });
    expect((await createKubernetesUser(context, user())).issues).toEqual([]);
    expect((await spec()).databases?.['shop']?.roles?.admin).toEqual(['bi', 'ci', 'app']);
  });

  it('removes only its own entry; a key removed elsewhere leaves the state; import reads both', async () => {
    const created = (await createKubernetesUser(context, user())).state!;
    expect(await deleteKubernetesUser(context, created)).toEqual([]);
    expect((await api.get(namespace, 'orders'))?.metadata.annotations).not.toHaveProperty('password-version.hikube.cloud/app');
    expect(await spec()).toMatchObject({ users: { bi: {} }, databases: { shop: { roles: { admin: ['bi'] } } } });
    expect((await spec()).users).not.toHaveProperty('app');
    expect((await readKubernetesUser(context, created)).state).toBeNull();
    expect((await importKubernetesUser(context, 'orders/bi')).state).toMatchObject({
      id: 'orders/bi',
      databases: { shop: 'admin' },
      password: 'generated-bi',
      password_version: null,
    });
    expect((await importKubernetesDatabase(context, 'orders/shop')).state).toEqual({ id: 'orders/shop', cluster: 'orders', name: 'shop', extensions: [] });
    expect((await importKubernetesUser(context, 'orders')).issues[0]?.detail).toMatch(/is not "<cluster>\/<user>"/);
    const database = (await readKubernetesDatabase(context, { id: 'orders/shop', cluster: 'orders', name: 'shop', extensions: [] })).state!;
    expect(await deleteKubernetesDatabase(context, database)).toEqual([]);
    expect((await spec()).databases).toEqual({});
  });

  it('refuses to create an entry that exists, and a cluster that manages the map inline, before any patch', async () => {
    const exists = await createKubernetesUser(context, user({ name: 'bi' }));
    expect(exists.issues[0]?.summary).toBe('User already exists');
    await api.create({ ...cluster('users'), metadata: { ...cluster('users').metadata, name: 'inline' } });
    const refused = await createKubernetesUser(context, user({ cluster: 'inline' }));
    expect(refused.issues[0]?.summary).toBe('Cluster manages its users inline');
    expect(api.calls.filter((call) => call.startsWith('patch '))).toEqual([]);
  });
});

describe('plan checks on the Kubernetes API', () => {
  it('refuses, at the attribute, a bad role, a reserved name and a new entry on a cluster whose configuration manages the map inline', () => {
    const issues = checkKubernetesUserPlan({
      config: user({ name: 'postgres', databases: { shop: 'owner' } }),
      prior: null,
      known,
      object: cluster('users,databases'),
    });
    expect(issues.map((issue) => formatPath(issue.path)).sort()).toEqual(['cluster', 'databases["shop"]', 'name']);
    // An entry that already exists is only warned about, so that it can still be destroyed.
    const existing = checkKubernetesUserPlan({ config: user(), prior: user(), known, object: cluster('users') });
    expect(existing.map((issue) => [issue.severity, issue.summary])).toEqual([['warning', 'Cluster manages its users inline']]);
    expect(checkKubernetesUserPlan({ config: user(), prior: null, known, object: cluster('databases') })).toEqual([]);
    // An object that does not say (made by kubectl or an older provider) cannot be judged.
    expect(checkKubernetesUserPlan({ config: user(), prior: null, known, object: cluster(null, { users: { app: {} } }) })).toEqual([]);
    const database = checkKubernetesDatabasePlan({
      config: { id: null, cluster: 'orders', name: 'shop', extensions: ['bad name'] },
      creating: true,
      known: { name: true, extensions: true, cluster: true },
      object: cluster('databases'),
    });
    expect(database.map((issue) => formatPath(issue.path)).sort()).toEqual(['cluster', 'extensions']);
  });

  it('generates 24-character alphanumeric passwords', () => {
    expect(newPassword()).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(newPassword()).not.toBe(newPassword());
  });
});
