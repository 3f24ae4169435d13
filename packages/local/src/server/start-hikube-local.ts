// The composition root: data directory, store, API server, controller loop and driver, wired and
// started; `stop()` undoes all of it. The programmatic entry other packages' tests use.

import { join, resolve } from 'node:path';
import { openapiDocument } from '@hikube/sdk/openapi';
import { Admission, sdkPolicies } from '../api/admission.js';
import { ApiServer, type ExtraRoute, type VersionInfo } from '../api/api-server.js';
import { Authenticator } from '../api/auth.js';
import { OpenApiDocuments } from '../api/openapi.js';
import type { ExtraPostgresField } from '../api/extra-postgres-fields.js';
import { platformSchemas } from '../api/platform-fields.js';
import { badRequest, forbidden } from '../api/status-error.js';
import { ControllerLoop } from '../controllers/controller-loop.js';
import { DETERMINISTIC_EXTENSIONS, DeterministicReconciler } from '../controllers/deterministic/deterministic-reconciler.js';
import { builtinSchedulingClasses } from '../controllers/placement.js';
import { createEngineReconciler } from '../controllers/postgres/engine-reconciler.js';
import { SITES, type Reconciler, type Site } from '../controllers/reconciler.js';
import { ObjectService } from '../store/object-service.js';
import { ObjectStore } from '../store/object-store.js';
import { NAMESPACE, SCHEDULING_CLASS } from '../store/resource-types.js';
import { writePrivateFileSync } from '../files/private-files.js';
import { DEFAULT_TENANT, ensurePrivateDataDir, loadOrCreatePki, loadOrCreateTokens, lockDataDir, removeServerInfo, writeServerInfo } from './data-dir.js';
import { renderKubeconfig } from './kubeconfig.js';
import { ProjectKeys } from '../projects/project-keys.js';
import type { FrontFaults } from '../public-api/front-faults.js';
import { PostgresFront } from '../public-api/postgres-front.js';
import { PublicRequestLog, type PublicRequestEntry } from '../public-api/request-log.js';
import { startProjects, type StartedProject } from '../projects/start-project.js';
import { projectNamespaces } from './project-namespaces.js';

export type DriverChoice = 'deterministic' | 'engine' | Reconciler;

export interface StartOptions {
  /** Data directory (created when missing). Default `.hikube-local` under the current directory. */
  dataDir?: string;
  /** TCP port on 127.0.0.1. Default: 6443 or the next free one; 0 picks any free port. */
  port?: number;
  /** `deterministic` (no processes), `engine` (real PostgreSQL), or a Reconciler. Default: engine. */
  driver?: DriverChoice;
  /** Tenants (namespaces) to create besides `tenant-demo`. */
  tenants?: string[];
  /** Public API projects with keys in `DIR/hikube.env` (default 1): `tenant-demo`, then `tenant-demo2`, `tenant-demo3`... */
  projects?: number;
  /** Version reported on /version (the kubectl dispatcher picks its kubectl from the minor). */
  version?: VersionInfo;
  /** Diagnostics sink; default: nothing. Never receives tokens or request bodies. */
  log?: (line: string) => void;
  /** Record this process in `DIR/server.json` for `hikube-local stop/status` (the CLI sets it). */
  recordServerInfo?: boolean;
  /** The supervisor restarting this server, recorded with the server info for `hikube-local stop`. */
  supervisorPid?: number;
  /**
   * Postgres spec fields of a newer platform than the emulated Cozystack v1.6.2 (`schedulingClass`):
   * published in the OpenAPI document and kept. Default none, as on v1.6.2. CLI `--extra-postgres-field`.
   */
  extraPostgresFields?: readonly ExtraPostgresField[];
  /** Test-only failures of the public API front (no command-line flag sets them). */
  publicApiFaults?: FrontFaults;
}

export interface TenantCredentials {
  name: string;
  namespace: string;
  token: string;
}

export interface HikubeLocal {
  url: string;
  port: number;
  dataDir: string;
  kubeconfigPath: string;
  adminToken: string;
  tenants: TenantCredentials[];
  caCertPem: string;
  /** The public API's project over `tenant-demo`, its `admin` and `read` keys, and `DIR/hikube.env`. */
  publicApi: StartedProject;
  /** Every project with keys in `DIR/hikube.env` (`--projects N`); the first is `publicApi`. */
  publicProjects: StartedProject[];
  driver: string;
  /** API requests received since start (all paths). */
  requestCount(): number;
  /** The public API's requests since start, oldest first (method, path, operation, status; no keys, no bodies). */
  publicApiRequests(): readonly PublicRequestEntry[];
  /** Resolves when no reconcile is queued or running. */
  idle(): Promise<void>;
  siteOperation(operation: 'down' | 'up', site: Site): Promise<void>;
  stop(): Promise<void>;
}

async function chooseReconciler(choice: DriverChoice | undefined): Promise<Reconciler> {
  if (typeof choice === 'object') return choice;
  if (choice === 'deterministic') return new DeterministicReconciler();
  return createEngineReconciler();
}

async function listenFrom(api: ApiServer, port: number | undefined): Promise<number> {
  if (port !== undefined) return api.listen(port);
  for (let p = 6443; p < 6543; p++) {
    try {
      return await api.listen(p);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    }
  }
  return api.listen(0);
}

