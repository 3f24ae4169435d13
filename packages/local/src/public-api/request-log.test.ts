import { describe, expect, it } from 'vitest';
import { PublicRequestLog } from './request-log.js';

const project = '01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f';

describe('PublicRequestLog', () => {
  it('names the operation of each request and whether it mutates', () => {
    const log = new PublicRequestLog();
    log.record('GET', `/postgres/v1alpha1/projects/${project}/clusters/orders`, 200);
    log.record('PATCH', `/postgres/v1alpha1/projects/${project}/clusters/orders`, 400);
    log.record('POST', `/postgres/v1alpha1/projects/${project}/clusters/orders/users/app/rotate-password`, 200);
    log.record('GET', '/postgres/v1alpha1/presets', 200);
    log.record('PUT', '/postgres/v1alpha1/nowhere', 404);
    expect(log.entries().map(({ operationId, mutating, status }) => [operationId, mutating, status])).toEqual([
      ['PostgresService_GetPostgresCluster', false, 200],
      ['PostgresService_UpdatePostgresCluster', true, 400],
      ['PostgresService_RotateUserPassword', true, 200],
      ['PostgresService_ListPostgresPresets', false, 200],
      [null, true, 404],
    ]);
  });

  it('keeps only the most recent entries', () => {
    const log = new PublicRequestLog(2);
    for (const name of ['a', 'b', 'c']) log.record('GET', `/postgres/v1alpha1/projects/${project}/clusters/${name}`, 200);
    expect(log.entries().map((entry) => entry.path.split('/').at(-1))).toEqual(['b', 'c']);
  });
});
