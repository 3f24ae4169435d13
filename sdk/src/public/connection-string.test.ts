import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { clusterSchema } from '../generated/public/zod.js';
import { connectionString, type ConnectionSecrets } from './connection-string.js';

const secrets: ConnectionSecrets = { user: 'app', password: 'p@ss/word:1', database: 'myapp' };

describe('connectionString', () => {
  it.each([
    {
      name: 'an external cluster with its address',
      cluster: { name: 'demopg', external: true, host: '203.0.113.7' },
      secrets,
      want: 'postgresql://app:p%40ss%2Fword%3A1@203.0.113.7:5432/myapp?sslmode=require',
    },
    {
      name: 'the postgres database by default',
      cluster: { name: 'demopg', external: true, host: 'pg.example' },
      secrets: { user: 'app', password: 'x' },
      want: 'postgresql://app:x@pg.example:5432/postgres?sslmode=require',
    },
    {
      name: 'an IPv6 address',
      cluster: { name: 'demopg', external: true, host: '2001:db8::7' },
      secrets,
      want: 'postgresql://app:p%40ss%2Fword%3A1@[2001:db8::7]:5432/myapp?sslmode=require',
    },
    {
      name: 'an address with a port (Hikube Local when 5432 was taken)',
      cluster: { name: 'demopg', external: true, host: '127.0.0.3:40123' },
      secrets,
      want: 'postgresql://app:p%40ss%2Fword%3A1@127.0.0.3:40123/myapp?sslmode=require',
    },
    {
      name: 'a bracketed IPv6 address with a port',
      cluster: { name: 'demopg', external: true, host: '[::1]:40123' },
      secrets,
      want: 'postgresql://app:p%40ss%2Fword%3A1@[::1]:40123/myapp?sslmode=require',
    },
  ])('$name', ({ cluster, secrets: given, want }) => {
    expect(connectionString(clusterSchema.parse(cluster), given)).toBe(want);
  });

  it.each([
    { name: 'a cluster that is not external', cluster: { name: 'demopg', external: false, status: 'ready' }, want: /is not external.*external: true/ },
    {
      name: 'an external cluster without its address yet',
      cluster: { name: 'demopg', external: true, status: 'provisioning' },
      want: /has no address yet \(status provisioning\)/,
    },
  ])('refuses $name, without the password', ({ cluster, want }) => {
    const error = (() => {
      try {
        connectionString(clusterSchema.parse(cluster), secrets);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(want);
    expect((error as ConfigError).message).not.toContain(secrets.password);
  });
});
