// A small service on Hikube's managed PostgreSQL, written the way an application would use
// @hikube/sdk: create (or reuse) a replicated cluster, wait for it, write through the primary,
// read the rows back from a standby, and show where each instance runs.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AlreadyExistsError, createClient, postgresSpecSchema, validatePostgresName, type Endpoint, type PostgresInstance, type PostgresSpec } from '@hikube/sdk';
import { Client } from 'pg';

const user = 'app';
const database = 'shop';

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

export interface ExampleResult {
  /** Messages read back from `ro`. */
  rowsFromRo: string[];
  instances: PostgresInstance[];
}

export async function runExample(options: ExampleOptions): Promise<ExampleResult> {
  const { name, print = console.log } = options;
  const client = createClient(options.context !== undefined ? { context: options.context } : {});
  try {
    // Three instances, one of them a synchronous standby; a user owning one database.
    try {
      await client.postgres.create({
        metadata: { name },
        spec: {
          replicas: 3,
          quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
          users: { [user]: {} },
          databases: { [database]: { roles: { admin: [user] } } },
          ...(options.version !== undefined ? { version: options.version } : {}),
        },
      });
      print(`Postgres "${name}" in namespace "${client.namespace}": created`);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      print(`Postgres "${name}" in namespace "${client.namespace}": exists, reusing it`);
    }

    print('Waiting for Ready');
    const started = Date.now();
    let lastReason = '';
    await client.postgres.waitForReady(name, {
      timeout: 15 * 60_000,
      onProgress: ({ reason }) => {
        if (reason !== lastReason) print(`  ${reason}`);
        lastReason = reason;
      },
    });
    print(`Ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The platform generated the password; it stays in memory and is never printed.
    const password = (await client.postgres.credentials(name))[user];
    if (password === undefined) throw new Error(`postgres-${name}-credentials has no password for "${user}": is spec.users.${user} declared?`);
    const endpoints = await client.postgres.endpoints(name);
    const rw = options.rwAddress ?? endpoints.rw;
    const ro = options.roAddress ?? endpoints.ro;
    if (!ro) throw new Error(`Postgres "${name}" has no ro service yet; run again in a moment`);
    const connect = async ({ host, port }: Endpoint): Promise<Client> => {
      const pg = new Client({ host, port, user, password, database });
      await pg.connect();
      return pg;
    };

    const run = randomUUID().slice(0, 8);
    const messages = ['first', 'second', 'third'].map((word) => `${word} row of run ${run}`);
    const primary = await connect(rw);
    try {
      await primary.query('CREATE TABLE IF NOT EXISTS greetings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run text NOT NULL, message text NOT NULL)');
      for (const message of messages) await primary.query('INSERT INTO greetings (run, message) VALUES ($1, $2)', [run, message]);
    } finally {
      await primary.end();
    }
    print(`Wrote ${messages.length} rows through rw ${rw.host}:${rw.port} as "${user}"`);

    // ro reaches the standbys; a commit waits for the synchronous one to flush, not to replay,
    // so give replication a few seconds to show the rows.
    const standby = await connect(ro);
    let rowsFromRo: string[] = [];
    try {
      for (let attempt = 0; attempt < 60 && rowsFromRo.length < messages.length; attempt++) {
        if (attempt > 0) await sleep(500);
        const result = await standby.query<{ message: string }>('SELECT message FROM greetings WHERE run = $1 ORDER BY id', [run]).catch((error: { code?: string }) => {
          if (error.code === '42P01') return { rows: [] }; // the table itself has not replayed yet
          throw error;
        });
        rowsFromRo = result.rows.map((row) => row.message);
      }
      const { rows } = await standby.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
      print(`Read ${rowsFromRo.length} rows from ro ${ro.host}:${ro.port} (${rows[0]?.standby ? 'a standby' : 'not a standby'}):`);
      for (const message of rowsFromRo) print(`  ${message}`);
    } finally {
      await standby.end();
    }

    const instances = await client.postgres.instances(name);
    print('Instances:');
    for (const instance of instances) {
      print(`  ${instance.pod.padEnd(name.length + 12)}${(instance.zone ?? '-').padEnd(9)}${(instance.role ?? '-').padEnd(9)}${instance.ready ? 'ready' : 'not ready'}`);
    }

    if (options.deleteAfter) {
      await client.postgres.delete(name, { wait: true });
      print(`Deleted Postgres "${name}"`);
    }
    return { rowsFromRo, instances };
  } finally {
    await client.close();
  }
}

/** Exit code 2 and a message naming the flag, before anything is sent. */
class UsageError extends Error {
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

/** Flags win over environment variables; KUBECONFIG is read by the SDK, like kubectl does. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): ExampleOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      context: { type: 'string' },
      version: { type: 'string' },
      'rw-address': { type: 'string' },
      'ro-address': { type: 'string' },
      delete: { type: 'boolean' },
    },
  });
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

async function main(): Promise<void> {
  try {
    await runExample(parseOptions(process.argv.slice(2), process.env));
  } catch (error) {
    // SDK and pg messages name the resource and never carry the password.
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
