import { describe, expect, it } from 'vitest';
import { PublicApiError } from './public-error.js';
import { parseBody } from './request-body.js';

const refusal = (text: string): PublicApiError => {
  try {
    parseBody(text, 'DatabaseCreate');
  } catch (err) {
    if (err instanceof PublicApiError) return err;
    throw err;
  }
  throw new Error('accepted');
};

describe('public API request bodies', () => {
  it.each([
    {
      name: 'JSON nested 100,000 deep',
      given: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      want: 'invalid body: the request body is nested deeper than 100 levels',
    },
    {
      name: 'more keys than the bound',
      given: `{${Array.from({ length: 20_001 }, (_, n) => `"k${n}":1`).join(',')}}`,
      want: 'invalid body: the request body has more than 20000 object keys',
    },
    { name: 'not JSON', given: '{"databaseName": ', want: 'invalid body: not valid JSON' },
  ])('$name: a 400 naming the body, before any parse', ({ given, want }) => {
    const err = refusal(given);
    expect([err.status, err.message, err.details]).toEqual([400, want, [{ field: 'body' }]]);
  });

  it('reads int64 fields sent as strings and names the first bad field', () => {
    expect(parseBody('{"databaseName": "shop", "extensions": ["pgcrypto"]}', 'DatabaseCreate')).toEqual({ databaseName: 'shop', extensions: ['pgcrypto'] });
    expect(refusal('{"databaseName": "Bad Name"}').details).toEqual([{ field: 'databaseName' }]);
  });

  it.each([
    { name: 'a top-level key', given: '{"databaseName": "a", "databaseName": "b"}', schema: 'DatabaseCreate', field: 'databaseName' },
    { name: 'a key of a PATCH body', given: '{"extensions": ["pgcrypto"], "extensions": []}', schema: 'DatabaseUpdate', field: 'extensions' },
    {
      name: 'a nested key of a PATCH body',
      given: '{"version": "v17", "size": 1, "quorum": {"minSyncReplicas": 1, "minSyncReplicas": 0}}',
      schema: 'ClusterUpdate',
      field: 'quorum.minSyncReplicas',
    },
  ])('$name given twice: a 400 naming it', ({ given, schema, field }) => {
    let caught: unknown;
    try {
      parseBody(given, schema);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PublicApiError);
    expect([(caught as PublicApiError).status, (caught as PublicApiError).details, (caught as PublicApiError).message]).toEqual([
      400,
      [{ field }],
      `invalid ${field}: the key is given more than once in the body; send it once`,
    ]);
  });
});
