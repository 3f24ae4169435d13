import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import type { Postgres } from '../generated/types.js';
import { cozystackFixtures } from '../testing/cozystack-fixtures.js';
import type { KubeObject } from '../testing/kube-object.js';
import { startTestApiServer, type TestApiServer } from '../testing/test-api-server.js';
import { validatePostgres } from '../validation/validate-postgres.js';
import { resolveConnection } from '../transport/connection.js';
import { HttpTransport } from '../transport/http-transport.js';
import { PostgresResource } from './postgres.js';
import { ServerFieldMemory, unknownFieldPaths } from './server-fields.js';

const ns = 'tenant-demo';
let server: TestApiServer;
let transport: HttpTransport;
let postgres: PostgresResource;

beforeAll(async () => {
  server = await startTestApiServer();
  transport = new HttpTransport({ connection: resolveConnection({ kubeconfig: false, server: server.url, namespace: ns }), retry: { attempts: 1 } });
  postgres = new PostgresResource(transport, ns);
});
afterAll(async () => {
  await transport.close();
  await server.stop();
});

// A field a newer platform might add, in spec and nested in a known object, plus a status field.
function withNewerFields(object: Record<string, unknown>): KubeObject {
  const copy = structuredClone(object) as KubeObject & { spec: Record<string, unknown>; status: Record<string, unknown> };
  copy.spec['schedulingHints'] = { rack: 'b' };
  (copy.spec['backup'] as Record<string, unknown>)['compression'] = 'zstd';
  copy.status['externalIPsCount'] = 1;
  return copy;
}

describe('the current platform objects (cozystack v1.6.2 fixtures)', () => {
  it.each(cozystackFixtures(ns).map((fixture) => ({ name: fixture.title, fixture })))('$name: valid for our document', ({ fixture }) => {
    expect(validatePostgres(fixture.object)).toEqual([]);
    expect(unknownFieldPaths(fixture.object)).toEqual([]);
  });

  it.each(cozystackFixtures(ns).map((fixture) => ({ name: fixture.title, fixture })))('$name: get, change, update keeps every field', async ({ fixture }) => {
    server.put('postgreses', fixture.object as KubeObject);
    const read = await postgres.get(fixture.object.metadata.name);
    const updated = await postgres.update({ ...read, spec: { ...read.spec, replicas: 4 } });
    const want = structuredClone(fixture.object) as unknown as { spec: Record<string, unknown> };
    want.spec['replicas'] = 4;
    expect(updated.spec).toEqual(want.spec);
  });
});

