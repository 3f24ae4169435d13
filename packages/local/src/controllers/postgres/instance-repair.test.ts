import { describe, expect, it } from 'vitest';
import { FAST_PROFILE } from './health-profile.js';
import { decideRepair, ESSENTIAL_DATA_ENTRIES, INTACT, judgeDataDirectory, type InstanceFacts, type Repair } from './instance-repair.js';

describe('judging a data directory', () => {
  const all = new Set<string>(ESSENTIAL_DATA_ENTRIES);
  const without = (...gone: string[]): Set<string> => new Set([...all].filter((e) => !gone.includes(e)));
  it.each([
    { name: 'every essential entry present', given: all, want: INTACT },
    { name: 'global/ removed (pg_control gone)', given: without('global/pg_control'), want: { intact: false, missing: ['global/pg_control'] } },
    { name: 'emptied volume', given: new Set<string>(), want: { intact: false, missing: [...ESSENTIAL_DATA_ENTRIES] } },
    { name: 'WAL and PG_VERSION lost', given: without('pg_wal', 'PG_VERSION'), want: { intact: false, missing: ['PG_VERSION', 'pg_wal'] } },
    { name: 'extra entries do not matter', given: new Set([...all, 'postmaster.pid', 'pg_replslot']), want: INTACT },
  ])('$name', ({ given, want }) => expect(judgeDataDirectory(given)).toEqual(want));
});

describe('deciding a repair', () => {
  const NOW = 1_000_000;
  const damaged = { intact: false, missing: ['global/pg_control'] } as const;
  const standby = (over: Partial<InstanceFacts> = {}): InstanceFacts => ({
    role: 'standby',
    running: true,
    siteDown: false,
    busy: false,
    dataDirectory: INTACT,
    needsRejoin: false,
    failures: 0,
    failingSince: undefined,
    notStreamingSince: undefined,
    ...over,
  });
  const primary = (over: Partial<InstanceFacts> = {}): InstanceFacts => standby({ role: 'primary', ...over });
  const cases: { name: string; given: InstanceFacts; want: Repair }[] = [
    { name: 'a streaming standby is left alone', given: standby(), want: { action: 'none' } },
    { name: 'a stopped standby on an intact directory restarts in place', given: standby({ running: false }), want: { action: 'restart' } },
    { name: 'a stopped standby that diverged rejoins', given: standby({ running: false, needsRejoin: true }), want: { action: 'rejoin' } },
    {
      name: 'a stopped standby on a damaged directory is re-cloned, not restarted',
      given: standby({ running: false, dataDirectory: damaged }),
      want: { action: 'reclone', reason: 'its data directory lost global/pg_control' },
    },
    {
      name: 'a running standby whose directory lost files is re-cloned, not reported healthy',
      given: standby({ dataDirectory: damaged }),
      want: { action: 'reclone', reason: 'its data directory lost global/pg_control' },
    },
    {
      name: 'a standby not streaming for longer than the resync delay rejoins',
      given: standby({ notStreamingSince: NOW - FAST_PROFILE.standbyResyncAfterMs - 1 }),
      want: { action: 'rejoin' },
    },
    { name: 'a brief streaming gap is tolerated', given: standby({ notStreamingSince: NOW - FAST_PROFILE.standbyResyncAfterMs }), want: { action: 'none' } },
    { name: 'nothing is decided about a busy instance', given: standby({ running: false, busy: true, dataDirectory: damaged }), want: { action: 'none' } },
    { name: 'a standby in a site that is down waits for the site', given: standby({ running: false, siteDown: true }), want: { action: 'none' } },
    { name: 'a healthy primary is left alone', given: primary(), want: { action: 'none' } },
    { name: 'a dead primary fails over', given: primary({ running: false }), want: { action: 'failover', reason: 'its postmaster is not running' } },
    { name: 'a primary in a lost site fails over', given: primary({ siteDown: true }), want: { action: 'failover', reason: 'its postmaster is not running' } },
    {
      name: 'a running primary on a damaged directory fails over',
      given: primary({ dataDirectory: damaged }),
      want: { action: 'failover', reason: 'its data directory lost global/pg_control' },
    },
    {
      name: 'a silent primary fails over once enough probes failed for long enough',
      given: primary({ failures: FAST_PROFILE.failureThreshold, failingSince: NOW - FAST_PROFILE.unreachableAfterMs }),
      want: { action: 'failover', reason: `${FAST_PROFILE.failureThreshold} probes failed` },
    },
    {
      name: 'enough failed probes, but not yet for long enough',
      given: primary({ failures: FAST_PROFILE.failureThreshold, failingSince: NOW - FAST_PROFILE.unreachableAfterMs + 1 }),
      want: { action: 'none' },
    },
    {
      name: 'long enough, but too few failed probes (one slow probe on a busy machine)',
      given: primary({ failures: FAST_PROFILE.failureThreshold - 1, failingSince: NOW - 10 * FAST_PROFILE.unreachableAfterMs }),
      want: { action: 'none' },
    },
    { name: 'a busy primary is not failed over', given: primary({ running: false, busy: true }), want: { action: 'none' } },
  ];
  it.each(cases)('$name', ({ given, want }) => expect(decideRepair(given, FAST_PROFILE, NOW)).toEqual(want));
});
