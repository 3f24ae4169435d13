import { describe, expect, it } from 'vitest';
import { electFailoverCandidate, type StandbyObservation } from './failover-candidate.js';
import { classifyParameterChanges, lowersHotStandbyMinimum, rollingRestartPlan } from './parameter-plan.js';
import { resourceSettings } from './resources-plan.js';
import { planScale } from './scale-plan.js';
import { decideSynchronousStandbys } from './sync-quorum.js';
import { releaseDone, type ReadinessFacts } from './status-plan.js';
import { CNPG_PROFILE, FAST_PROFILE, profileByName } from './health-profile.js';
import { LAG_REFRESH_INTERVAL_MS, lagBucket, lagNeedsRefresh } from './lag-refresh.js';
import { planPod } from './pod-plan.js';

describe('synchronous quorum (CloudNativePG legacy min/max)', () => {
  const three = ['pg-2', 'pg-3', 'pg-4'];
  it.each([
    { name: 'async when 0/0', min: 0, max: 0, ready: three, want: '' },
    { name: 'max when enough are ready', min: 1, max: 2, ready: three, want: 'ANY 2 ("pg-2", "pg-3", "pg-4")' },
    { name: 'one of two', min: 1, max: 1, ready: ['pg-3', 'pg-2'], want: 'ANY 1 ("pg-2", "pg-3")' },
    { name: 'falls back to min when fewer than max are ready', min: 1, max: 2, ready: ['pg-2'], want: 'ANY 1 ("pg-2")' },
    { name: 'falls back to ready count below min (self-healing)', min: 2, max: 2, ready: ['pg-2'], want: 'ANY 1 ("pg-2")' },
    { name: 'min 0 with too few ready turns async', min: 0, max: 2, ready: ['pg-2'], want: '' },
    { name: 'no standby ready: async', min: 1, max: 1, ready: [], want: '' },
  ])('$name', ({ min, max, ready, want }) => {
    expect(decideSynchronousStandbys({ minSyncReplicas: min, maxSyncReplicas: max }, ready).value).toBe(want);
  });

  it('reports the number in effect', () => {
    expect(decideSynchronousStandbys({ minSyncReplicas: 2, maxSyncReplicas: 2 }, ['a']).number).toBe(1);
  });
});

describe('failover candidate', () => {
  const s = (name: string, receiveLsn: string | null, extra: Partial<StandbyObservation> = {}): StandbyObservation => ({
    name,
    healthy: true,
    receiveLsn,
    replayLsn: receiveLsn,
    synchronous: false,
    ...extra,
  });
  it.each([
    { name: 'most advanced received WAL wins', given: [s('a', '0/3000000'), s('b', '0/3000100')], want: 'b' },
    { name: 'unhealthy standbys are skipped', given: [s('a', '0/3000000'), s('b', '0/9000000', { healthy: false })], want: 'a' },
    { name: 'synchronous first on a tie', given: [s('a', '0/3000000'), s('b', '0/3000000', { synchronous: true })], want: 'b' },
    { name: 'preferred site on a full tie', given: [s('a', '0/3000000'), s('b', '0/3000000', { preferredSite: true })], want: 'b' },
    { name: 'name breaks the last tie', given: [s('b', '0/1'), s('a', '0/1')], want: 'a' },
    { name: 'none healthy', given: [s('a', '0/1', { healthy: false })], want: undefined },
  ])('$name', ({ given, want }) => expect(electFailoverCandidate(given)).toBe(want));
});

describe('scale plans', () => {
  it.each([
    { name: 'create from nothing', have: [], desired: 3, primary: undefined, want: { add: [1, 2, 3], remove: [] } },
    { name: 'scale up fills the next ordinals', have: [1, 2, 3], desired: 5, primary: 1, want: { add: [4, 5], remove: [] } },
    { name: 'scale down drops the highest standbys', have: [1, 2, 3, 4, 5], desired: 2, primary: 1, want: { add: [], remove: [5, 4, 3] } },
    { name: 'never the primary, even when it is the highest', have: [1, 2, 3], desired: 2, primary: 3, want: { add: [], remove: [2] } },
    { name: 'zero replicas keeps the primary', have: [1, 2], desired: 0, primary: 2, want: { add: [], remove: [1] } },
    { name: 'refills a gap', have: [1, 3], desired: 3, primary: 1, want: { add: [2], remove: [] } },
  ])('$name', ({ have, desired, primary, want }) => expect(planScale(have, desired, primary)).toEqual(want));
});

