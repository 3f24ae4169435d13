import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions, type HikubeClient } from '../client.js';
import { AlreadyExistsError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Postgres } from '../generated/types.js';

export interface ContractSuiteOptions {
  /** How to reach the server: a kubeconfig file, client options, or a ready client factory. */
  kubeconfigPath?: string;
  clientOptions?: ClientOptions;
  client?: () => HikubeClient | Promise<HikubeClient>;
  /** Prefix of the objects the suite creates (they are deleted at the end). Default `sdk-contract`. */
  namePrefix?: string;
  /** The server acts as the platform (services, credentials, pods, Ready). Default true; false for a bare store. */
  platform?: boolean;
  /** SchedulingClass calls: create and delete, list and get only, or none. Default `readWrite`. */
  schedulingClasses?: 'readWrite' | 'readOnly' | false;
  /** Milliseconds to wait for a cluster to become ready. Default 120 000. */
  readyTimeoutMs?: number;
}

/**
 * The SDK's behaviour contract as a vitest suite, to run against any Kubernetes-style server that
 * serves Hikube's API: the in-test server here, and Hikube Local in its own package.
 */
export function runSdkContractSuite(options: ContractSuiteOptions): void {
  const prefix = options.namePrefix ?? 'sdk-contract';
  const suffix = randomBytes(3).toString('hex');
  const name = (what: string) => `${prefix}-${what}-${suffix}`.slice(0, 44).replace(/-+$/, '');
  const platform = options.platform ?? true;
  const readyTimeout = options.readyTimeoutMs ?? 120_000;
  const created = new Set<string>();
  let client: HikubeClient;

  const postgres = (objectName: string, spec: Postgres['spec'] = {}) => ({ metadata: { name: objectName, labels: { suite: 'sdk-contract' } }, spec });

  describe('@hikube/sdk contract', () => {
    beforeAll(async () => {
      if (options.client) client = await options.client();
      else client = createClient({ ...options.clientOptions, ...(options.kubeconfigPath ? { kubeconfig: options.kubeconfigPath } : {}) });
    });

    afterAll(async () => {
      if (!client) return;
      for (const objectName of created) await client.postgres.delete(objectName).catch(() => undefined);
      await client.close();
    });

    it('creates, reads and refuses a duplicate', async () => {
      const objectName = name('crud');
      const made = await client.postgres.create(postgres(objectName, { replicas: 1, users: { app: {} }, databases: { app: { roles: { admin: ['app'] } } } }));
      created.add(objectName);
      expect(made.metadata.name).toBe(objectName);
      expect(made.metadata.uid).toBeTruthy();
      expect(made.metadata.resourceVersion).toBeTruthy();
      const read = await client.postgres.get(objectName);
      expect(read.metadata.uid).toBe(made.metadata.uid);
      expect(read.spec?.replicas).toBe(1);
      await expect(client.postgres.create(postgres(objectName, { replicas: 1 }))).rejects.toBeInstanceOf(AlreadyExistsError);
    });

    it('answers NotFound for a missing object', async () => {
      const error = await client.postgres.get(name('missing')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).code).toBe('HIKUBE_API_NOT_FOUND');
    });

    it('rejects invalid input before sending it', async () => {
      const objectName = name('invalid');
      const error = await client.postgres
        .create(postgres(objectName, { replicas: 2, quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 } }))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toContain('spec.quorum.maxSyncReplicas');
      await expect(client.postgres.get(objectName)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lists in pages', async () => {
      const names = [name('page-a'), name('page-b'), name('page-c')];
      for (const objectName of names) {
        await client.postgres.create(postgres(objectName, { replicas: 1 }));
        created.add(objectName);
      }
      const seen: string[] = [];
      let pages = 0;
      for await (const page of client.postgres.list({ limit: 1, labelSelector: 'suite=sdk-contract' })) {
        pages += 1;
        seen.push(...page.items.map((item) => item.metadata.name ?? ''));
      }
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(seen).toEqual(expect.arrayContaining(names));
      const all = await client.postgres.listAll({ labelSelector: 'suite=sdk-contract' });
      expect(all.map((item) => item.metadata.name)).toEqual(expect.arrayContaining(names));
    });

    it('updates with optimistic concurrency and merge-patches', async () => {
      const objectName = name('update');
      const made = await client.postgres.create(postgres(objectName, { replicas: 1 }));
      created.add(objectName);
      // Read-modify-write, retried on Conflict: the platform may write the object between our read and write.
      let updated: Postgres | undefined;
      for (let attempt = 0; updated === undefined && attempt < 5; attempt += 1) {
        const current = await client.postgres.get(objectName);
        updated = await client.postgres.update({ ...current, spec: { ...current.spec, replicas: 2 } }).catch((error: unknown) => {
          if (error instanceof ConflictError) return undefined;
          throw error;
        });
      }
      expect(updated?.spec?.replicas).toBe(2);
      await expect(client.postgres.update({ ...made, spec: { ...made.spec, replicas: 3 } })).rejects.toBeInstanceOf(ConflictError);
      const patched = await client.postgres.patch(objectName, { metadata: { labels: { suite: 'sdk-contract', extra: 'yes' } }, spec: { version: 'v17' } });
      expect(patched.spec?.version).toBe('v17');
      expect(patched.metadata.labels?.['extra']).toBe('yes');
      const unlabelled = await client.postgres.patch(objectName, { metadata: { labels: { extra: null } } });
      expect(unlabelled.metadata.labels?.['extra']).toBeUndefined();
    });

    it('watches changes', async () => {
      const objectName = name('watch');
      const made = await client.postgres.create(postgres(objectName, { replicas: 1 }));
      created.add(objectName);
      const controller = new AbortController();
      const events = client.postgres.watch({ name: objectName, resourceVersion: made.metadata.resourceVersion ?? '', signal: controller.signal });
      const patched = client.postgres.patch(objectName, { spec: { external: true } });
      let sawPatch = false;
      for await (const event of events) {
        if (event.type === 'MODIFIED' && event.object.spec?.external === true) {
          sawPatch = true;
          controller.abort();
        }
      }
      await patched;
      expect(sawPatch).toBe(true);
    });

    if (platform) {
      it('waits for readiness and reads credentials, endpoints and instances', async () => {
        const objectName = name('ready');
        await client.postgres.create(
          postgres(objectName, {
            replicas: 2,
            users: { app: { password: 'contract-pass-1' }, ro: {} },
            databases: { shop: { roles: { admin: ['app'], readonly: ['ro'] } } },
          }),
        );
        created.add(objectName);
        const progress: string[] = [];
        const ready = await client.postgres.waitForReady(objectName, {
          level: 'allInstances',
          timeout: readyTimeout,
          onProgress: (step) => progress.push(step.reason),
        });
        expect(ready.status?.conditions?.find((condition) => condition.type === 'Ready')?.status).toBe('True');
        const credentials = await client.postgres.credentials(objectName);
        expect(credentials['app']).toBe('contract-pass-1');
        expect(credentials['ro']).toMatch(/^\S+$/);
        const endpoints = await client.postgres.endpoints(objectName);
        expect(endpoints.rw.port).toBeGreaterThan(0);
        const url = await client.postgres.connectionString(objectName, { user: 'app', database: 'shop' });
        expect(url).toBe(
          `postgresql://app:contract-pass-1@${endpoints.rw.host.includes(':') ? `[${endpoints.rw.host}]` : endpoints.rw.host}:${endpoints.rw.port}/shop`,
        );
        const instances = await client.postgres.instances(objectName);
        expect(instances).toHaveLength(2);
        expect(instances.filter((instance) => instance.role === 'primary')).toHaveLength(1);
        expect(instances.every((instance) => instance.ready && instance.zone !== undefined && instance.node !== undefined)).toBe(true);
        await expect(client.postgres.waitForReady(objectName, { level: 'primary', timeout: readyTimeout })).resolves.toMatchObject({
          metadata: { name: objectName },
        });
      });
    }

    it('deletes and waits until gone', async () => {
      const objectName = name('delete');
      await client.postgres.create(postgres(objectName, { replicas: 1 }));
      created.add(objectName);
      await expect(client.postgres.delete(objectName, { wait: true, waitTimeout: readyTimeout })).resolves.toBe(true);
      created.delete(objectName);
      await expect(client.postgres.get(objectName)).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.postgres.delete(objectName)).resolves.toBe(false);
    });

    if (options.schedulingClasses !== false) {
      it('reads scheduling classes', async () => {
        const classes = await client.schedulingClasses.listAll();
        expect(Array.isArray(classes)).toBe(true);
        for (const item of classes) expect(item.kind ?? 'SchedulingClass').toBe('SchedulingClass');
      });
    }

    if (options.schedulingClasses !== false) {
      it('tells whether these credentials may create scheduling classes, creating none', async () => {
        const before = (await client.schedulingClasses.listAll()).map((item) => item.metadata.name);
        await expect(client.schedulingClasses.canCreate()).resolves.toBe((options.schedulingClasses ?? 'readWrite') === 'readWrite');
        expect((await client.schedulingClasses.listAll()).map((item) => item.metadata.name)).toEqual(before);
      });
    }
    if ((options.schedulingClasses ?? 'readWrite') === 'readWrite') {
      it('creates and deletes a scheduling class', async () => {
        const className = name('zones');
        const controller = new AbortController();
        const changes = client.schedulingClasses.watch({ signal: controller.signal });
        const spec = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In' as const, values: ['gland', 'lucerne'] }] }],
            },
          },
        };
        const made = await client.schedulingClasses.create({ metadata: { name: className }, spec });
        expect(made.spec).toEqual(spec);
        for (let next = await changes.next(); !next.done; next = await changes.next()) {
          if (next.value.object.metadata.name === className) break;
        }
        controller.abort();
        await changes.return(undefined);
        await expect(client.schedulingClasses.get(className)).resolves.toMatchObject({ metadata: { name: className } });
        await expect(client.schedulingClasses.delete(className)).resolves.toBe(true);
        await expect(client.schedulingClasses.get(className)).rejects.toBeInstanceOf(NotFoundError);
      });
    }
  });
}
