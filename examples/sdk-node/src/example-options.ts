// How the example is configured: flags, then environment variables, then defaults. Bad input is
// refused here, naming the flag, before the service sends anything.
import { parseArgs } from 'node:util';
import { postgresSpecSchema, validatePostgresName, type Endpoint, type PostgresSpec } from '@hikube/sdk/kubernetes';

export interface ExampleOptions {
  /** The `Postgres` to create or reuse. */
  name: string;
  /** Kubeconfig context; default: the current one. */
  context?: string;
  /** PostgreSQL major such as `v17`; default: the platform's. */
  version?: PostgresSpec['version'];
  /** Connect here instead of the `rw`/`ro` services (e.g. through `kubectl port-forward`). */
  rwAddress?: Endpoint;
  roAddress?: Endpoint;
  /** Delete the cluster at the end. */
  deleteAfter?: boolean;
  print?: (line: string) => void;
}

/** Exit code 2 and a message naming the flag, before anything is sent. */
export class UsageError extends Error {
  readonly code = 'HIKUBE_EXAMPLE_USAGE';
}

function parseAddress(flag: string, value: string | undefined): Endpoint | undefined {
  if (value === undefined) return undefined;
  const match = /^(.+):(\d{1,5})$/.exec(value);
  if (!match?.[1] || !match[2]) throw new UsageError(`${flag} "${value}" must be host:port, e.g. 127.0.0.1:5432`);
  return { host: match[1], port: Number(match[2]) };
}

function parseVersion(value: string | undefined): PostgresSpec['version'] {
  if (value === undefined) return undefined;
  const parsed = postgresSpecSchema.shape.version.safeParse(value);
  if (!parsed.success) throw new UsageError(`--version "${value}": ${parsed.error.issues[0]?.message ?? 'not a PostgreSQL major'}`);
  return parsed.data;
}

const flags = {
  name: { type: 'string' },
  context: { type: 'string' },
  version: { type: 'string' },
  'rw-address': { type: 'string' },
  'ro-address': { type: 'string' },
  delete: { type: 'boolean' },
} as const;

function parseFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: flags });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}; known flags: ${Object.keys(flags)
        .map((flag) => `--${flag}`)
        .join(', ')}`,
    );
  }
}

/** Flags win over environment variables; KUBECONFIG is read by the SDK, like kubectl does. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): ExampleOptions {
  const { values } = parseFlags(argv);
  const name = values.name ?? env['POSTGRES_NAME'] ?? 'demo';
  const issue = validatePostgresName(name, '--name')[0];
  if (issue) throw new UsageError(issue.message);
  const context = values.context ?? env['KUBE_CONTEXT'];
  const version = parseVersion(values.version ?? env['POSTGRES_VERSION']);
  const rwAddress = parseAddress('--rw-address', values['rw-address'] ?? env['RW_ADDRESS']);
  const roAddress = parseAddress('--ro-address', values['ro-address'] ?? env['RO_ADDRESS']);
  return {
    name,
    ...(context ? { context } : {}),
    ...(version ? { version } : {}),
    ...(rwAddress ? { rwAddress } : {}),
    ...(roAddress ? { roAddress } : {}),
    deleteAfter: values.delete === true,
  };
}
