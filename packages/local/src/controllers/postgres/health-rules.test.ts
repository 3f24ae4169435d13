import { describe, expect, it } from 'vitest';
import type { InstanceHealth } from '../../engine/pg-probe.js';
import { FAST_PROFILE } from './health-profile.js';
import {
  alreadyPromoted,
  primaryRecovered,
  decideHealthActions,
  failoverObservations,
  proxyRoutes,
  readiness,
  settledPhase,
  syncEligible,
  type HealthDecision,
  type InstanceView,
} from './health-rules.js';
import { initialState, type InstanceState } from './instance-state.js';

// A snapshot of instances and a fixed time are the whole input: no clock is read.
const NOW = 1_000_000;
const writing: InstanceHealth = { reachable: true, inRecovery: false, currentLsn: '0/3000000', receiveLsn: null, replayLsn: null, streaming: false };
const streaming: InstanceHealth = { reachable: true, inRecovery: true, currentLsn: null, receiveLsn: '0/3000000', replayLsn: '0/3000000', streaming: true };
const damaged = { intact: false, missing: ['global/pg_control'] } as const;

function view(ordinal: number, state: Partial<InstanceState> = {}, running = true): InstanceView {
  const role = ordinal === 1 ? 'primary' : 'standby';
  const health = role === 'primary' ? writing : streaming;
  return {
    ordinal,
    name: `pg-${ordinal}`,
    site: ['gland', 'lucerne', 'geneva'][ordinal % 3] ?? 'gland',
    port: 5400 + ordinal,
    running,
    state: { ...initialState(role, 'x'), health, ...state },
  };
}

describe('deciding what the health loop does', () => {
  const cases: { name: string; given: { instances: InstanceView[]; failoverQueued?: boolean }; want: HealthDecision }[] = [
    { name: 'a healthy cluster: nothing', given: { instances: [view(1), view(2), view(3)] }, want: { failover: undefined, repairs: [] } },
    {
      name: 'a dead primary fails over, and no standby is touched meanwhile',
      given: { instances: [view(1, {}, false), view(2, {}, false)] },
      want: { failover: 'its postmaster is not running', repairs: [] },
    },
    {
      name: 'a primary silent for long enough fails over',
      given: { instances: [view(1, { failures: 3, failingSince: NOW - FAST_PROFILE.unreachableAfterMs }), view(2)] },
      want: { failover: '3 probes failed', repairs: [] },
    },
    {
      name: 'a primary silent, but not yet for long enough, is waited for',
      given: { instances: [view(1, { failures: 3, failingSince: NOW - FAST_PROFILE.unreachableAfterMs + 1 }), view(2)] },
      want: { failover: undefined, repairs: [] },
    },
    {
      name: 'nothing more is decided while a failover is queued',
      given: { instances: [view(1, {}, false), view(2, {}, false)], failoverQueued: true },
      want: { failover: undefined, repairs: [] },
    },
    {
      name: 'each broken standby gets its repair',
      given: {
        instances: [
          view(1),
          view(2, {}, false),
          view(3, { dataDirectory: damaged }),
          view(4, { needsRejoin: true }, false),
          view(5, { notStreamingSince: NOW - FAST_PROFILE.standbyResyncAfterMs - 1 }),
        ],
      },
      want: {
        failover: undefined,
        repairs: [
          { ordinal: 2, repair: { action: 'restart' } },
          { ordinal: 3, repair: { action: 'reclone', reason: 'its data directory lost global/pg_control' } },
          { ordinal: 4, repair: { action: 'rejoin' } },
          { ordinal: 5, repair: { action: 'rejoin' } },
        ],
      },
    },
    {
      name: 'no standby is repaired while an operation holds the primary (a repair clones from it)',
      given: { instances: [view(1, { busy: true }), view(2, {}, false)] },
      want: { failover: undefined, repairs: [] },
    },
    {
      name: 'standbys in a site that is down wait for the site',
      given: { instances: [view(1), view(2, { siteDown: true }, false)] },
      want: { failover: undefined, repairs: [] },
    },
    { name: 'no primary yet: nothing', given: { instances: [] }, want: { failover: undefined, repairs: [] } },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const snapshot = { primary: given.instances.length > 0 ? 1 : undefined, failoverQueued: given.failoverQueued ?? false, instances: given.instances };
    expect(decideHealthActions(snapshot, FAST_PROFILE, NOW)).toEqual(want);
  });
});

describe('readiness of one instance', () => {
  it.each([
    { name: 'a writing primary serves', given: view(1), want: { ready: true, reason: 'Primary' } },
    { name: 'a primary still in recovery is promoting', given: view(1, { health: streaming }), want: { ready: false, reason: 'Promoting' } },
    { name: 'a streaming standby serves', given: view(2), want: { ready: true, reason: 'Streaming' } },
    { name: 'a standby not streaming', given: view(2, { health: { ...streaming, streaming: false } }), want: { ready: false, reason: 'NotStreaming' } },
    { name: 'a standby out of recovery', given: view(2, { health: writing }), want: { ready: false, reason: 'NotInRecovery' } },
    { name: 'a stopped process', given: view(2, {}, false), want: { ready: false, reason: 'NotRunning' } },
    { name: 'its site is down (first)', given: view(2, { siteDown: true }, false), want: { ready: false, reason: 'SiteDown' } },
    { name: 'no answer', given: view(2, { health: { reachable: false, error: 'timeout' } }), want: { ready: false, reason: 'Unreachable' } },
  ])('$name', ({ given, want }) => expect(readiness(given)).toEqual(want));
});

