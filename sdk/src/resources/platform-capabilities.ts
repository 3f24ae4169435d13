// Which Postgres spec fields this platform has. Fields came in different Cozystack releases
// (`version`, `tls`, `backup.useSystemBucket`, ...): the server's published OpenAPI v3 document for
// apps.cozystack.io/v1alpha1 says which. Cozystack's API server publishes the chart's values schema
// as the `spec` of `com.github.cozystack.cozystack.pkg.apis.apps.v1alpha1.Postgres`
// (pkg/cmd/server/openapi.go); other servers may name it by kind or refer to it with `$ref`.
import type { CallOptions, HttpTransport } from '../transport/http-transport.js';

const groupVersion = 'apis/apps.cozystack.io/v1alpha1';
const cozystackSchemaName = 'com.github.cozystack.cozystack.pkg.apis.apps.v1alpha1.Postgres';

export interface PostgresCapabilities {
  /** Dotted spec paths the platform declares (`version`, `tls.enabled`, `backup.useSystemBucket`). */
  readonly fields: ReadonlySet<string>;
  /** True when `path` (or, for a nested path, a parent that declares no properties) is declared. */
  has(path: string): boolean;
}

type Schema = Record<string, unknown>;

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolver(schemas: Schema): (schema: unknown) => Schema | undefined {
  return (schema) => {
    let current = schema;
    for (let hops = 0; hops < 8 && isRecord(current) && typeof current['$ref'] === 'string'; hops++) {
      current = schemas[current['$ref'].split('/').pop() ?? ''];
    }
    if (!isRecord(current)) return undefined;
    // kube-openapi wraps a $ref with siblings in allOf: [{$ref}].
    const allOf = current['allOf'];
    if (Array.isArray(allOf) && allOf.length === 1 && current['properties'] === undefined) return resolver(schemas)(allOf[0]);
    return current;
  };
}

function postgresSchemaOf(schemas: Schema): unknown {
  if (schemas[cozystackSchemaName] !== undefined) return schemas[cozystackSchemaName];
  for (const schema of Object.values(schemas)) {
    const kinds = isRecord(schema) ? schema['x-kubernetes-group-version-kind'] : undefined;
    if (Array.isArray(kinds) && kinds.some((k) => isRecord(k) && k['group'] === 'apps.cozystack.io' && k['kind'] === 'Postgres')) return schema;
  }
  return schemas['Postgres'];
}

/** The capabilities a published OpenAPI v3 group-version document declares. */
export function capabilitiesFromDocument(document: unknown): PostgresCapabilities {
  const schemas =
    isRecord(document) && isRecord(document['components']) && isRecord(document['components']['schemas']) ? document['components']['schemas'] : {};
  const resolve = resolver(schemas);
  const postgres = resolve(postgresSchemaOf(schemas));
  const spec = resolve(isRecord(postgres?.['properties']) ? postgres['properties']['spec'] : undefined);
  const fields = new Set<string>();
  const open = new Set<string>();
  const top = isRecord(spec?.['properties']) ? spec['properties'] : {};
  for (const [name, child] of Object.entries(top)) {
    fields.add(name);
    const properties = resolve(child)?.['properties'];
    if (isRecord(properties)) for (const nested of Object.keys(properties)) fields.add(`${name}.${nested}`);
    else open.add(name);
  }
  return {
    fields,
    has: (path) => fields.has(path) || open.has(path.split('.')[0] ?? ''),
  };
}

/** Reads the server's published document once; a failed read is tried again on the next call. */
export class CapabilitiesReader {
  readonly #transport: HttpTransport;
  #pending: Promise<PostgresCapabilities> | undefined;

  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  read(options: CallOptions = {}): Promise<PostgresCapabilities> {
    this.#pending ??= this.#fetch(options).catch((error: unknown) => {
      this.#pending = undefined;
      throw error;
    });
    return this.#pending;
  }

  async #fetch(options: CallOptions): Promise<PostgresCapabilities> {
    const call = { retry: 'idempotent' as const, signal: options.signal, timeout: options.timeout };
    const root = await this.#transport.request<{ paths?: Record<string, { serverRelativeURL?: string }> }>({ method: 'GET', path: '/openapi/v3', ...call });
    const url = root.paths?.[groupVersion]?.serverRelativeURL ?? `/openapi/v3/${groupVersion}`;
    const parsed = new URL(url, 'http://server');
    const document = await this.#transport.request<unknown>({ method: 'GET', path: parsed.pathname, query: Object.fromEntries(parsed.searchParams), ...call });
    return capabilitiesFromDocument(document);
  }
}
