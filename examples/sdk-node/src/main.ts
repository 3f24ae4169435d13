// A small service on Hikube's managed PostgreSQL, written the way an application would use
// @hikube/sdk: create (or reuse) a replicated cluster, wait for it, write through the primary,
// read the rows back from a standby, and show where each instance runs.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { AlreadyExistsError, createClient, type Endpoint, type PostgresInstance } from '@hikube/sdk/kubernetes';
import { Client } from 'pg';
import { parseOptions, UsageError, type ExampleOptions } from './example-options.js';

const user = 'app';
const database = 'shop';

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
      const pg = new Client({ host, port, user, password, database, connectionTimeoutMillis: 10_000 });
      await pg.connect();
      return pg;
    };

    const run = randomUUID().slice(0, 8);
    const messages = ['first', 'second', 'third'].map((word) => `${word} row of run ${run}`);
    const primary = await connect(rw);
    try {
      await primary.query(
        'CREATE TABLE IF NOT EXISTS greetings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run text NOT NULL, message text NOT NULL)',
      );
      for (const message of messages) await primary.query('INSERT INTO greetings (run, message) VALUES ($1, $2)', [run, message]);
    } finally {
      await primary.end();
    }
    print(`Wrote ${messages.length} rows through rw ${rw.host}:${rw.port} as "${user}"`);

    // ro reaches the standbys. A commit waits for the synchronous one to flush, not to replay, and
    // the other one is asynchronous: give replication a few seconds to show the database and rows.
    let rowsFromRo: { message: string; standby: boolean }[] = [];
    for (let attempt = 0; attempt < 60 && rowsFromRo.length < messages.length; attempt++) {
      if (attempt > 0) await sleep(500);
      rowsFromRo = await readFromRo(connect, ro, run).catch((error: { code?: string }) => {
        if (error.code === '3D000' || error.code === '42P01') return []; // database or table not replayed yet
        throw error;
      });
    }
    if (rowsFromRo.length < messages.length)
      throw new Error(`ro ${ro.host}:${ro.port} shows ${rowsFromRo.length} of ${messages.length} rows after 30 s: look at the standbys' replication lag`);
    print(`Read ${rowsFromRo.length} rows from ro ${ro.host}:${ro.port} (${rowsFromRo.every((row) => row.standby) ? 'a standby' : 'not a standby'}):`);
    for (const { message } of rowsFromRo) print(`  ${message}`);

    const instances = await client.postgres.instances(name);
    print('Instances:');
    for (const instance of instances) {
      print(
        `  ${instance.pod.padEnd(name.length + 12)}${(instance.zone ?? '-').padEnd(9)}${(instance.role ?? '-').padEnd(9)}${instance.ready ? 'ready' : 'not ready'}`,
      );
    }

    if (options.deleteAfter) {
      await client.postgres.delete(name, { wait: true });
      print(`Deleted Postgres "${name}"`);
    }
    return { rowsFromRo: rowsFromRo.map((row) => row.message), instances };
  } finally {
    await client.close();
  }
}

async function readFromRo(connect: (endpoint: Endpoint) => Promise<Client>, ro: Endpoint, run: string) {
  const standby = await connect(ro);
  try {
    const { rows } = await standby.query<{ message: string; standby: boolean }>(
      'SELECT message, pg_is_in_recovery() AS standby FROM greetings WHERE run = $1 ORDER BY id',
      [run],
    );
    return rows;
  } finally {
    await standby.end();
  }
}

async function main(): Promise<void> {
  try {
    await runExample(parseOptions(process.argv.slice(2), process.env));
  } catch (error) {
    // SDK and pg messages name the resource and never carry the password.
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