describe('parameters', () => {
  const contexts: Record<string, string> = {
    work_mem: 'user',
    max_connections: 'postmaster',
    log_min_duration_statement: 'superuser',
    checkpoint_timeout: 'sighup',
    block_size: 'internal',
  };
  it.each([
    { name: 'reloadable', before: { work_mem: '4MB' }, after: { work_mem: '8MB' }, want: { reload: ['work_mem'], restart: [], rejected: [] } },
    { name: 'restart', before: {}, after: { max_connections: '200' }, want: { reload: [], restart: ['max_connections'], rejected: [] } },
    {
      name: 'mixed, and removal counts as change',
      before: { checkpoint_timeout: '5min', work_mem: '4MB' },
      after: { work_mem: '4MB', log_min_duration_statement: '1s', max_connections: '50' },
      want: { reload: ['checkpoint_timeout', 'log_min_duration_statement'], restart: ['max_connections'], rejected: [] },
    },
    {
      name: 'internal and unknown are rejected',
      before: {},
      after: { block_size: '1', no_such: 'x' },
      want: { reload: [], restart: [], rejected: ['block_size', 'no_such'] },
    },
  ])('$name', ({ before, after, want }) => {
    expect(classifyParameterChanges(before, after, (n) => contexts[n])).toEqual(want);
  });

  it.each([
    { name: 'raising max_connections', before: { max_connections: '100' }, after: { max_connections: '200' }, want: false },
    { name: 'lowering max_connections', before: { max_connections: '200' }, after: { max_connections: '100' }, want: true },
    { name: 'lowering to the default', before: { max_wal_senders: '40' }, after: {}, want: true },
    { name: 'other settings do not count', before: { work_mem: '8MB' }, after: { work_mem: '4MB' }, want: false },
  ])('hot standby minimum: $name', ({ before, after, want }) => {
    expect(lowersHotStandbyMinimum(before, after, { max_connections: '100', max_wal_senders: '30' })).toBe(want);
  });

  it('restarts standbys, switches over, then restarts the old primary', () => {
    expect(rollingRestartPlan(['pg-1', 'pg-2', 'pg-3'], 'pg-1')).toEqual([
      { action: 'restart', instance: 'pg-3' },
      { action: 'restart', instance: 'pg-2' },
      { action: 'switchover', from: 'pg-1', to: 'pg-2' },
      { action: 'restart', instance: 'pg-1' },
    ]);
    expect(rollingRestartPlan(['pg-1'], 'pg-1')).toEqual([{ action: 'restart', instance: 'pg-1' }]);
  });
});

describe('resources', () => {
  it.each([
    { name: 'default preset t1.micro', resources: undefined, preset: undefined, want: '64MB' },
    { name: 'preset large', resources: undefined, preset: 'large', want: '512MB' },
    // The chart's table (cozy-lib _resourcepresets.tpl): a series sets memory per CPU.
    { name: 't1.medium is 1Gi', resources: undefined, preset: 't1.medium', want: '256MB' },
    { name: "c1.small is 1Gi, not small's 512Mi", resources: undefined, preset: 'c1.small', want: '256MB' },
    { name: 's1.micro is 1Gi', resources: undefined, preset: 's1.micro', want: '256MB' },
    { name: 'u1.nano is 1Gi', resources: undefined, preset: 'u1.nano', want: '256MB' },
    { name: 'm1.nano is 2Gi', resources: undefined, preset: 'm1.nano', want: '512MB' },
    { name: 'explicit memory wins', resources: { memory: '2Gi' }, preset: 'nano', want: '512MB' },
    { name: 'tiny floor', resources: { memory: '32Mi' }, preset: undefined, want: '16MB' },
  ])('$name', ({ resources, preset, want }) => {
    expect(resourceSettings(resources, preset).parameters['shared_buffers']).toBe(want);
  });
});