describe('fields this SDK does not know', () => {
  const [plain] = cozystackFixtures(ns);
  const object = withNewerFields({ ...plain!.object, metadata: { ...plain!.object.metadata, name: 'newer' } });

  it('are found by path', () => {
    expect(
      unknownFieldPaths(object)
        .map((path) => path.join('.'))
        .sort(),
    ).toEqual(['spec.backup.compression', 'spec.schedulingHints']);
  });

  it('are read, then sent back by an update even when the caller rebuilt the object without them', async () => {
    server.put('postgreses', object);
    const read = await postgres.get('newer');
    expect((read.spec as Record<string, unknown>)['schedulingHints']).toEqual({ rack: 'b' });
    // Rebuilt from typed fields only: the unknown ones are not part of the caller's object.
    const { schedulingHints: _hints, ...known } = read.spec as Record<string, unknown>;
    const backup = { ...(known['backup'] as Record<string, unknown>) };
    delete backup['compression'];
    const rebuilt = { apiVersion: read.apiVersion, kind: read.kind, metadata: read.metadata, spec: { ...known, backup, replicas: 3 } } as Postgres;
    const updated = await postgres.update(rebuilt);
    const spec = updated.spec as Record<string, unknown>;
    expect(spec['replicas']).toBe(3);
    expect(spec['schedulingHints']).toEqual({ rack: 'b' });
    expect((spec['backup'] as Record<string, unknown>)['compression']).toBe('zstd');
    // A second update from the answer of the first still knows them.
    const again = await postgres.update({ ...updated, spec: { ...updated.spec, replicas: 2 } });
    expect((again.spec as Record<string, unknown>)['schedulingHints']).toEqual({ rack: 'b' });
  });

  it('are remembered from a watch too', async () => {
    server.put('postgreses', withNewerFields({ ...plain!.object, metadata: { ...plain!.object.metadata, name: 'watched' } }));
    const controller = new AbortController();
    let seen: Postgres | undefined;
    for await (const event of postgres.watch({ name: 'watched', signal: controller.signal })) {
      seen = event.object;
      controller.abort();
      break;
    }
    const { schedulingHints: _hints, ...known } = seen?.spec as Record<string, unknown>;
    const backup = { ...(known['backup'] as Record<string, unknown>) };
    delete backup['compression'];
    const updated = await postgres.update({ ...(seen as Postgres), spec: { ...known, backup, replicas: 3 } as NonNullable<Postgres['spec']> });
    expect((updated.spec as Record<string, unknown>)['schedulingHints']).toEqual({ rack: 'b' });
  });

  it('stay refused when the caller adds one (a typo), naming it, before anything is sent', async () => {
    server.put('postgreses', object);
    const read = await postgres.get('newer');
    server.requests.length = 0;
    const error = await postgres.update({ ...read, spec: { ...read.spec, replica: 3 } as NonNullable<Postgres['spec']> }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['spec.replica']);
    expect(server.requests).toEqual([]);
  });

  it('are refused in an update whose resourceVersion no read returned', async () => {
    const error = await postgres
      .update({ ...(object as unknown as Postgres), metadata: { name: 'newer', resourceVersion: '1' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path).sort()).toEqual(['spec.backup.compression', 'spec.schedulingHints']);
  });
});

describe('ServerFieldMemory', () => {
  it('forgets the oldest reads beyond its limit', () => {
    const memory = new ServerFieldMemory(2);
    const read = (version: string) =>
      withNewerFields({
        apiVersion: 'apps.cozystack.io/v1alpha1',
        kind: 'Postgres',
        metadata: { name: 'a', resourceVersion: version },
        spec: { backup: {} },
        status: {},
      });
    for (const version of ['1', '2', '3']) memory.remember(read(version));
    const bare = (version: string) => ({ metadata: { name: 'a', resourceVersion: version }, spec: { backup: {} } });
    expect(memory.restore(bare('1')).allowed.size).toBe(0);
    expect([...memory.restore(bare('3')).allowed].sort()).toEqual(['spec.backup.compression', 'spec.schedulingHints']);
  });

  it("does not change the caller's object", () => {
    const memory = new ServerFieldMemory();
    memory.remember(withNewerFields({ metadata: { name: 'a', resourceVersion: '9' }, spec: { backup: {} }, status: {} }));
    const mine = { metadata: { name: 'a', resourceVersion: '9' }, spec: { backup: {} } };
    const restored = memory.restore(mine);
    expect(mine).toEqual({ metadata: { name: 'a', resourceVersion: '9' }, spec: { backup: {} } });
    expect(restored.object).toEqual({
      metadata: { name: 'a', resourceVersion: '9' },
      spec: { backup: { compression: 'zstd' }, schedulingHints: { rack: 'b' } },
    });
  });
});

describe('warnings', () => {
  it('reports an extension name the platform creates unquoted, and still sends the request', async () => {
    const events: unknown[] = [];
    const logged = new HttpTransport({
      connection: resolveConnection({ kubeconfig: false, server: server.url, namespace: ns }),
      retry: { attempts: 1 },
      logger: (event) => events.push(event),
    });
    try {
      const client = new PostgresResource(logged, ns);
      await client.create({ metadata: { name: 'uuids' }, spec: { databases: { app: { extensions: ['uuid-ossp', 'HStore', 'pg_trgm'] } } } });
      const warnings = events.filter((event) => (event as { type: string }).type === 'warning') as { path: string; message: string }[];
      expect(warnings.map((warning) => warning.path)).toEqual(['spec.databases.app.extensions[0]', 'spec.databases.app.extensions[1]']);
      expect(warnings[0]?.message).toContain('syntax error');
      expect(warnings[1]?.message).toContain('"hstore"');
      expect((await client.get('uuids')).spec?.databases?.['app']?.extensions).toEqual(['uuid-ossp', 'HStore', 'pg_trgm']);
    } finally {
      await logged.close();
    }
  });
});
