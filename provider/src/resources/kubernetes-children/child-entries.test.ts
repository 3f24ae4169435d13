import { describe, expect, it } from 'vitest';
import type { PostgresSpec } from '../postgres-cluster/postgres-spec.js';
import { databaseEntryOf, databaseSpecPatch, userEntryOf, userSpecPatch, type UserEntry } from './child-entries.js';

// Two users share the cluster: `app` is ours, `bi` belongs to another resource (or to kubectl).
const spec: PostgresSpec = {
  users: { app: { replication: true }, bi: {} },
  databases: {
    shop: { roles: { admin: ['bi', 'app'], readonly: [] }, extensions: ['pg_trgm', 'hstore'] },
    stats: { roles: { readonly: ['bi'] } },
  },
};

describe('userEntryOf / databaseEntryOf', () => {
  it("read a user's grants from the databases' role lists, and a database's extensions sorted", () => {
    expect(userEntryOf(spec, 'app')).toEqual({ replication: true, databases: { shop: 'admin' } });
    expect(userEntryOf(spec, 'bi')).toEqual({ replication: false, databases: { shop: 'admin', stats: 'readonly' } });
    expect(userEntryOf(spec, 'gone')).toBeNull();
    expect(databaseEntryOf(spec, 'shop')).toEqual({ extensions: ['hstore', 'pg_trgm'] });
    expect(databaseEntryOf(spec, 'stats')).toEqual({ extensions: [] });
    expect(databaseEntryOf(spec, 'gone')).toBeNull();
  });
});

describe('userSpecPatch', () => {
  const cases: { name: string; given: { user: string; desired: UserEntry | null; password?: string }; want: Record<string, unknown> | undefined }[] = [
    {
      name: 'a new user: its key (even empty of settings) and its name appended to the lists it joins',
      given: { user: 'ci', desired: { replication: false, databases: { shop: 'readonly', stats: 'admin' } } },
      want: { users: { ci: { replication: false } }, databases: { shop: { roles: { readonly: ['ci'] } }, stats: { roles: { admin: ['ci'] } } } },
    },
    {
      name: 'a grant on a database no one declared yet creates its key with the role',
      given: { user: 'ci', desired: { replication: false, databases: { logs: 'admin' } } },
      want: { users: { ci: { replication: false } }, databases: { logs: { roles: { admin: ['ci'] } } } },
    },
    {
      name: 'admin -> readonly moves only our name, the other admin stays',
      given: { user: 'app', desired: { replication: true, databases: { shop: 'readonly' } } },
      want: { databases: { shop: { roles: { admin: ['bi'], readonly: ['app'] } } } },
    },
    {
      name: 'a dropped grant and a replication change',
      given: { user: 'app', desired: { replication: false, databases: {} } },
      want: { users: { app: { replication: false } }, databases: { shop: { roles: { admin: ['bi'] } } } },
    },
    { name: 'nothing to change', given: { user: 'app', desired: { replication: true, databases: { shop: 'admin' } } }, want: undefined },
    {
      name: 'a rotation sets only the password',
      given: { user: 'app', desired: { replication: true, databases: { shop: 'admin' } }, password: 'N3wPassw0rd' },
      want: { users: { app: { password: 'N3wPassw0rd' } } },
    },
    {
      name: 'removal: null for the key, our name out of every list, the rest untouched',
      given: { user: 'bi', desired: null },
      want: { users: { bi: null }, databases: { shop: { roles: { admin: ['app'] } }, stats: { roles: { readonly: [] } } } },
    },
    { name: 'removing a user already gone changes nothing', given: { user: 'gone', desired: null }, want: undefined },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(userSpecPatch({ spec, name: given.user, desired: given.desired, ...(given.password === undefined ? {} : { password: given.password }) })).toEqual(
      want,
    );
  });
});

describe('databaseSpecPatch', () => {
  it('sets the extensions whole and sorted under the key (the role lists are not in the patch), or null to remove it', () => {
    expect(databaseSpecPatch('shop', { extensions: ['pg_trgm', 'citext', 'pg_trgm'] })).toEqual({ databases: { shop: { extensions: ['citext', 'pg_trgm'] } } });
    expect(databaseSpecPatch('shop', { extensions: [] })).toEqual({ databases: { shop: { extensions: [] } } });
    expect(databaseSpecPatch('shop', null)).toEqual({ databases: { shop: null } });
  });
});
