import { describe, expect, it } from 'vitest';
import { clusterCreateSchema, userCreateSchema } from '../generated/public/zod.js';
import { publicBodyIssues } from './body-issues.js';

describe('publicBodyIssues', () => {
  it('is empty for a valid body', () => {
    expect(publicBodyIssues(clusterCreateSchema, { name: 'orders', version: 'v17', size: 10 })).toEqual([]);
  });

  it("reports each broken rule at its path, with the document's wording", () => {
    const issues = publicBodyIssues(clusterCreateSchema, { name: 'Orders-DB', version: 'v12', size: 0, quorum: { minSyncReplicas: 2, maxSyncReplicas: 1 } });
    expect(issues.map((issue) => [issue.path, issue.rule])).toEqual([
      ['name', 'pattern'],
      ['version', 'enum'],
      ['size', 'minimum'],
      ['quorum.maxSyncReplicas', 'custom'],
    ]);
    expect(issues[0]?.message).toContain('3 to 16 lowercase letters and digits (no hyphen)');
  });

  it('checks user names against the reserved ones', () => {
    expect(publicBodyIssues(userCreateSchema, { username: 'postgres' }).map((issue) => issue.path)).toEqual(['username']);
  });
});
