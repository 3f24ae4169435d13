import { describe, expect, it } from 'vitest';
import { DB_MARK, GROUP_MARK, nameRefusals, USER_MARK, type Catalog, type WantedNames } from './managed-names.js';

// A fresh primary: the bootstrap superuser, the replication role, PostgreSQL's databases.
const fresh: Catalog = {
  roles: new Map([
    ['postgres', { mark: null }],
    ['streaming_replica', { mark: null }],
    ['pg_monitor', { mark: null }],
    ['app', { mark: USER_MARK }],
    ['shop_admin', { mark: GROUP_MARK }],
    ['shop_readonly', { mark: GROUP_MARK }],
    ['legacy_admin', { mark: GROUP_MARK }],
    ['legacy_readonly', { mark: GROUP_MARK }],
  ]),
  databases: new Map([
    ['postgres', { mark: null, owner: 'postgres' }],
    ['template0', { mark: null, owner: 'postgres' }],
    ['template1', { mark: null, owner: 'postgres' }],
    ['shop', { mark: DB_MARK, owner: 'shop_admin' }],
    // created, then the engine stopped before the comment
    ['legacy', { mark: null, owner: 'legacy_admin' }],
  ]),
};

const db = (name: string, members: string[] = []) => ({ name, members });

describe('nameRefusals', () => {
  const cases: { name: string; given: WantedNames; want: string[] }[] = [
    { name: 'new and own names', given: { users: ['app', 'viewer'], databases: [db('shop', ['app']), db('orders', ['viewer'])] }, want: [] },
    { name: 'a database created before its comment', given: { users: [], databases: [db('legacy')] }, want: [] },
    { name: 'the replication role as a user (issue 18 row 3)', given: { users: ['streaming_replica'], databases: [] }, want: ['streaming_replica'] },
    { name: 'the superuser as a user', given: { users: ['postgres'], databases: [] }, want: ['postgres'] },
    { name: 'a pg_ user', given: { users: ['pg_evil'], databases: [] }, want: ['pg_evil'] },
    { name: 'a predefined role', given: { users: ['pg_monitor'], databases: [] }, want: ['pg_monitor'] },
    { name: 'a user of 64 bytes (issue 18 row 6)', given: { users: ['u'.repeat(64)], databases: [] }, want: ['u'.repeat(64)] },
    { name: 'a user of 63 bytes', given: { users: ['u'.repeat(63)], databases: [] }, want: [] },
    { name: 'a user of 32 two-byte characters', given: { users: ['é'.repeat(32)], databases: [] }, want: ['é'.repeat(32)] },
    { name: 'template0 (issue 18 row 5)', given: { users: [], databases: [db('template0')] }, want: ['template0'] },
    { name: 'the maintenance database (issue 18 row 5)', given: { users: [], databases: [db('postgres')] }, want: ['postgres'] },
    { name: 'a database whose roles would be cut', given: { users: [], databases: [db('d'.repeat(55))] }, want: [`${'d'.repeat(55)}_readonly`] },
    { name: 'a database whose roles would start with pg_', given: { users: [], databases: [db('pg_x')] }, want: ['pg_x_admin', 'pg_x_readonly'] },
    { name: 'a user named like a database role', given: { users: ['orders_admin'], databases: [db('orders')] }, want: ['orders_admin'] },
    { name: 'a database named like a user', given: { users: [], databases: [db('app')] }, want: [] },
    { name: 'a grant to an undeclared role', given: { users: [], databases: [db('shop', ['postgres'])] }, want: ['postgres'] },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const refusals = nameRefusals(given, fresh);
    expect(refusals.map((r) => r.name)).toEqual(want);
    for (const r of refusals) expect(r.reason.length).toBeGreaterThan(20);
  });

  it('refuses a database role that exists as another kind of role', () => {
    const catalog: Catalog = { roles: new Map([['crm_admin', { mark: USER_MARK }]]), databases: new Map() };
    expect(nameRefusals({ users: [], databases: [db('crm')] }, catalog).map((r) => r.name)).toEqual(['crm_admin']);
  });
});
