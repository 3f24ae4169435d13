// fast-check generator of hostile requests to Hikube Local's public REST API (/postgres/v1alpha1):
// every documented operation with hostile path parameters, keys, content types and bodies that
// start from the document's shapes and break them (wrong types, out of range, extra fields,
// reserved names), plus methods an operation does not have and raw bodies that are not JSON.

import fc from 'fast-check';
import { publicOperations, type PublicOperationId } from '@hikube/sdk/public';
import { hostileContentType, hostileJson, hostileName, hostilePathSegment, rawHostileBody } from './hostile-values.js';

/** Which key the request carries. */
export type KeyChoice = 'admin' | 'read' | 'other-project' | 'none' | 'empty' | 'forged';

export interface PublicCase {
  operation: PublicOperationId;
  method: string;
  path: string;
  key: KeyChoice;
  contentType: string | undefined;
  body: string | undefined;
  protocol: 'http1' | 'http2';
  /** Path parameters as meant (before encoding), for the invariants on what may change. */
  params: Record<string, string>;
}

/** Names the suite creates up front, so operations on existing things are tried too. */
export const PUBLIC_FIXTURE = { cluster: 'keepcl', user: 'alice', database: 'shop' } as const;

/** Mostly `valid`, sometimes `hostile`: requests must get past the first check to probe the next ones. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>, odds = 5): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: odds, arbitrary: valid }, { weight: 1, arbitrary: hostile });

const int64 = (valid: fc.Arbitrary<number>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 2, arbitrary: valid.map(String) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 9, 1.5, '1e3', '0x10', ' 2', '', null, true, 2 ** 53, '9223372036854775808', [], {}) },
  );

const clusterName = fc.oneof(
  { weight: 6, arbitrary: fc.constant(PUBLIC_FIXTURE.cluster) },
  { weight: 3, arbitrary: fc.constantFrom('fuzzone', 'fuzztwo', 'keep') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{3,16}$/) },
  { weight: 1, arbitrary: hostileName },
);
const username = fc.oneof(
  { weight: 3, arbitrary: fc.constant(PUBLIC_FIXTURE.user) },
  { weight: 3, arbitrary: fc.constantFrom('bob', 'carol', '_u1', 'constructor') },
  { weight: 1, arbitrary: hostileName },
);
const databaseName = fc.oneof(
  { weight: 3, arbitrary: fc.constant(PUBLIC_FIXTURE.database) },
  { weight: 3, arbitrary: fc.constantFrom('blog', 'app-2', 'constructor') },
  { weight: 1, arbitrary: hostileName },
);
const extensions = fc.array(fc.oneof(fc.constantFrom('pg_trgm', 'hstore', 'uuid-ossp', 'plpython3u'), hostileName), { maxLength: 3 });

const clusterSettings = {
  version: mostly(fc.constantFrom('v15', 'v16', 'v17', 'v18'), hostileName, 8),
  size: int64(fc.integer({ min: 1, max: 4096 })),
  replicas: int64(fc.integer({ min: 1, max: 8 })),
  preset: mostly(fc.constantFrom('nano', 'small', '2xlarge', ''), hostileName, 8),
  external: mostly(fc.boolean(), fc.constantFrom('true', 1, null)),
  quorum: mostly(
    fc.record({ minSyncReplicas: int64(fc.integer({ min: 0, max: 3 })), maxSyncReplicas: int64(fc.integer({ min: 0, max: 3 })) }, { requiredKeys: [] }),
    hostileJson,
  ),
  config: mostly(fc.record({ maxConnections: int64(fc.integer({ min: 1, max: 10000 })) }, { requiredKeys: [] }), hostileJson),
  extra: hostileJson,
};

const userConfig = fc.record(
  {
    privileges: mostly(fc.record({ replication: mostly(fc.boolean(), hostileJson) }, { requiredKeys: [] }), hostileJson),
    databases: mostly(
      fc.dictionary(
        databaseName,
        mostly(fc.record({ role: mostly(fc.constantFrom('admin', 'readonly', ''), fc.constantFrom('owner', 'superuser')) }), hostileJson),
        { maxKeys: 2 },
      ),
      hostileJson,
    ),
  },
  { requiredKeys: [] },
);

/** A body for the operation's request schema (or for none), usually almost right. */
const bodies: Record<string, fc.Arbitrary<unknown>> = {
  ClusterCreate: fc.record({ name: clusterName, ...clusterSettings }, { requiredKeys: ['name', 'version', 'size'] }),
  ClusterUpdate: fc.record(clusterSettings, { requiredKeys: ['version', 'size'] }),
  DatabaseCreate: fc.record({ databaseName, extensions, extra: hostileJson }, { requiredKeys: ['databaseName'] }),
  DatabaseUpdate: fc.record({ extensions }, { requiredKeys: [] }),
  UserCreate: fc.record({ username, config: userConfig, password: fc.option(hostileName, { nil: undefined, freq: 5 }) }, { requiredKeys: ['username'] }),
  UserUpdate: fc.record({ config: userConfig, username }, { requiredKeys: ['config'] }),
};

