// Self-healing, shown: rows written through the endpoint the example's user connects to (rw on
// Cozystack, the cluster's host:5432 with TLS on the public API), the primary's pod deleted through
// the Kubernetes API with kubectl (Hikube Local kills its postmaster with SIGKILL, as a crash
// would), the time until a write through the same endpoint succeeds again, the standby that was
// promoted, and the rows written before the kill read back. The primary is found through the
// Kubernetes side of the platform, as its operator would.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import type { HikubeClient } from '@hikube/sdk/kubernetes';
import { renderCluster } from './cluster-report.js';
import { readClusterView } from './cluster-source.js';
import { MainJobError } from './main-job-errors.js';
import { seconds, startProgress, type Output } from './progress-display.js';
import type { WriteTarget } from './workspace-session.js';

const run = promisify(execFile);

export interface FailoverDemoOptions {
  out: Output;
  client: HikubeClient;
  dataDir: string;
  cluster: string;
  kubeconfigPath: string;
  /** The kubectl that deletes the primary's pod. */
  kubectl: string;
  /** Where the rows are written, as the example's user connects. */
  target: WriteTarget;
  /** How long to wait for the first write after the kill. */
  timeoutMs?: number;
}

export interface FailoverResult {
  killed: string;
  promoted: string;
  writeResumedMs: number;
  rowsBefore: number;
  rowsFound: number;
}

async function withClient<T>(target: WriteTarget, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const { host, port, user, password, database, ca } = target;
  const client = new pg.Client({
    host,
    port,
    user,
    password,
    database,
    ...(ca === undefined ? {} : { ssl: { ca } }),
    connectionTimeoutMillis: 3_000,
    query_timeout: 5_000,
  });
  client.on('error', () => undefined); // a backend killed under us ends the session; the caller retries
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function runFailoverDemo(options: FailoverDemoOptions): Promise<FailoverResult> {
  const { out, client, cluster, target } = options;
  const write = (text = ''): void => out.write(`${text}\n`);
  const object = await client.postgres.get(cluster);
  const status = (object as { status?: { currentPrimary?: string } }).status;
  const before = await readClusterView(client, cluster);
  const primary = status?.currentPrimary ?? before?.primary;
  if (!before || primary === undefined) throw new MainJobError('HIKUBE_MAIN_JOB_FAILOVER', `cluster ${cluster} has no primary to kill`);
  const zone = before.instances.find((i) => i.name === primary)?.zone ?? '?';
  write(`Failover demo on ${cluster}: writes go through ${target.label} as ${target.user}`);
  const marker = new Date().toISOString();
  const { ids, primaryStarted } = await withClient(target, async (c) => {
    await c.query('CREATE TABLE IF NOT EXISTS failover_demo (id bigserial PRIMARY KEY, note text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())');
    const inserted = await c.query<{ id: string; started: string }>(
      "INSERT INTO failover_demo (note) SELECT 'before the kill, run ' || $1 || ' #' || n FROM " +
        'generate_series(1, 100) AS n RETURNING id, pg_postmaster_start_time()::text AS started',
      [marker],
    );
    return { ids: inserted.rows.map((r) => r.id), primaryStarted: inserted.rows[0]?.started };
  });
  write(`✓ wrote ${ids.length} rows (committed: confirmed by the synchronous standby quorum)`);

  const namespace = object.metadata?.namespace ?? 'tenant-demo';
  write(`↯ killing the primary ${primary} (${zone}): kubectl delete pod ${primary} (the platform kills its postmaster with SIGKILL)`);
  try {
    await run(options.kubectl, ['--kubeconfig', options.kubeconfigPath, '--namespace', namespace, 'delete', 'pod', primary, '--wait=false'], {
      timeout: 60_000,
    });
  } catch (err) {
    throw new MainJobError('HIKUBE_MAIN_JOB_FAILOVER', `kubectl delete pod ${primary} failed: ${(err as { stderr?: string }).stderr?.trim() || String(err)}`, {
      cause: err,
    });
  }
  const killedAt = Date.now();

  const progress = startProgress(out, 'failover');
  progress.update(`waiting for a write through ${target.label} to succeed`);
  const deadline = killedAt + (options.timeoutMs ?? 120_000);
  let resumedAt: number | undefined;
  while (resumedAt === undefined) {
    if (Date.now() > deadline) {
      progress.finish(false, 'no write succeeded in time');
      throw new MainJobError(
        'HIKUBE_MAIN_JOB_FAILOVER',
        `no write through ${target.label} succeeded within ${seconds(deadline - killedAt)} of the kill; see ${options.dataDir}/hikube-local.log`,
      );
    }
    // The platform kills the postmaster after it has answered the deletion: a write the old
    // primary still took (same postmaster start time) is not the first write after the kill.
    const landedOn = await withClient(target, async (c) => {
      const landed = await c.query<{ started: string }>(
        "INSERT INTO failover_demo (note) VALUES ('first write after the kill') RETURNING pg_postmaster_start_time()::text AS started",
      );
      return landed.rows[0]?.started;
    }).catch(() => primaryStarted);
    if (landedOn !== primaryStarted) resumedAt = Date.now();
    else await pause(100);
  }
  const writeResumedMs = resumedAt - killedAt;
  let after = await readClusterView(client, cluster);
  while (after?.primary === primary && Date.now() < deadline) {
    await pause(200);
    after = await readClusterView(client, cluster);
  }
  const promoted = after?.primary ?? '?';
  const promotedZone = after?.instances.find((i) => i.name === promoted)?.zone ?? '?';
  progress.finish(true, `${promoted} (${promotedZone}) promoted; first write through ${target.label} ${seconds(writeResumedMs)} after the kill`);

  const rowsFound = await withClient(target, async (c) => {
    const found = await c.query<{ n: string }>('SELECT count(*) AS n FROM failover_demo WHERE id = ANY($1::bigint[])', [ids]);
    return Number(found.rows[0]?.n ?? 0);
  });
  write(
    `${rowsFound === ids.length ? '✓' : '✗'} rows written before the kill: ${rowsFound} of ` +
      `${ids.length} read back through ${target.label} from the new primary`,
  );

  // The old primary comes back as a standby (pg_rewind or a fresh clone): show the healed cluster.
  const healing = startProgress(out, 'healing');
  healing.update(`${primary} rejoining as a standby`);
  let healed = await readClusterView(client, cluster);
  while (Date.now() < deadline + 60_000 && !(healed && healed.ready && healed.instances.every((i) => i.ready))) {
    await pause(500);
    healed = await readClusterView(client, cluster);
  }
  const allReady = healed !== undefined && healed.instances.every((i) => i.ready);
  healing.finish(allReady, allReady ? `${primary} is back as a standby` : `${primary} has not rejoined yet; it keeps trying`);
  write();
  if (healed) for (const text of renderCluster(healed)) write(text);
  if (rowsFound !== ids.length) throw new MainJobError('HIKUBE_MAIN_JOB_FAILOVER', `${ids.length - rowsFound} row(s) written before the kill are missing`);
  return { killed: primary, promoted, writeResumedMs, rowsBefore: ids.length, rowsFound };
}
