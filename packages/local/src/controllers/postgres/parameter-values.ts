// Whether PostgreSQL would take a parameter's value, decided from the server's own pg_settings
// row (type, unit, allowed values, range) before the value is written anywhere: a reload skips a
// bad value, but the next start of the instance stops with FATAL on it.

export interface SettingShape {
  readonly vartype: string;
  readonly unit: string | null;
  readonly enumvals: readonly string[] | null;
  readonly min_val: string | null;
  readonly max_val: string | null;
}

const MEMORY_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];
const TIME_UNITS = ['us', 'ms', 's', 'min', 'h', 'd'];
const BOOL_WORDS = ['on', 'off', 'true', 'false', 'yes', 'no'];

/** PostgreSQL's parse_bool: 1/0, or a prefix of one of its words that names only that word. */
function isBool(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === '0') return true;
  const words = BOOL_WORDS.filter((w) => w.startsWith(t));
  return t.length > 0 && words.length === 1;
}

/** The units a value may carry for a setting whose base unit is `unit` (none: no unit at all). */
function unitsFor(unit: string | null): readonly string[] {
  if (unit === null || unit === '') return [];
  if (/B$/.test(unit)) return MEMORY_UNITS;
  if (TIME_UNITS.includes(unit)) return TIME_UNITS;
  return [];
}

function numberProblem(shape: SettingShape, text: string): string | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?0[xX][0-9a-fA-F]+)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m)
    return `${shape.vartype === 'real' ? 'a number' : 'an integer'}${unitsFor(shape.unit).length ? `, optionally with a unit (${unitsFor(shape.unit).join(', ')})` : ''}`;
  const [, number = '', unit = ''] = m;
  if (unit !== '')
    return unitsFor(shape.unit).includes(unit)
      ? undefined
      : unitsFor(shape.unit).length
        ? `a unit among ${unitsFor(shape.unit).join(', ')}`
        : 'a number without a unit';
  const value = Number(number);
  const min = shape.min_val === null ? -Infinity : Number(shape.min_val);
  const max = shape.max_val === null ? Infinity : Number(shape.max_val);
  return value < min || value > max ? `a value from ${shape.min_val ?? ''} to ${shape.max_val ?? ''}` : undefined;
}

/** What the value should be, or undefined when PostgreSQL takes it. */
export function parameterValueProblem(shape: SettingShape, value: string): string | undefined {
  switch (shape.vartype) {
    case 'bool':
      return isBool(value) ? undefined : 'on or off';
    case 'integer':
    case 'real':
      return numberProblem(shape, value);
    case 'enum':
      return (shape.enumvals ?? []).some((v) => v.toLowerCase() === value.trim().toLowerCase()) ? undefined : `one of ${(shape.enumvals ?? []).join(', ')}`;
    default:
      return undefined;
  }
}
