import { describe, expect, it } from 'vitest';
import { describeLeaks, findLeaks } from './leak-report.js';

describe('finding leaks', () => {
  const none = { portsBefore: new Set([8080]), portsAfter: new Set([8080]), processes: [], tempEntries: [] };
  it.each([
    { name: 'nothing left', given: none, want: undefined },
    { name: 'a port open before the file is not its leak', given: { ...none, portsAfter: new Set([8080]) }, want: undefined },
    {
      name: 'a new listening port',
      given: { ...none, portsAfter: new Set([8080, 41000, 39000]) },
      want: { processes: [], ports: [39000, 41000], tempEntries: [] },
    },
    { name: 'a temp entry', given: { ...none, tempEntries: ['hikube-x-1', 'a'] }, want: { processes: [], ports: [], tempEntries: ['a', 'hikube-x-1'] } },
    { name: 'a cache kept on purpose is not a leak', given: { ...none, tempEntries: ['hikube-tfplugin-v8cache-0'] }, want: undefined },
    {
      name: 'a process',
      given: { ...none, processes: [{ pid: 12, command: 'postgres -D /tmp/x/data' }] },
      want: { processes: [{ pid: 12, command: 'postgres -D /tmp/x/data' }], ports: [], tempEntries: [] },
    },
  ])('$name', ({ given, want }) => expect(findLeaks(given)).toEqual(want));

  it('describes each leak and never prints a password from a command line', () => {
    const text = describeLeaks(
      { processes: [{ pid: 7, command: 'psql host=h password=hunter2 --token abc' }], ports: [4000], tempEntries: ['left'] },
      '/tmp/hikube-suite-1',
    );
    expect(text).toContain('process 7: psql host=h password=*** --token ***');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('listening port 4000');
    expect(text).toContain('temp entry /tmp/hikube-suite-1/left');
  });
});