describe('standbys counted in the quorum', () => {
  it.each([
    { name: 'streaming ones', given: [view(2), view(3)], want: ['pg-2', 'pg-3'] },
    { name: 'a brief gap still counts', given: [view(2, { notStreamingSince: NOW - FAST_PROFILE.standbyResyncAfterMs + 1 })], want: ['pg-2'] },
    { name: 'a stall does not', given: [view(2, { notStreamingSince: NOW - FAST_PROFILE.standbyResyncAfterMs })], want: [] },
    {
      name: 'leaving, fenced, down or stopped ones do not',
      given: [view(2, { leaving: true }), view(3, { needsRejoin: true }), view(4, { siteDown: true }), view(5, {}, false)],
      want: [],
    },
    { name: 'the primary does not', given: [view(1)], want: [] },
  ])('$name', ({ given, want }) => expect(syncEligible(given, FAST_PROFILE, NOW)).toEqual(want));
});

describe('the phase when no operation runs', () => {
  it.each([
    { name: 'no instance yet', given: { primary: undefined, instances: [], replicas: 2 }, want: 'Initializing' },
    { name: 'all serving, as many as wanted', given: { primary: view(1), instances: [view(1), view(2)], replicas: 2 }, want: 'Healthy' },
    { name: 'fewer than wanted', given: { primary: view(1), instances: [view(1)], replicas: 2 }, want: 'Degraded' },
    { name: 'a standby not serving', given: { primary: view(1), instances: [view(1), view(2, {}, false)], replicas: 2 }, want: 'Degraded' },
    { name: 'the primary not serving', given: { primary: view(1, {}, false), instances: [view(1, {}, false), view(2)], replicas: 2 }, want: 'Degraded' },
  ])('$name', ({ given, want }) => expect(settledPhase(given.primary, given.instances, given.replicas)).toBe(want));
});

describe('where the endpoints point', () => {
  it.each([
    { name: 'rw to the primary, ro to serving standbys', given: [view(1), view(2), view(3)], want: { rw: [5401], ready: [5402, 5403], live: [5402, 5403] } },
    { name: 'no rw while an operation holds the primary', given: [view(1, { busy: true }), view(2)], want: { rw: [], ready: [5402], live: [5402] } },
    {
      name: 'a standby not streaming keeps its sessions but gets no new ones',
      given: [view(1), view(2, { health: { ...streaming, streaming: false } })],
      want: { rw: [5401], ready: [], live: [5402] },
    },
    { name: 'a fenced standby loses its sessions', given: [view(1), view(2, { needsRejoin: true })], want: { rw: [5401], ready: [5402], live: [] } },
  ])('$name', ({ given, want }) => expect(proxyRoutes(given[0], given)).toEqual(want));
});

describe('calling a failover off when the primary is looked at again', () => {
  it.each([
    { name: 'it writes again: called off', given: { primary: view(1), health: writing }, want: true },
    { name: 'still no answer', given: { primary: view(1), health: { reachable: false, error: 'timeout' } as InstanceHealth }, want: false },
    { name: 'its process is gone', given: { primary: view(1, {}, false), health: writing }, want: false },
    { name: 'its site is down', given: { primary: view(1, { siteDown: true }), health: writing }, want: false },
    { name: 'its data directory is damaged', given: { primary: view(1, { dataDirectory: damaged }), health: writing }, want: false },
    { name: 'it answers in recovery', given: { primary: view(1), health: streaming }, want: false },
  ])('$name', ({ given, want }) => expect(primaryRecovered(given.primary, given.health)).toBe(want));
});

describe('standbys offered to the election', () => {
  it('reads health, quorum membership and the preferred site; leaves fenced standbys out', () => {
    const got = failoverObservations([view(1), view(2), view(3, { needsRejoin: true }), view(4, {}, false)], ['pg-2'], 'lucerne');
    expect(got).toEqual([
      { name: '2', healthy: true, receiveLsn: '0/3000000', replayLsn: '0/3000000', synchronous: true, preferredSite: false },
      { name: '4', healthy: false, receiveLsn: '0/3000000', replayLsn: '0/3000000', synchronous: false, preferredSite: true },
    ]);
  });

  it('finds a standby an interrupted failover already promoted', () => {
    expect(alreadyPromoted([view(1, {}, false), view(2), view(3, { health: writing })], 1)?.ordinal).toBe(3);
    expect(alreadyPromoted([view(1, {}, false), view(2)], 1)).toBeUndefined();
  });
});
