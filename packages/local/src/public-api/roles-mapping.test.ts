import type { PostgresSpec } from '@hikube/sdk/kubernetes';
import { publicSchemas } from '@hikube/sdk/public';
import { describe, expect, it } from 'vitest';
import {
  databaseFromSpec,
  databaseOf,
  databasesFromSpec,
  specWithDatabase,
  specWithoutDatabase,
  specWithoutUser,
  specWithUser,
  userFromSpec,
  usersFromSpec,
  userOf,
  type UserConfigInput,
} from './roles-mapping.js';

const shop: PostgresSpec = {
  users: { app: { password: 'kept-secret' }, report: { replication: true } },
  databases: {
    shop: { roles: { admin: ['app'], readonly: ['report'] }, extensions: ['pgcrypto'] },
    logs: { roles: { admin: [], readonly: ['app'] } },
  },
};

describe('reading users and databases from the spec', () => {
  it('gives each user its role map and replication privilege, never its password', () => {
    expect(usersFromSpec(shop)).toEqual([
      { username: 'app', config: { privileges: { replication: false }, databases: { logs: { role: 'readonly' }, shop: { role: 'admin' } } } },
      { username: 'report', config: { privileges: { replication: true }, databases: { shop: { role: 'readonly' } } } },
    ]);
    expect(JSON.stringify(usersFromSpec(shop))).not.toContain('kept-secret');
  });

  it('gives each database its role lists and extensions', () => {
    expect(databasesFromSpec(shop)).toEqual([
      { databaseName: 'logs', roles: { admin: [], readonly: ['app'] }, extensions: [] },
      { databaseName: 'shop', roles: { admin: ['app'], readonly: ['report'] }, extensions: ['pgcrypto'] },
    ]);
  });

  it('has nothing for a name the spec lacks', () => {
    expect(userFromSpec(shop, 'ghost')).toBeUndefined();
    expect(databaseFromSpec(shop, 'ghost')).toBeUndefined();
  });

  it('reads back through the document schemas unchanged', () => {
    for (const user of usersFromSpec(shop)) expect(publicSchemas.userSchema.parse(user)).toEqual(user);
    for (const database of databasesFromSpec(shop)) expect(publicSchemas.databaseSchema.parse(database)).toEqual(database);
  });
});

describe('specWithUser', () => {
  const cases: { name: string; given: { username: string; config: UserConfigInput; password?: string }; want: PostgresSpec }[] = [
    {
      name: 'a new user with an admin role',
      given: { username: 'ops', config: { databases: { shop: { role: 'admin' } } }, password: 'p' },
      want: {
        users: { ...shop.users, ops: { replication: false, password: 'p' } },
        databases: {
          shop: { roles: { admin: ['app', 'ops'], readonly: ['report'] }, extensions: ['pgcrypto'] },
          logs: { roles: { admin: [], readonly: ['app'] } },
        },
      },
    },
    {
      name: 'the role map replaces the previous one; the password is kept',
      given: { username: 'app', config: { databases: { logs: { role: 'admin' } } } },
      want: {
        users: { ...shop.users, app: { password: 'kept-secret', replication: false } },
        databases: { shop: { roles: { admin: [], readonly: ['report'] }, extensions: ['pgcrypto'] }, logs: { roles: { admin: ['app'], readonly: [] } } },
      },
    },
    {
      name: 'an omitted replication privilege becomes false',
      given: { username: 'report', config: {} },
      want: {
        users: { ...shop.users, report: { replication: false } },
        databases: { shop: { roles: { admin: ['app'], readonly: [] }, extensions: ['pgcrypto'] }, logs: { roles: { admin: [], readonly: ['app'] } } },
      },
    },
    {
      name: 'a database the role map names that does not exist is created',
      given: { username: 'report', config: { privileges: { replication: true }, databases: { billing: { role: 'readonly' }, audit: { role: '' } } } },
      want: {
        users: { ...shop.users, report: { replication: true } },
        databases: {
          shop: { roles: { admin: ['app'], readonly: [] }, extensions: ['pgcrypto'] },
          logs: { roles: { admin: [], readonly: ['app'] } },
          billing: { roles: { admin: [], readonly: ['report'] }, extensions: [] },
          audit: { roles: { admin: [], readonly: [] }, extensions: [] },
        },
      },
    },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(specWithUser(shop, given.username, given.config, given.password)).toEqual(want);
    });
  }

  it('round trips a role map through the spec', () => {
    const config = { privileges: { replication: true }, databases: { billing: { role: 'admin' as const }, shop: { role: 'readonly' as const } } };
    expect(userFromSpec(specWithUser(shop, 'ops', config), 'ops')).toEqual({ username: 'ops', config });
  });

  it('leaves the spec it starts from unchanged', () => {
    const before = structuredClone(shop);
    specWithUser(shop, 'app', { databases: { logs: { role: 'admin' } } });
    expect(shop).toEqual(before);
  });
});

describe('removing and setting', () => {
  it('a removed user leaves every role list', () => {
    expect(specWithoutUser(shop, 'app')).toEqual({
      users: { report: { replication: true } },
      databases: { shop: { roles: { admin: [], readonly: ['report'] }, extensions: ['pgcrypto'] }, logs: { roles: { admin: [], readonly: [] } } },
    });
  });

  it('a database update replaces its extension list and keeps its roles', () => {
    const spec = specWithDatabase(shop, 'shop', ['hstore']);
    expect(databaseFromSpec(spec, 'shop')).toEqual({ databaseName: 'shop', roles: { admin: ['app'], readonly: ['report'] }, extensions: ['hstore'] });
  });

  it('a new database starts with no roles', () => {
    expect(databaseFromSpec(specWithDatabase({}, 'fresh', []), 'fresh')).toEqual({ databaseName: 'fresh', roles: { admin: [], readonly: [] }, extensions: [] });
  });

  it('a removed database is gone and the others stay', () => {
    expect(Object.keys(specWithoutDatabase(shop, 'logs').databases ?? {})).toEqual(['shop']);
  });
});

describe('names that are properties of every object (the property suite found "toString" updated into existence)', () => {
  const spec: PostgresSpec = { users: { app: {} }, databases: { shop: { roles: { admin: ['app'] } } } };
  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])('%s is neither a user nor a database of a spec without it', (name) => {
    expect(userOf(spec, name)).toBeUndefined();
    expect(databaseOf(spec, name)).toBeUndefined();
    expect(userFromSpec(spec, name)).toBeUndefined();
    expect(databaseFromSpec(spec, name)).toBeUndefined();
  });

  it('a database created under such a name starts empty, like any other', () => {
    expect(specWithDatabase(spec, 'constructor', ['hstore']).databases?.['constructor']).toEqual({
      roles: { admin: [], readonly: [] },
      extensions: ['hstore'],
    });
    expect(specWithUser(spec, 'app', { databases: { constructor: { role: 'readonly' as const } } }).databases?.['constructor']).toEqual({
      roles: { admin: [], readonly: ['app'] },
      extensions: [],
    });
  });
});