describe('a release action is done when Helm would stop waiting', () => {
  const healthy: ReadinessFacts = {
    phase: 'Healthy',
    primary: 'pg-1',
    primaryReady: true,
    rolesApplied: true,
    instances: 3,
    readyInstances: 3,
    applying: false,
  };
  it.each([
    { name: 'serving', given: healthy, want: true },
    { name: 'a standby down does not hold the release', given: { ...healthy, phase: 'Degraded' as const, readyInstances: 2 }, want: true },
    { name: 'creating', given: { ...healthy, primaryReady: false, instances: 0, readyInstances: 0, phase: 'Initializing' as const }, want: false },
    { name: 'still applying the new spec', given: { ...healthy, applying: true }, want: false },
    { name: 'failing over while the release runs', given: { ...healthy, phase: 'FailingOver' as const, primaryReady: false, readyInstances: 2 }, want: false },
    { name: 'users not applied yet', given: { ...healthy, rolesApplied: false }, want: false },
  ])('$name: $want', ({ given, want }) => {
    expect(releaseDone(given)).toBe(want);
  });
});

describe('health profiles', () => {
  it.each([
    { given: undefined, want: FAST_PROFILE },
    { given: 'fast', want: FAST_PROFILE },
    { given: 'cloudnative-pg', want: CNPG_PROFILE },
    { given: 'cnpg', want: CNPG_PROFILE },
  ])('$given', ({ given, want }) => expect(profileByName(given)).toBe(want));

  it('the CloudNativePG profile waits out the lease and three 10 s probes', () => {
    expect(CNPG_PROFILE).toMatchObject({ probeIntervalMs: 10_000, failureThreshold: 3, failoverDelayMs: 15_000 });
  });
});

describe('lag refresh (status rewritten for lag by bucket, or every few seconds while it differs)', () => {
  const MIB = 1024 * 1024;
  it.each([
    { bytes: undefined, want: undefined },
    { bytes: 0, want: 'none' },
    { bytes: 1, want: 'small' },
    { bytes: MIB - 1, want: 'small' },
    { bytes: MIB, want: 'segment' },
    { bytes: 16 * MIB - 1, want: 'segment' },
    { bytes: 16 * MIB, want: 'large' },
  ])('$bytes bytes is $want', ({ bytes, want }) => expect(lagBucket(bytes)).toBe(want));

  const soon = 100;
  const later = LAG_REFRESH_INTERVAL_MS;
  it.each([
    { name: 'nothing changed', reported: { a: 0 }, current: { a: 0 }, since: later, want: false },
    { name: 'an idle standby catches up from 16 MiB: at once', reported: { a: 16 * MIB }, current: { a: 0 }, since: soon, want: true },
    { name: 'a burst starts: at once', reported: { a: 0 }, current: { a: 300 }, since: soon, want: true },
    { name: 'same bucket, just after the last refresh: wait', reported: { a: 2 * MIB }, current: { a: 3 * MIB }, since: soon, want: false },
    { name: 'same bucket, after the interval: refresh', reported: { a: 2 * MIB }, current: { a: 3 * MIB }, since: later, want: true },
    { name: 'a standby became unreachable', reported: { a: 0 }, current: { a: undefined }, since: soon, want: true },
    { name: 'a new standby appears', reported: {}, current: { b: 0 }, since: soon, want: true },
    { name: 'a primary has no lag', reported: { p: undefined }, current: { p: undefined }, since: later, want: false },
  ])('$name', ({ reported, current, since, want }) => expect(lagNeedsRefresh(reported, current, since)).toBe(want));
});

describe('pod identity: updated in place, replaced only with the instance', () => {
  it.each([
    { name: 'no pod yet', exists: false, stored: undefined, incarnation: 'a1', want: 'create' },
    { name: 'same instance (role, readiness or lag changed)', exists: true, stored: 'a1', incarnation: 'a1', want: 'update' },
    { name: 'a pod from before incarnations is adopted', exists: true, stored: undefined, incarnation: 'a1', want: 'update' },
    { name: 'the instance was re-cloned', exists: true, stored: 'a1', incarnation: 'b2', want: 'replace' },
  ])('$name', ({ exists, stored, incarnation, want }) => expect(planPod(exists, stored, incarnation)).toBe(want));
});
