import { HikubeError, NotFoundError, ValidationError, describeResource } from '../errors.js';
import type { Event, ObjectMeta, Postgres, PostgresList, PostgresSpec, Service } from '../generated/types.js';
import type { CallOptions, HttpTransport } from '../transport/http-transport.js';
import { attemptsOf } from '../transport/http-transport.js';
import { isValidPostgresName, validatePostgres, validatePostgresName, validatePostgresSpecPatch } from '../validation/validate-postgres.js';
import { createOnce } from './create-once.js';
import { ServerFieldMemory } from './server-fields.js';
import { CapabilitiesReader, type PostgresCapabilities } from './platform-capabilities.js';
import { postgresSpecWarnings } from '../validation/postgres-warnings.js';
import { listAll, listPages, type ListOptions } from './list-pages.js';
import { PodsResource } from './pods.js';
import { SecretReader } from './secrets.js';
import { ServicesResource } from './services.js';
import { watchObjects, type WatchEvent, type WatchOptions } from './watch-objects.js';
import { EventsResource } from './events.js';
import { zoneOfNode } from '../placement/node-zone.js';

const apiVersion = 'apps.cozystack.io/v1alpha1';
const kind = 'Postgres';
/** The label CloudNativePG puts on each pod of a cluster: the CNPG cluster's name, `postgres-<name>`. */
const clusterLabel = 'cnpg.io/cluster';
/** The label CloudNativePG puts on each instance pod: `primary` or `replica`. */
export const instanceRoleLabel = 'cnpg.io/instanceRole';

/** A Postgres to create or replace: apiVersion and kind may be left out. */
export type PostgresInput = Omit<Postgres, 'apiVersion' | 'kind'> & {
  apiVersion?: Postgres['apiVersion'];
  kind?: Postgres['kind'];
};

/** An RFC 7386 merge patch: any subset of fields; `null` removes one. */
export type MergePatch<T> = {
  [K in keyof T]?: (NonNullable<T[K]> extends readonly unknown[] ? T[K] : NonNullable<T[K]> extends object ? MergePatch<NonNullable<T[K]>> : T[K]) | null;
};

export type PostgresPatch = MergePatch<{ metadata: Pick<ObjectMeta, 'labels' | 'annotations'>; spec: PostgresSpec }>;

export interface Endpoint {
  host: string;
  port: number;
}

/** Where to connect: rw = primary, ro = standbys only, r = any instance, external = the LoadBalancer (when `external`). */
export interface PostgresEndpoints {
  rw: Endpoint;
  ro?: Endpoint;
  r?: Endpoint;
  external?: Endpoint;
}

export interface PostgresInstance {
  /** Pod name, `postgres-<name>-<n>`. */
  pod: string;
  node: string | undefined;
  /** Datacenter read off the node name (`gld-` gland, `luc-` lucerne, `plo-` geneva); undefined when the name does not tell. */
  zone: string | undefined;
  role: 'primary' | 'replica' | undefined;
  ready: boolean;
}

export interface ConnectionStringOptions extends CallOptions {
  user: string;
  /** Default `postgres`. */
  database?: string;
  /** Default `rw`. */
  endpoint?: keyof PostgresEndpoints;
  /** Appended as `sslmode=`, e.g. `require`. */
  sslmode?: string;
}

function endpointOf(service: Service | undefined): Endpoint | undefined {
  const port = service?.spec?.ports?.[0]?.port;
  const host = service?.spec?.clusterIP;
  return host && host !== 'None' && port ? { host, port } : undefined;
}

function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = stripNulls(child);
  return out;
}

/** Typed calls for `Postgres` objects of one namespace, and the objects the platform creates for them. */
export class PostgresResource {
  readonly transport: HttpTransport;
  readonly namespace: string;
  readonly #secrets: SecretReader;
  readonly #services: ServicesResource;
  readonly #pods: PodsResource;
  readonly #events: EventsResource;
  readonly #base: string;
  /** What reads returned, so an update keeps the fields this SDK does not know. */
  readonly #serverFields = new ServerFieldMemory();
  readonly #capabilities: CapabilitiesReader;