async function ensure(service: ObjectService, objects: { type: typeof NAMESPACE; object: Parameters<ObjectService['create']>[1] }[]): Promise<void> {
  for (const { type, object } of objects) {
    if (!service.find(type, object.metadata.namespace ?? '', object.metadata.name)) await service.create(type, object);
  }
}

export async function startHikubeLocal(options: StartOptions = {}): Promise<HikubeLocal> {
  const dataDir = resolve(options.dataDir ?? '.hikube-local');
  const tenantNames = [...new Set([...projectNamespaces(options.projects), ...(options.tenants ?? [])])];
  ensurePrivateDataDir(dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    return await startLocked(dataDir, tenantNames, options, unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

async function startLocked(dataDir: string, tenantNames: string[], options: StartOptions, unlock: () => void): Promise<HikubeLocal> {
  const pki = loadOrCreatePki(dataDir);
  const tokens = loadOrCreateTokens(dataDir, tenantNames);
  const store = await ObjectStore.open({ dir: join(dataDir, 'store') });
  const service = new ObjectService(store);
  await ensure(service, [
    ...['default', ...Object.keys(tokens.tenants)].map((name) => ({ type: NAMESPACE, object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } })),
    ...builtinSchedulingClasses().map((object) => ({ type: SCHEDULING_CLASS, object })),
  ]);
  const reconciler = await chooseReconciler(options.driver);
  const loop = new ControllerLoop(service, reconciler, { dataDir, ca: pki.ca, ...(options.log ? { log: options.log } : {}) });

  const extraRoutes: ExtraRoute = async (method, path, identity) => {
    const m = /^\/hikube-local\/v1\/sites\/([a-z]+)\/(down|up)$/.exec(path);
    if (!m) return undefined;
    if (identity.kind !== 'admin') throw forbidden('site operations need the admin token');
    if (method !== 'POST') throw badRequest('use POST for site operations');
    const site = m[1] as Site;
    if (!SITES.includes(site)) throw badRequest(`unknown site "${site}": use one of ${SITES.join(', ')}`);
    await loop.siteOperation(m[2] as 'down' | 'up', site);
    return {
      status: 200,
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', message: `site ${site} is ${m[2] as string}`, code: 200 },
    };
  };

  const keys = ProjectKeys.open(dataDir);
  const extraPostgresFields = options.extraPostgresFields ?? [];
  const admission = new Admission(sdkPolicies(extraPostgresFields));
  const requestLog = new PublicRequestLog();
  const extensionCatalog = async (): Promise<readonly string[]> => (await reconciler.extensionCatalog?.()) ?? DETERMINISTIC_EXTENSIONS;
  const front = new PostgresFront({
    service,
    admission,
    keys,
    extensionCatalog,
    ...(options.log ? { log: options.log } : {}),
    ...(options.publicApiFaults ? { faults: options.publicApiFaults } : {}),
  });
  const api = new ApiServer({
    publicFront: async (request) => {
      const reply = await front.handle(request);
      if (reply !== undefined) requestLog.record(request.method, request.path, reply.status);
      return reply;
    },
    service,
    authenticator: new Authenticator(tokens),
    admission,
    openapi: new OpenApiDocuments(platformSchemas(openapiDocument.components.schemas as unknown as Record<string, unknown>, extraPostgresFields)),
    tls: { key: pki.server.keyPem, cert: pki.server.certPem },
    extraRoutes,
    ...(options.version ? { version: options.version } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    await loop.start();
  } catch (err) {
    await store.close();
    throw err;
  }
  let port: number;
  try {
    port = await listenFrom(api, options.port);
  } catch (err) {
    await loop.stop();
    await store.close();
    throw err;
  }
  const url = `https://127.0.0.1:${port}`;
  const kubeconfigPath = join(dataDir, 'kubeconfig');
  writePrivateFileSync(kubeconfigPath, renderKubeconfig({ url, caCertPem: pki.ca.certPem, tokens, currentTenant: DEFAULT_TENANT }));
  // Every tenant is a project of the public API; the first `projects` ones get keys in DIR/hikube.env.
  for (const tenant of tenantNames) keys.ensureProject(tenant);
  const publicProjects = startProjects(keys, {
    dataDir,
    namespaces: projectNamespaces(options.projects),
    apiUrl: url,
    caCertPath: join(dataDir, 'pki', 'ca.crt'),
  });
  const publicApi = publicProjects[0] as StartedProject;
  if (options.recordServerInfo)
    writeServerInfo(dataDir, {
      pid: process.pid,
      url,
      port,
      driver: reconciler.name,
      ...(options.supervisorPid !== undefined ? { supervisorPid: options.supervisorPid } : {}),
    });

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    dataDir,
    kubeconfigPath,
    adminToken: tokens.admin,
    tenants: Object.entries(tokens.tenants).map(([name, token]) => ({ name, namespace: name, token })),
    caCertPem: pki.ca.certPem,
    publicApi,
    publicProjects,
    driver: reconciler.name,
    requestCount: () => api.requestCount,
    publicApiRequests: () => requestLog.entries(),
    idle: () => loop.idle(),
    siteOperation: (operation, site) => loop.siteOperation(operation, site),
    stop: () =>
      (stopping ??= (async () => {
        await api.close();
        await loop.stop();
        await store.close();
        if (options.recordServerInfo) removeServerInfo(dataDir, process.pid);
        unlock();
      })()),
  };
}
