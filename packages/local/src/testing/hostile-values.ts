// fast-check generators of what an attacker with a tenant's credentials would send, shared by the
// property suites of both fronts: names at and over every bound, reserved and look-alike names,
// control characters, quotes, path tricks, deep and wide JSON, and raw bodies that are not JSON.

import fc from 'fast-check';

/** Names that sit on a rule's edge: reserved, look-alikes, lengths around 63, quotes, control characters. */
const EDGE_NAMES = [
  '',
  '.',
  '..',
  '...',
  '-',
  '_',
  'a',
  'postgres',
  'Postgres',
  'POSTGRES',
  'streaming_replica',
  'Streaming_Replica',
  'cnpg_pooler_pgbouncer',
  'public',
  'none',
  'template0',
  'template1',
  'Template1',
  'pg_x',
  'PG_X',
  'pg_',
  'app',
  'app_admin',
  'app_readonly',
  'app-1',
  'x.y',
  '1abc',
  'a'.repeat(44),
  'a'.repeat(45),
  'a'.repeat(54),
  'a'.repeat(55),
  'a'.repeat(63),
  'a'.repeat(64),
  'a'.repeat(254),
  'a\nb',
  'a\rb',
  'a\tb',
  'a\u0000b',
  'a\u007fb',
  "a'b",
  'a"b',
  'a\\b',
  'a;drop role postgres',
  'a b',
  'a/b',
  'a%2Fb',
  '%2e%2e',
  '../x',
  'é',
  'ﬁ',
  '\u202eevil',
  '\ud800',
  'x=y',
  '$(id)',
  '`id`',
  '${x}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
] as const;

/** PostgreSQL parameter names: blocked ones in any case, operator-managed ones, dotted ones, malformed ones. */
const EDGE_PARAMETERS = [
  'max_connections',
  'work_mem',
  'shared_buffers',
  'log_statement',
  'auto_explain.log_min_duration',
  'a.b.c',
  'archive_command',
  'Archive_Command',
  'ARCHIVE_COMMAND',
  'archive_mode',
  'shared_preload_libraries',
  'jit_provider',
  'hba_file',
  'data_directory',
  'config_file',
  'port',
  'listen_addresses',
  'wal_level',
  'ssl',
  'log_directory',
  'unix_socket_directories',
  'restore_command',
  'dynamic_library_path',
  'max_connections=1',
  'work_mem\n',
  'a b',
  '1x',
  '_x',
  'x.',
  '.x',
  'x..y',
  'p'.repeat(63),
  'p'.repeat(64),
  '__proto__',
] as const;

/** Parameter values: integers at the edges, strings with newlines, quotes and escapes, and non-scalars. */
const EDGE_PARAMETER_VALUES = [
  0,
  -1,
  1,
  100,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1.5,
  '100',
  '64MB',
  'on',
  '',
  "'",
  "a'b",
  '\\',
  'a\nb',
  "x'\nshared_preload_libraries='evil",
  'a\u0000b',
  'a\tb',
  '#',
  "include '/etc/passwd'",
  true,
  null,
  [],
  {},
  ['a'],
] as const;

const edgeName = fc.constantFrom(...EDGE_NAMES);

/** Any name: an edge case, a plausible valid one, or arbitrary text (any code point). */
export const hostileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: edgeName },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,70}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
);

export const hostileParameterName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_PARAMETERS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}(\.[a-z_][a-z0-9_]{0,8})?$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
);

export const hostileParameterValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_PARAMETER_VALUES) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Any JSON value, a little deep and wide, with keys an attacker likes. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(2 ** 53, -0, 1e308)),
    hostileName,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileName, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** `n` nested collections, as text: past the depth bound when n > 100. */
const deepJsonText = fc
  .integer({ min: 90, max: 3000 })
  .chain((n) => fc.constantFrom(`${'['.repeat(n)}${']'.repeat(n)}`, `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`, `{"spec":${'['.repeat(n)}`));

/** Bodies that are not what the Content-Type says, or are costly to parse. */
export const rawHostileBody: fc.Arbitrary<string> = fc.oneof(
  deepJsonText,
  fc.constantFrom(
    '',
    ' ',
    'null',
    '[]',
    '"x"',
    '1',
    'true',
    '{',
    '}',
    '{"a":1,"a":2}',
    '{"spec":{"users":{"u":{},"u":{"password":"x"}}}}',
    '\u0000',
    '\ufeff{}',
    'a: &a [*a, *a]',
    'a: !!binary AAAA',
    'a: !!js/function "function(){}"',
    '? [a]\n: b',
    '--- {}\n--- {}',
    '%YAML 9.9\n---\na: 1',
    'x: "\\u0000"',
    `a: ${'['.repeat(150)}`,
    `${'- '.repeat(150)}a`,
    Array.from({ length: 30 }, (_, i) => `${' '.repeat(i * 4)}k${i}:`).join('\n'),
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
);

/** A request Content-Type: the right one, its variants, another front's, nonsense, or none (undefined). */
export const hostileContentType = (right: readonly string[]): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...right) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'application/json',
        'application/yaml',
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'application/json;charset=latin1',
        'application/merge-patch+json',
        'application/json-patch+json',
        'application/strategic-merge-patch+json',
        'application/apply-patch+yaml',
        'text/plain',
        'text/yaml',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/vnd.kubernetes.protobuf',
        '*/*',
        'application/',
        ';',
        'application/json, text/plain',
      ),
    },
  );

/** A path segment for a name: encoded as a client would, or sent with dot-segments and broken escapes. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileName.map((n) => encodeURIComponent(n.replace(/[\ud800-\udfff]/g, 'x'))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2e', '%2F', 'a%2Fb', '%zz', '%', '%00', '%ff', '%c0%ae%c0%ae', 'a%20b', '~', '*', 'keep%00'),
  },
);
