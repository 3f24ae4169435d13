// CloudNativePG schedules have six fields, seconds first; most people write five. A five-field
// schedule is converted by prepending `0` seconds, so `0 2 * * *` means 02:00 daily as intended.

export type CronCheck = { ok: true; sixField: string } | { ok: false; message: string };

const fieldPattern = /^[\d*/,\-?LW#A-Za-z]+$/;

export function toSixFieldCron(schedule: string): CronCheck {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@')) return { ok: true, sixField: trimmed };
  const fields = trimmed.split(/\s+/).filter((field) => field !== '');
  const bad = fields.find((field) => !fieldPattern.test(field));
  if (bad !== undefined) return { ok: false, message: `"${bad}" is not a cron field` };
  if (fields.length === 5) return { ok: true, sixField: ['0', ...fields].join(' ') };
  if (fields.length === 6) return { ok: true, sixField: fields.join(' ') };
  return {
    ok: false,
    message: `a schedule has 5 fields (minute hour day-of-month month day-of-week, e.g. "0 2 * * *") or 6 with seconds first; got ${fields.length}`,
  };
}

/** True when two schedules fire at the same times once both are in the six-field form. */
export function schedulesEqual(a: string, b: string): boolean {
  const left = toSixFieldCron(a);
  const right = toSixFieldCron(b);
  return left.ok && right.ok ? left.sixField === right.sixField : a.trim() === b.trim();
}

/** The five-field spelling of a six-field schedule whose seconds are 0; other input unchanged. */
export function toFiveFieldCron(schedule: string): string {
  const fields = schedule.trim().split(/\s+/);
  return fields.length === 6 && fields[0] === '0' ? fields.slice(1).join(' ') : schedule.trim();
}
