import { describe, expect, it } from 'vitest';
import { formatPath } from '../postgres-cluster/plan-issue.js';
import { checkDatabasePlan, type DatabaseValues } from './database-operations.js';

const database = (fields: Partial<DatabaseValues> = {}): DatabaseValues => ({ id: null, cluster: 'orders', name: 'shop', extensions: ['pgcrypto'], ...fields });
const catalog = ['citext', 'hstore', 'pgcrypto', 'uuid-ossp'];

async function check(config: DatabaseValues, prior: DatabaseValues | null = null) {
  let reads = 0;
  const issues = await checkDatabasePlan({ config, prior, known: { name: true, extensions: true }, extensionsCatalog: async () => (reads++, catalog) });
  return { issues, reads, paths: issues.map((issue) => formatPath(issue.path)) };
}

describe('checkDatabasePlan', () => {
  it('accepts catalog extensions', async () => {
    expect((await check(database({ extensions: ['pgcrypto', 'citext'] }))).issues).toEqual([]);
  });

  it('refuses a name with an underscore, before reading the catalog', async () => {
    const result = await check(database({ name: 'my_shop', extensions: ['nope'] }));
    expect(result.paths).toEqual(['name']);
    expect(result.issues[0]?.detail).toMatch(/no underscore/);
    expect(result.reads).toBe(0);
  });

  it('refuses an extension not in the catalog, naming the catalog', async () => {
    const result = await check(database({ extensions: ['pgcrypto', 'timescaledb'] }));
    expect(result.paths).toEqual(['extensions']);
    expect(result.issues[0]?.detail).toMatch(/"timescaledb" is not in Hikube's extensions catalog: use some of "citext"/);
  });

  it('does not read the catalog when the list is unchanged', async () => {
    expect((await check(database(), database())).reads).toBe(0);
    expect((await check(database({ extensions: [] }))).reads).toBe(0);
  });
});
