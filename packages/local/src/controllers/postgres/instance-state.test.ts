import { describe, expect, it } from 'vitest';
import type { InstanceHealth } from '../../engine/pg-probe.js';
import { FAST_PROFILE } from './health-profile.js';
import { INTACT } from './instance-repair.js';
import { foundNotRunning, initialState, probed, rejoined, type InstanceState } from './instance-state.js';

const NOW = 1_000_000;
const streaming: InstanceHealth = { reachable: true, inRecovery: true, currentLsn: null, receiveLsn: '0/3000000', replayLsn: '0/3000000', streaming: true };
const notStreaming: InstanceHealth = { ...streaming, streaming: false };
const lost: InstanceHealth = { reachable: false, error: 'timeout' };
const standby = (over: Partial<InstanceState> = {}): InstanceState => ({ ...initialState('standby', 'abc'), ...over });
const primary = (over: Partial<InstanceState> = {}): InstanceState => ({ ...initialState('primary', 'abc'), ...over });

describe('a probe answer', () => {
  const cases: { name: string; given: { state: InstanceState; health: InstanceHealth }; want: Partial<InstanceState> }[] = [
    {
      name: 'a streaming standby: no failure, no stall',
      given: { state: standby({ failures: 2, failingSince: NOW - 50, notStreamingSince: NOW - 50 }), health: streaming },
      want: { failures: 0, failingSince: undefined, notStreamingSince: undefined, health: streaming },
    },
    {
      name: 'a standby that stopped streaming: the stall starts now',
      given: { state: standby({ health: streaming }), health: notStreaming },
      want: { failures: 0, notStreamingSince: NOW, health: notStreaming },
    },
    {
      name: 'a stall keeps its start',
      given: { state: standby({ notStreamingSince: NOW - 700 }), health: notStreaming },
      want: { notStreamingSince: NOW - 700 },
    },
    {
      name: 'one slow probe keeps the last good view (a busy machine is not an outage)',
      given: { state: primary({ health: streaming }), health: lost },
      want: { failures: 1, failingSince: NOW, health: streaming },
    },
    {
      name: 'at the failure threshold the failed probe becomes the view',
      given: { state: primary({ health: streaming, failures: FAST_PROFILE.failureThreshold - 1, failingSince: NOW - 500 }), health: lost },
      want: { failures: FAST_PROFILE.failureThreshold, failingSince: NOW - 500, health: lost },
    },
    {
      name: 'without a good view, a failed probe is shown at once',
      given: { state: primary(), health: lost },
      want: { failures: 1, failingSince: NOW, health: lost },
    },
    {
      name: 'a primary has no streaming stall',
      given: { state: primary(), health: { ...streaming, inRecovery: false, streaming: false } },
      want: { notStreamingSince: undefined },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(probed(given.state, given.health, FAST_PROFILE, NOW)).toMatchObject(want);
  });
});

describe('other transitions', () => {
  it.each([
    {
      name: 'an exited process counts as a failed probe, failing since the first one',
      given: foundNotRunning(foundNotRunning(standby(), NOW - 100), NOW),
      want: { failures: 2, failingSince: NOW - 100, health: { reachable: false, error: 'not running' } },
    },
    {
      name: 'a rejoined instance is a standby again with nothing pending',
      given: rejoined(primary({ needsRejoin: true, notStreamingSince: NOW - 1 })),
      want: { role: 'standby', needsRejoin: false, notStreamingSince: undefined, dataDirectory: INTACT },
    },
  ])('$name', ({ given, want }) => expect(given).toMatchObject(want));
});
