import { describe, expect, it } from 'vitest';
import { formatPath } from '../postgres-cluster/plan-issue.js';
import { checkUserPlan, rotates, userChange, type UserValues } from './user-operations.js';

const user = (fields: Partial<UserValues> = {}): UserValues => ({
  id: 'orders/app',
  cluster: 'orders',
  name: 'app',
  replication: false,
  databases: { shop: 'admin' },
  password_version: 1,
  password: 'p',
  ...fields,
});
const allKnown = { name: true, databases: true, replication: true };

describe('checkUserPlan', () => {
  const cases: { name: string; given: Partial<UserValues>; at: string; says: RegExp }[] = [
    { name: 'the reserved postgres', given: { name: 'postgres' }, at: 'name', says: /not `postgres`/ },
    { name: 'a pg_ name', given: { name: 'pg_admin' }, at: 'name', says: /not starting with `pg_`/ },
    { name: 'a hyphen in the name', given: { name: 'app-user' }, at: 'name', says: /lowercase letters, digits and underscores/ },
    { name: 'a name PostgreSQL would cut', given: { name: 'u'.repeat(64) }, at: 'name', says: /at most 63/ },
    { name: 'an unknown role', given: { databases: { shop: 'owner' } }, at: 'databases', says: /must be one of "admin", "readonly", ""/ },
    { name: 'an empty role', given: { databases: { shop: '' } }, at: 'databases["shop"]', says: /leave the database out/ },
    { name: 'a database name with an underscore', given: { databases: { my_shop: 'admin' } }, at: 'databases', says: /no underscore/ },
  ];
  it.each(cases)('refuses $name at the attribute', ({ given, at, says }) => {
    const issues = checkUserPlan({ config: user(given), prior: null, known: allKnown }).filter((issue) => issue.severity === 'error');
    expect(issues.map((issue) => formatPath(issue.path))).toContain(at);
    expect(issues.find((issue) => formatPath(issue.path) === at)?.detail).toMatch(says);
  });

  it('accepts a valid user, and skips what is not known yet', () => {
    expect(checkUserPlan({ config: user(), prior: null, known: allKnown })).toEqual([]);
    expect(checkUserPlan({ config: user({ name: 'Bad-Name' }), prior: null, known: { ...allKnown, name: false } })).toEqual([]);
  });

  it('warns that a rotation cuts off the old password at once', () => {
    const issues = checkUserPlan({ config: user({ password_version: 2 }), prior: user(), known: allKnown });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', summary: 'Password rotation' });
    expect(issues[0]?.detail).toMatch(/from 1 to 2.*the old password stops working at once/);
    expect(JSON.stringify(issues)).not.toContain('"p"');
  });
});

describe('rotates', () => {
  it('only when the trigger moves to a new value', () => {
    expect(rotates(null, user())).toBe(false);
    expect(rotates(user(), user())).toBe(false);
    expect(rotates(user(), user({ password_version: 2 }))).toBe(true);
    expect(rotates(user(), user({ password_version: null }))).toBe(false);
    // An imported user (no version, no password) gets one when the trigger is first set.
    expect(rotates(user({ password_version: null, password: null }), user())).toBe(true);
  });
});

describe('userChange', () => {
  it('sends the complete role map: dropped databases lose the role, replication is always sent', () => {
    const change = userChange(
      user({ databases: { shop: 'admin', old: 'readonly' } }),
      user({ databases: { shop: 'readonly', bi: 'readonly' }, replication: true }),
    );
    expect(change).toEqual({ databases: { shop: { role: 'readonly' }, old: { role: '' }, bi: { role: 'readonly' } }, privileges: { replication: true } });
  });
});
