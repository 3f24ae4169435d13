import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError, type ExampleOptions } from './example-options.js';

describe('parseOptions', () => {
  const accepted: { name: string; argv: string[]; env?: Record<string, string>; want: ExampleOptions }[] = [
    { name: 'defaults', argv: [], want: { name: 'demo', deleteAfter: false } },
    {
      name: 'every flag',
      argv: ['--name', 'orders', '--context', 'prod', '--version', 'v17', '--rw-address', '127.0.0.1:5432', '--ro-address', 'db.internal:5433', '--delete'],
      want: {
        name: 'orders',
        context: 'prod',
        version: 'v17',
        rwAddress: { host: '127.0.0.1', port: 5432 },
        roAddress: { host: 'db.internal', port: 5433 },
        deleteAfter: true,
      },
    },
    {
      name: 'environment variables',
      argv: [],
      env: { POSTGRES_NAME: 'orders', KUBE_CONTEXT: 'prod', POSTGRES_VERSION: 'v16', RW_ADDRESS: 'localhost:6000', RO_ADDRESS: 'localhost:6001' },
      want: {
        name: 'orders',
        context: 'prod',
        version: 'v16',
        rwAddress: { host: 'localhost', port: 6000 },
        roAddress: { host: 'localhost', port: 6001 },
        deleteAfter: false,
      },
    },
    { name: 'flags win over the environment', argv: ['--name', 'flag'], env: { POSTGRES_NAME: 'env' }, want: { name: 'flag', deleteAfter: false } },
  ];
  it.each(accepted)('$name', ({ argv, env, want }) => {
    expect(parseOptions(argv, env ?? {})).toEqual(want);
  });

  const refused: { name: string; argv: string[]; env?: Record<string, string>; want: RegExp }[] = [
    { name: 'name not a DNS label', argv: ['--name', 'Orders_DB'], want: /^--name "Orders_DB" is not a DNS-1035 label/ },
    { name: 'name from the environment, too long', argv: [], env: { POSTGRES_NAME: 'a'.repeat(45) }, want: /^--name "a+" has 45 characters/ },
    { name: 'unknown major', argv: ['--version', '17'], want: /^--version "17": .*"v17"/ },
    { name: 'address without a port', argv: ['--rw-address', 'localhost'], want: /^--rw-address "localhost" must be host:port/ },
    { name: 'unknown flag', argv: ['--replicas', '5'], want: /'--replicas'.*known flags: --name, --context/ },
    { name: 'positional argument', argv: ['demo'], want: /'demo'.*known flags/ },
  ];
  it.each(refused)('refuses: $name', ({ argv, env, want }) => {
    const call = () => parseOptions(argv, env ?? {});
    expect(call).toThrow(UsageError);
    expect(call).toThrow(want);
  });
});