const bodyFor = (schema: string | null): fc.Arbitrary<string | undefined> => {
  const shaped = schema ? bodies[schema] : undefined;
  return fc.oneof(
    { weight: shaped ? 10 : 0, arbitrary: (shaped ?? fc.constant({})).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: rawHostileBody },
    { weight: schema ? 0 : 3, arbitrary: fc.constant(undefined) },
  );
};

const projectSegment = (own: string, other: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constant(own) },
    { weight: 1, arbitrary: fc.constant(other) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostilePathSegment },
  );

const segment = (meant: fc.Arbitrary<string>): fc.Arbitrary<{ meant: string; sent: string }> =>
  fc.oneof(
    { weight: 4, arbitrary: meant.map((m) => ({ meant: m, sent: encodeURIComponent(m.replace(/[\ud800-\udfff]/g, 'x')) })) },
    { weight: 1, arbitrary: hostilePathSegment.map((s) => ({ meant: s, sent: s })) },
  );

const key: fc.Arbitrary<KeyChoice> = fc.oneof(
  { weight: 10, arbitrary: fc.constant<KeyChoice>('admin') },
  { weight: 1, arbitrary: fc.constantFrom<KeyChoice>('read', 'other-project', 'none', 'empty', 'forged') },
);

/** One hostile request to the public API of the project `own` (`other` is another tenant's project). */
export function publicFrontRequest(own: string, other: string): fc.Arbitrary<PublicCase> {
  const ids = Object.keys(publicOperations) as PublicOperationId[];
  return fc.constantFrom(...ids).chain((operation) => {
    const op = publicOperations[operation];
    return fc
      .record({
        projectId: projectSegment(own, other),
        name: segment(clusterName),
        username: segment(username),
        databaseName: segment(databaseName),
        method: mostly(fc.constant(op.method.toUpperCase()), fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'), 15),
        trailing: mostly(fc.constant(''), fc.constantFrom('/', '//', '/x'), 10),
        key,
        contentType: hostileContentType(['application/json']),
        body: bodyFor(op.requestBody),
        protocol: fc.constantFrom<'http1' | 'http2'>('http1', 'http1', 'http2'),
      })
      .map((r) => {
        const params: Record<string, string> = {
          projectId: decodedOr(r.projectId),
          name: r.name.meant,
          clusterName: r.name.meant,
          username: r.username.meant,
          databaseName: r.databaseName.meant,
        };
        const sent: Record<string, string> = {
          projectId: r.projectId,
          name: r.name.sent,
          clusterName: r.name.sent,
          username: r.username.sent,
          databaseName: r.databaseName.sent,
        };
        const path = op.path.replace(/\{([A-Za-z]+)\}/g, (_m, p: string) => sent[p] ?? '') + r.trailing;
        return { operation, method: r.method, path, key: r.key, contentType: r.contentType, body: r.body, protocol: r.protocol, params };
      });
  });
}

function decodedOr(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