  constructor(transport: HttpTransport, namespace: string) {
    this.transport = transport;
    this.namespace = namespace;
    this.#base = `/apis/${apiVersion}/namespaces/${encodeURIComponent(namespace)}/postgreses`;
    this.#secrets = new SecretReader(transport, namespace);
    this.#services = new ServicesResource(transport, namespace);
    this.#pods = new PodsResource(transport, namespace);
    this.#events = new EventsResource(transport, namespace);
    this.#capabilities = new CapabilitiesReader(transport);
  }

  /** The spec fields this platform has, from its published OpenAPI document (read once per client). */
  capabilities(options: CallOptions = {}): Promise<PostgresCapabilities> {
    return this.#capabilities.read(options);
  }

  #path(name?: string): string {
    return name === undefined ? this.#base : `${this.#base}/${encodeURIComponent(name)}`;
  }

  #ref(name?: string) {
    return { kind, name, namespace: this.namespace };
  }

  #checkName(name: string): void {
    if (isValidPostgresName(name)) return;
    const issues = validatePostgresName(name, 'name');
    if (issues.length > 0) throw new ValidationError(`the Postgres name ${JSON.stringify(name)}`, issues);
  }

  // `allowed`: unknown fields the server itself returned (see server-fields.ts); any other unknown field is refused.
  #complete(object: PostgresInput, allowed: ReadonlySet<string> = new Set()): Postgres {
    const full = {
      ...object,
      apiVersion: object.apiVersion ?? apiVersion,
      kind: object.kind ?? kind,
      metadata: { ...object.metadata, namespace: object.metadata.namespace ?? this.namespace },
    } as Postgres;
    const issues = validatePostgres(full).filter((issue) => !(issue.rule === 'additionalProperties' && allowed.has(issue.path)));
    if (issues.length > 0) throw new ValidationError(describeResource(this.#ref(object.metadata.name)), issues);
    if (full.metadata.namespace !== this.namespace) {
      throw new ValidationError(describeResource(this.#ref(object.metadata.name)), [
        {
          path: 'metadata.namespace',
          rule: 'namespace',
          message:
            `metadata.namespace "${full.metadata.namespace}" differs from the client's namespace ` + `"${this.namespace}": create a client for that namespace`,
        },
      ]);
    }
    this.#warn(full.spec, object.metadata.name);
    return full;
  }

  // Through the log hook: the request still goes, since the platform accepts it.
  #warn(spec: unknown, name: string | undefined): void {
    for (const warning of postgresSpecWarnings(spec))
      this.transport.log({ type: 'warning', resource: describeResource(this.#ref(name)), path: warning.path, message: warning.message });
  }

  /** Pages of the list (each page one request; `limit` sets the page size). */
  list(options: ListOptions = {}): AsyncGenerator<PostgresList> {
    return listPages<PostgresList>(this.transport, this.#path(), this.#ref(), options);
  }

  /** Every Postgres of the namespace, following pages. */
  async listAll(options: ListOptions = {}): Promise<Postgres[]> {
    return (await listAll<Postgres>(this.transport, this.#path(), this.#ref(), options)).items.map((item) => this.#serverFields.remember(item));
  }

  // Not async: returning the transport's promise from an async function costs extra turns per call.
  get(name: string, options: CallOptions = {}): Promise<Postgres> {
    try {
      this.#checkName(name);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // A valid name (checked above) needs no URL encoding.
    return this.transport
      .request<Postgres>({
        method: 'GET',
        path: `${this.#base}/${name}`,
        retry: 'idempotent',
        resource: this.#ref(name),
        signal: options.signal,
        timeout: options.timeout,
        expectName: name,
      })
      .then((object) => this.#serverFields.remember(object));
  }

  /** Creates the object after validating it; a retried create whose first response was lost resolves to the created object. */
  async create(object: PostgresInput, options: CallOptions = {}): Promise<Postgres> {
    const full = this.#complete(object);
    const name = full.metadata.name ?? '';
    return createOnce(this.transport, this.#path(), full, this.#ref(name), () => this.get(name, options), options);
  }

  /**
   * Replaces the object; `metadata.resourceVersion` is required and a stale one fails with ConflictError.
   * Fields the platform returned that this SDK does not know are sent back as read (see server-fields.ts).
   */
  async update(object: PostgresInput, options: CallOptions = {}): Promise<Postgres> {
    const restored = this.#serverFields.restore(object);
    const full = this.#complete(restored.object, restored.allowed);
    const name = full.metadata.name ?? '';
    if (!full.metadata.resourceVersion) {
      throw new ValidationError(describeResource(this.#ref(name)), [
        {
          path: 'metadata.resourceVersion',
          rule: 'required',
          message: 'metadata.resourceVersion is required for update (optimistic concurrency): get the object, change it, then update it; or use patch',
        },
      ]);
    }
    const updated = await this.transport.request<Postgres>({
      method: 'PUT',
      path: this.#path(name),
      body: full,
      retry: 'responses',
      resource: this.#ref(name),
      ...options,
    });
    return this.#serverFields.remember(updated);
  }

  /** JSON merge patch; the fields it sets are validated first. */
  async patch(name: string, patch: PostgresPatch, options: CallOptions = {}): Promise<Postgres> {
    this.#checkName(name);
    if (patch.spec !== undefined && patch.spec !== null) {
      const issues = validatePostgresSpecPatch(stripNulls(patch.spec));
      if (issues.length > 0) throw new ValidationError(`the patch of ${describeResource(this.#ref(name))}`, issues);
      this.#warn(patch.spec, name);
    }
    return this.transport.request<Postgres>({
      method: 'PATCH',
      path: this.#path(name),
      body: patch,
      contentType: 'application/merge-patch+json',
      retry: 'idempotent',
      resource: this.#ref(name),
      ...options,
    });
  }

  /** Requests deletion. Resolves `true` when deleted now or earlier (a retried delete meeting NotFound), `false` when it was already absent. */
  async delete(name: string, options: CallOptions & { propagationPolicy?: 'Orphan' | 'Background' | 'Foreground' } = {}): Promise<boolean> {
    this.#checkName(name);
    try {
      await this.transport.request<unknown>({
        method: 'DELETE',
        path: this.#path(name),
        query: { propagationPolicy: options.propagationPolicy },
        retry: 'idempotent',
        resource: this.#ref(name),
        signal: options.signal,
        timeout: options.timeout,
      });
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return attemptsOf(error) > 1;
      throw error;
    }
  }

  /** Changes to Postgres objects; resumes after drops and re-lists on 410 Gone. Pass `name` to watch one object. */
  watch(options: WatchOptions & { name?: string } = {}): AsyncGenerator<WatchEvent<Postgres>> {
    const { name, ...rest } = options;
    if (name !== undefined) this.#checkName(name);
    const fieldSelector = name !== undefined ? `metadata.name=${name}` : rest.fieldSelector;
    return this.#remembered(
      watchObjects<Postgres>(this.transport, this.#path(), this.#ref(name), { ...rest, ...(fieldSelector !== undefined ? { fieldSelector } : {}) }),
    );
  }

  // What a watch reports is a read too: an update built from it keeps the fields the SDK does not know.
  async *#remembered(events: AsyncGenerator<WatchEvent<Postgres>>): AsyncGenerator<WatchEvent<Postgres>> {
    for await (const event of events) {
      if (event.type !== 'DELETED') this.#serverFields.remember(event.object);
      yield event;
    }
  }

  /** User -> password, from `postgres-<name>-credentials` (TenantSecret first, then Secret). */
  async credentials(name: string, options: CallOptions = {}): Promise<Record<string, string>> {
    this.#checkName(name);
    return this.#secrets.read(`postgres-${name}-credentials`, options);
  }

  /** Host and port of the rw, ro and r services, and of the external LoadBalancer when there is one. */
  async endpoints(name: string, options: CallOptions = {}): Promise<PostgresEndpoints> {
    this.#checkName(name);
    const read = (suffix: string) =>
      this.#services.get(`postgres-${name}-${suffix}`, options).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
    const [rw, ro, r, external] = await Promise.all([read('rw'), read('ro'), read('r'), read('external-write')]);
    const rwEndpoint = endpointOf(rw);
    if (!rwEndpoint) {
      throw new NotFoundError(
        'HIKUBE_API_NOT_FOUND',
        `${describeResource(this.#ref(name))} has no read-write service postgres-${name}-rw yet; wait until it is ready (waitForReady)`,
        404,
        undefined,
        this.#ref(name),
      );
    }
    const out: PostgresEndpoints = { rw: rwEndpoint };
    const roEndpoint = endpointOf(ro);
    const rEndpoint = endpointOf(r);
    if (roEndpoint) out.ro = roEndpoint;
    if (rEndpoint) out.r = rEndpoint;
    const ingress = external?.status?.loadBalancer?.ingress?.[0];
    const externalHost = ingress?.ip ?? ingress?.hostname;
    const externalPort = external?.spec?.ports?.[0]?.port;
    if (externalHost && externalPort) out.external = { host: externalHost, port: externalPort };
    return out;
  }

  /** A `postgresql://` URL for one user; the password comes from the credentials secret. */
  async connectionString(name: string, options: ConnectionStringOptions): Promise<string> {
    const { user, database = 'postgres', endpoint = 'rw', sslmode, ...call } = options;
    const [credentials, endpoints] = await Promise.all([this.credentials(name, call), this.endpoints(name, call)]);
    const password = credentials[user];
    if (password === undefined) {
      throw new HikubeError(
        'HIKUBE_NO_SUCH_USER',
        `${describeResource(this.#ref(name))} has no user "${user}" in postgres-${name}-credentials ` +
          `(known: ${Object.keys(credentials).join(', ') || 'none'}); add it to spec.users`,
      );
    }
    const target = endpoints[endpoint];
    if (!target) {
      throw new HikubeError(
        'HIKUBE_NO_SUCH_ENDPOINT',
        `${describeResource(this.#ref(name))} has no ${endpoint} ` +
          `endpoint${endpoint === 'external' ? ': set spec.external to true and wait for the LoadBalancer address' : ''}`,
      );
    }
    const host = target.host.includes(':') ? `[${target.host}]` : target.host;
    const query = sslmode ? `?sslmode=${encodeURIComponent(sslmode)}` : '';
    return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${target.port}/${encodeURIComponent(database)}${query}`;
  }

  /** The cluster's instances (pods `postgres-<name>-<n>`): node, zone (from the node name), role and readiness, sorted by pod name. */
  async instances(name: string, options: CallOptions = {}): Promise<PostgresInstance[]> {
    this.#checkName(name);
    // The label narrows the list to this cluster; the name pattern then drops the operator's job
    // pods, which carry the same label (`postgres-<name>-1-initdb-...`).
    const pattern = new RegExp(`^postgres-${name}-\\d+$`);
    const pods = await this.#pods.listAll({ ...options, labelSelector: `${clusterLabel}=postgres-${name}` });
    return pods
      .filter((pod) => pattern.test(pod.metadata.name ?? ''))
      .map((pod): PostgresInstance => {
        const role = pod.metadata.labels?.[instanceRoleLabel];
        return {
          pod: pod.metadata.name ?? '',
          node: pod.spec?.nodeName,
          zone: zoneOfNode(pod.spec?.nodeName),
          role: role === 'primary' || role === 'replica' ? role : undefined,
          ready: pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false,
        };
      })
      .sort((a, b) => a.pod.localeCompare(b.pod, 'en', { numeric: true }));
  }

  /** Events about the Postgres object, oldest first. */
  async events(name: string, options: CallOptions = {}): Promise<Event[]> {
    this.#checkName(name);
    const events = await this.#events.listAll({ ...options, fieldSelector: `involvedObject.name=${name}` });
    return events.filter((event) => event.involvedObject.name === name);
  }
}
