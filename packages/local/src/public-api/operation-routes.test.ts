import { publicOperations, type PublicOperationId } from '@hikube/sdk/public';
import { describe, expect, it } from 'vitest';
import { matchOperation } from './operation-routes.js';

describe('matchOperation', () => {
  // Driven by the document: a new operation is routed, with its scope, or this fails.
  for (const [id, op] of Object.entries(publicOperations) as [PublicOperationId, (typeof publicOperations)[PublicOperationId]][]) {
    it(`${op.method.toUpperCase()} ${op.path} is ${id}`, () => {
      const params = Object.fromEntries(op.pathParams.map((name) => [name, `${name}-value`]));
      const path = op.path.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => `${name}-value`);
      expect(matchOperation(op.method.toUpperCase(), path)).toEqual({ id, scope: op.scope, params });
    });
  }

  const others: { name: string; given: [string, string]; want: ReturnType<typeof matchOperation> }[] = [
    { name: 'a documented path under another method', given: ['PUT', '/postgres/v1alpha1/projects/p/clusters/c'], want: 'methodMismatch' },
    { name: 'a path the document does not have', given: ['GET', '/postgres/v1alpha1/projects/p/backups'], want: undefined },
    { name: 'an extra segment', given: ['GET', '/postgres/v1alpha1/projects/p/clusters/c/x/y/z'], want: undefined },
  ];
  for (const { name, given, want } of others) {
    it(name, () => {
      expect(matchOperation(...given)).toEqual(want);
    });
  }

  it('decodes path parameters', () => {
    expect(matchOperation('GET', '/postgres/v1alpha1/projects/p%2Dq/clusters')).toMatchObject({ params: { projectId: 'p-q' } });
    expect(matchOperation('GET', '/postgres/v1alpha1/projects/p%E0%A4%A/clusters')).toMatchObject({ params: { projectId: 'p%E0%A4%A' } });
  });
});
