import { describe, expect, it } from 'vitest';
import { issuePathSegments, removeField } from './prune-unknown.js';

describe('issuePathSegments', () => {
  it.each([
    { given: 'spec.bogus', want: ['spec', 'bogus'] },
    { given: 'spec.users.alice.x', want: ['spec', 'users', 'alice', 'x'] },
    { given: 'spec.users["a.b"].x', want: ['spec', 'users', 'a.b', 'x'] },
    { given: 'spec.users["q\\"]"].x', want: ['spec', 'users', 'q"]', 'x'] },
    { given: 'spec.databases.app.roles.admin[0]', want: ['spec', 'databases', 'app', 'roles', 'admin', 0] },
    { given: 'spec.users.a-b', want: ['spec', 'users', 'a-b'] },
    { given: 'spec..x', want: undefined },
    { given: 'spec.users["open', want: undefined },
  ])('$given', ({ given, want }) => {
    expect(issuePathSegments(given)).toEqual(want);
  });
});

describe('removeField', () => {
  it.each([
    {
      name: 'a nested unknown field',
      path: 'spec.users.alice.x',
      given: { spec: { users: { alice: { x: 1, password: 'p' } } } },
      want: { spec: { users: { alice: { password: 'p' } } } },
      removed: true,
    },
    {
      name: 'under a key with a dot',
      path: 'spec.users["a.b"].y',
      given: { spec: { users: { 'a.b': { y: 1 } } } },
      want: { spec: { users: { 'a.b': {} } } },
      removed: true,
    },
    { name: 'a path that leads nowhere', path: 'spec.users.bob.x', given: { spec: { users: {} } }, want: { spec: { users: {} } }, removed: false },
    { name: 'not through a prototype', path: 'spec.constructor.name', given: { spec: {} }, want: { spec: {} }, removed: false },
    { name: 'not an array item', path: 'spec.list[0]', given: { spec: { list: [1] } }, want: { spec: { list: [1] } }, removed: false },
  ])('$name', ({ path, given, want, removed }) => {
    expect(removeField(given, path)).toBe(removed);
    expect(given).toEqual(want);
  });
});
