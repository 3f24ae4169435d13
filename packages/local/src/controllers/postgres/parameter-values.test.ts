import { describe, expect, it } from 'vitest';
import { parameterValueProblem, type SettingShape } from './parameter-values.js';

// pg_settings rows of PostgreSQL 15, as the engine reads them.
const statementTimeout: SettingShape = { vartype: 'integer', unit: 'ms', enumvals: null, min_val: '0', max_val: '2147483647' };
const workMem: SettingShape = { vartype: 'integer', unit: 'kB', enumvals: null, min_val: '64', max_val: '2147483647' };
const maxConnections: SettingShape = { vartype: 'integer', unit: null, enumvals: null, min_val: '1', max_val: '262143' };
const randomPageCost: SettingShape = { vartype: 'real', unit: null, enumvals: null, min_val: '0', max_val: '1.79769e+308' };
const logStatement: SettingShape = { vartype: 'enum', unit: null, enumvals: ['none', 'ddl', 'mod', 'all'], min_val: null, max_val: null };
const jit: SettingShape = { vartype: 'bool', unit: null, enumvals: null, min_val: null, max_val: null };
const timezone: SettingShape = { vartype: 'string', unit: null, enumvals: null, min_val: null, max_val: null };

describe('parameterValueProblem', () => {
  it.each([
    { name: 'a time with a time unit', shape: statementTimeout, value: '5s' },
    { name: 'a time in the base unit', shape: statementTimeout, value: '250' },
    { name: 'a memory size', shape: workMem, value: '8MB' },
    { name: 'memory in kB, the base unit', shape: workMem, value: '4096' },
    { name: 'a plain integer in range', shape: maxConnections, value: '100' },
    { name: 'a real', shape: randomPageCost, value: '1.1' },
    { name: 'an enum value in any case', shape: logStatement, value: 'DDL' },
    { name: 'a bool word', shape: jit, value: 'off' },
    { name: 'a bool prefix', shape: jit, value: 'tr' },
    { name: 'any string', shape: timezone, value: 'Europe/Zurich' },
  ])('takes $name', ({ shape, value }) => {
    expect(parameterValueProblem(shape, value)).toBeUndefined();
  });

  it.each([
    {
      name: 'a memory unit on a time (the property suite found it stored and Ready)',
      shape: statementTimeout,
      value: '3MB',
      want: 'a unit among us, ms, s, min, h, d',
    },
    { name: 'a time unit on memory', shape: workMem, value: '5s', want: 'a unit among B, kB, MB, GB, TB' },
    { name: 'a unit on a unitless integer', shape: maxConnections, value: '10kB', want: 'a number without a unit' },
    { name: 'below the minimum', shape: maxConnections, value: '0', want: 'a value from 1 to 262143' },
    { name: 'words for a number', shape: maxConnections, value: 'many', want: 'an integer' },
    { name: 'a lower-case unit PostgreSQL does not know', shape: workMem, value: '8mb', want: 'a unit among B, kB, MB, GB, TB' },
    { name: 'an enum value not in the list', shape: logStatement, value: 'everything', want: 'one of none, ddl, mod, all' },
    { name: 'an ambiguous bool prefix', shape: jit, value: 'o', want: 'on or off' },
  ])('refuses $name', ({ shape, value, want }) => {
    expect(parameterValueProblem(shape, value)).toBe(want);
  });
});
