import { describe, expect, it } from 'vitest';
import { schedulesEqual, toFiveFieldCron, toSixFieldCron } from './cron-schedule.js';

describe('toSixFieldCron', () => {
  const cases: { name: string; given: string; want: ReturnType<typeof toSixFieldCron> }[] = [
    { name: 'five fields get zero seconds', given: '0 2 * * *', want: { ok: true, sixField: '0 0 2 * * *' } },
    { name: 'six fields are kept', given: '0 0 2 * * *', want: { ok: true, sixField: '0 0 2 * * *' } },
    { name: 'extra spaces collapse', given: ' 30  4 * * 1-5 ', want: { ok: true, sixField: '0 30 4 * * 1-5' } },
    { name: 'descriptors pass through', given: '@daily', want: { ok: true, sixField: '@daily' } },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(toSixFieldCron(given)).toEqual(want);
  });

  const bad: { name: string; given: string; want: RegExp }[] = [
    { name: 'four fields', given: '0 2 * *', want: /5 fields.*got 4/ },
    { name: 'seven fields', given: '0 0 2 * * * 2026', want: /got 7/ },
    { name: 'not a field', given: '0 2 * * $', want: /"\$" is not a cron field/ },
  ];
  it.each(bad)('rejects $name', ({ given, want }) => {
    const result = toSixFieldCron(given);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(want);
  });
});

describe('schedulesEqual and toFiveFieldCron', () => {
  it('treats a five-field schedule and its six-field form as equal', () => {
    expect(schedulesEqual('0 2 * * *', '0 0 2 * * *')).toBe(true);
    expect(schedulesEqual('0 2 * * *', '0 2 * * * *')).toBe(false);
  });
  const cases: { given: string; want: string }[] = [
    { given: '0 0 2 * * *', want: '0 2 * * *' },
    { given: '30 0 2 * * *', want: '30 0 2 * * *' },
    { given: '0 2 * * *', want: '0 2 * * *' },
  ];
  it.each(cases)('$given reads back as $want', ({ given, want }) => {
    expect(toFiveFieldCron(given)).toBe(want);
  });
});
