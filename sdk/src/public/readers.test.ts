import { describe, expect, it } from 'vitest';
import { publicReaders, ResponseShapeError } from '../generated/public/readers.js';
import * as zodSchemas from '../generated/public/zod.js';

// Every generated reader against its zod response schema, both generated from the document: on
// the schema's own zero value (or a populated sample), and on that value with each field in turn
// replaced by every kind of JSON value (and removed), plus hand-picked answers. Same verdict, same
// result.

type Reader = (value: unknown) => unknown;
const schemaOf = (name: string) =>
  (zodSchemas as unknown as Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }>)[
    `${name[0]?.toLowerCase()}${name.slice(1)}Schema`
  ];

function verdict(read: Reader, value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: read(value) };
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error;
    return { ok: false };
  }
}

function zodVerdict(name: string, value: unknown): { ok: true; value: unknown } | { ok: false } {
  const result = schemaOf(name)?.safeParse(value);
  if (!result) throw new Error(`no zod schema for ${name}`);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}

const replacements: unknown[] = [null, 'text', '42', '-7', '4.5', '', 0, 3, -1, 1.5, 2 ** 60, true, false, {}, { extra: 'kept' }, [], ['a'], [1], [{}], [null]];

/** Every path to a value inside `value` (objects and arrays), with the root as []. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => out.push(...paths(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  return out;
}

/** A copy of `value` with the value at `path` replaced (or removed when `replacement` is undefined). */
function replaced(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** The zero value with every list given one item and every map one entry, so items are mutated too. */
function populated(name: string): unknown {
  const zero = (zodVerdict(name, {}) as { value: unknown }).value;
  const samples: Record<string, unknown> = {
    ClusterList: { clusters: [{ name: 'a', replicas: '3', config: { maxConnections: '100' } }] },
    DatabaseList: { databases: [{ databaseName: 'shop', roles: { admin: ['app'] }, extensions: ['pgcrypto'] }] },
    UserList: { users: [{ username: 'app', config: { databases: { shop: { role: 'admin' } } } }] },
    User: { username: 'app', config: { databases: { shop: { role: 'admin' } }, privileges: { replication: true } } },
    UserCreated: { username: 'app', password: 'x', config: { databases: { shop: { role: 'readonly' } } } },
    UserConfig: { databases: { shop: { role: 'admin' } } },
    PresetList: { presets: [{ name: 'small', cpu: '1', memory: '512Mi' }] },
    ExtensionList: { extensions: ['pgcrypto'] },
    ErrorBody: { requestId: 'r', code: 80101, message: 'm', details: [{ field: 'name' }] },
  };
  return samples[name] ?? zero;
}

describe('generated readers read every answer as the zod response schemas do', () => {
  for (const [name, read] of Object.entries(publicReaders) as [string, Reader][]) {
    it(name, () => {
      const base = populated(name);
      const cases: unknown[] = [base, {}, null, [], 'text', { unknownField: { nested: [1] }, other: null }];
      for (const path of paths(base)) {
        cases.push(replaced(base, path, undefined));
        for (const replacement of replacements) cases.push(replaced(base, path, replacement));
      }
      for (const value of cases) {
        // Readers convert in place: each side gets its own copy.
        expect(verdict(read, structuredClone(value)), JSON.stringify(value)).toEqual(zodVerdict(name, structuredClone(value)));
      }
    });
  }

  it('names the field that is wrong, as a zod issue path would', () => {
    const cases = [
      { given: { clusters: [{ name: 'a' }, { replicas: 'three' }] }, want: 'clusters.1.replicas' },
      { given: { clusters: [{ quorum: { minSyncReplicas: true } }] }, want: 'clusters.0.quorum.minSyncReplicas' },
      { given: { clusters: 'none' }, want: 'clusters' },
      { given: 'none', want: '' },
      {
        read: publicReaders.UserList,
        given: { users: [{ username: 'a' }, { config: { databases: { shop: { role: 7 } } } }] },
        want: 'users.1.config.databases.shop.role',
      },
      { read: publicReaders.DatabaseList, given: { databases: [{ roles: { readonly: ['app', 3] } }] }, want: 'databases.0.roles.readonly.1' },
      { read: publicReaders.ExtensionList, given: { extensions: ['pgcrypto', null] }, want: 'extensions.1' },
    ];
    for (const { read = publicReaders.ClusterList, given, want } of cases) {
      let caught: unknown;
      try {
        read(given);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ResponseShapeError);
      expect((caught as ResponseShapeError).path).toBe(want);
      expect((caught as ResponseShapeError).message).toBe(`${want === '' ? '(the body)' : want}: expected ${(caught as ResponseShapeError).expected}`);
    }
  });

  it('reads strings of digits as zod does, long ones included', () => {
    const cases = [
      '0',
      '-0',
      '007',
      '-42',
      '9007199254740991',
      '123456789012345',
      '1234567890123456',
      '-99999999999999999999',
      '-',
      '',
      '+1',
      '1e3',
      ' 1',
      '1 ',
      '0x10',
      '1.0',
      '١',
    ];
    for (const given of cases) {
      expect(verdict(publicReaders.Cluster, { replicas: given }), given).toEqual(zodVerdict('Cluster', { replicas: given }));
    }
  });

  it('reads int64 strings as numbers and keeps unknown fields', () => {
    expect(publicReaders.Cluster({ name: 'a', replicas: '3', size: 20, future: { x: 1 }, host: null })).toEqual({
      id: '',
      projectId: '',
      name: 'a',
      version: '',
      replicas: 3,
      external: false,
      size: 20,
      preset: '',
      config: { maxConnections: 0 },
      quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 },
      host: '',
      status: '',
      future: { x: 1 },
    });
  });
});
