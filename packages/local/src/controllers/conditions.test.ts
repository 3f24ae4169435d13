import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../store/kube-object.js';
import type { Condition } from '../store/kube-object.js';
import { podReadyCondition, timedCondition } from './conditions.js';

const EARLIER = '2026-12-01T10:00:00Z';

const pod = (status: string, lastTransitionTime: string | null = EARLIER): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'postgres-orders-1' },
  status: { conditions: [{ type: 'Ready', status, ...(lastTransitionTime ? { lastTransitionTime } : {}) }] },
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-02T08:30:15.123Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('podReadyCondition', () => {
  it.each([
    { name: 'a new pod', previous: undefined, ready: true, want: '2026-12-02T08:30:15Z' },
    { name: 'still ready', previous: pod('True'), ready: true, want: EARLIER },
    { name: 'still not ready', previous: pod('False'), ready: false, want: EARLIER },
    { name: 'became unready', previous: pod('True'), ready: false, want: '2026-12-02T08:30:15Z' },
    { name: 'became ready', previous: pod('False'), ready: true, want: '2026-12-02T08:30:15Z' },
    { name: 'a pod written before times were kept', previous: pod('True', null), ready: true, want: '2026-12-02T08:30:15Z' },
  ])('$name: lastTransitionTime $want', ({ previous, ready, want }) => {
    expect(podReadyCondition(previous, ready, 'InstanceReady')).toEqual({
      type: 'Ready',
      status: ready ? 'True' : 'False',
      reason: 'InstanceReady',
      lastTransitionTime: want,
    });
  });
});

describe('timedCondition', () => {
  it('keeps the time while the status holds, moves it when the status changes, and sets no observedGeneration', () => {
    const previous: Condition[] = [{ type: 'Ready', status: 'True', reason: 'InstallSucceeded', message: '', lastTransitionTime: EARLIER }];
    expect(timedCondition(previous, 'Ready', { status: 'True', reason: 'UpgradeSucceeded', message: 'ready' })).toEqual({
      type: 'Ready',
      status: 'True',
      reason: 'UpgradeSucceeded',
      message: 'ready',
      lastTransitionTime: EARLIER,
    });
    expect(timedCondition(previous, 'Ready', { status: 'Unknown', reason: 'Progressing', message: '' }).lastTransitionTime).toBe('2026-12-02T08:30:15Z');
    expect(timedCondition(previous, 'WorkloadsReady', { status: 'True', reason: 'WorkloadMonitorCheck', message: '' }).lastTransitionTime).toBe(
      '2026-12-02T08:30:15Z',
    );
  });
});
