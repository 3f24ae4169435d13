import type { Cluster } from '@hikube/sdk';
import { describe, expect, it } from 'vitest';
import { hostAndPort, psqlCommand, renderPublicCluster } from './public-cluster-report.js';

const cluster = (over: Partial<Cluster>): Cluster => ({
  id: 'store',
  projectId: 'p',
  name: 'store',
  version: 'v15',
  replicas: 3,
  external: true,
  size: 10,
  preset: 'small',
  config: { maxConnections: 200 },
  quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
  host: '127.0.0.2',
  status: 'ready',
  ...over,
});

describe('the public API cluster report', () => {
  it.each([
    {
      given: 'a ready 3-replica quorum cluster',
      cluster: cluster({}),
      want: [
        'store · PostgreSQL v15 · ready · 3 replicas · quorum: commits wait for 1 synchronous standby',
        '  host 127.0.0.2, port 5432, TLS (sslmode=require)',
      ],
    },
    {
      given: 'a quorum range, a host with its own port',
      cluster: cluster({ replicas: 4, quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 }, host: '127.0.0.1:40001' }),
      want: [
        'store · PostgreSQL v15 · ready · 4 replicas · quorum: commits wait for 1 to 2 synchronous standbys',
        '  host 127.0.0.1, port 40001, TLS (sslmode=require)',
      ],
    },
    {
      given: 'one replica, still provisioning',
      cluster: cluster({ replicas: 1, quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 }, host: '', status: 'provisioning' }),
      want: ['store · PostgreSQL v15 · provisioning · 1 replica · asynchronous', '  external, no address assigned yet'],
    },
    {
      given: 'an internal cluster',
      cluster: cluster({ external: false, host: '' }),
      want: ['store · PostgreSQL v15 · ready · 3 replicas · quorum: commits wait for 1 synchronous standby', '  not external: no address outside Hikube'],
    },
  ])('renders $given', ({ cluster: given, want }) => {
    expect(renderPublicCluster(given)).toEqual(want);
  });

  it('splits host:port and defaults to 5432', () => {
    expect(hostAndPort('127.0.0.9')).toEqual({ host: '127.0.0.9', port: 5432 });
    expect(hostAndPort('127.0.0.1:6000')).toEqual({ host: '127.0.0.1', port: 6000 });
  });

  it('builds a psql command that reads the password from a command', () => {
    expect(psqlCommand({ host: '127.0.0.2', port: 5432, user: 'app', database: 'shop', passwordCommand: 'terraform output -raw app_password' })).toBe(
      'PGPASSWORD="$(terraform output -raw app_password)" psql "host=127.0.0.2 port=5432 user=app dbname=shop sslmode=require"',
    );
  });
});
