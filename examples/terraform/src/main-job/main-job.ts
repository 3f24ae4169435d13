// The main job behind `npm start`, `npm run failover` and `npm run down`.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient, type HikubeClient } from '@hikube/sdk/kubernetes';
import { renderCluster } from './cluster-report.js';
import { DEVELOPMENT_CLUSTER, PRODUCTION_CLUSTER, readClusterView, shortStatus } from './cluster-source.js';
import { runFailoverDemo } from './failover-demo.js';
import { findIacTool, type IacTool } from './find-iac-tool.js';
import { ensureHikubeLocal, hikubeLocalStatus, stopHikubeLocal, type RunningHikubeLocal } from './hikube-local-process.js';
import { MainJobError } from './main-job-errors.js';
import type { MainJobOptions } from './main-job-options.js';
import { installedPostgresMajor } from './postgres-major.js';
import { startProgress, type Output } from './progress-display.js';
import { exampleDir, providerBinDir } from './repo-paths.js';
import { parseApplySummary, prepareWorkdir, type TerraformRun, type TerraformWorkdir } from './terraform-workdir.js';

export interface MainJobContext {
  out: Output;
  /** PATH searched for terraform/tofu. */
  path: string | undefined;
}

function line(out: Output, text = ''): void {
  out.write(`${text}\n`);
}

function tail(run: TerraformRun, lines = 25): string {
  return run.output.trimEnd().split('\n').slice(-lines).join('\n');
}

async function whileRunning<T>(task: Promise<T>, everyMs: number, tick: () => Promise<void>): Promise<T> {
  let finished = false;
  const ticking = (async () => {
    while (!finished) {
      await tick().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    return await task;
  } finally {
    finished = true;
    await ticking;
  }
}

function providerExecutableOrThrow(): void {
  if (!existsSync(join(providerBinDir, 'terraform-provider-hikube'))) {
    throw new MainJobError('HIKUBE_MAIN_JOB_NOT_BUILT', `${providerBinDir}/terraform-provider-hikube is missing: npm start builds it (or run npm run build -w terraform-provider-hikube)`);
  }
}

async function startLocal(ctx: MainJobContext, dataDir: string): Promise<RunningHikubeLocal> {
  const progress = startProgress(ctx.out, 'Hikube Local');
  progress.update(`starting or reusing the server in ${dataDir}`);
  try {
    const local = await ensureHikubeLocal(dataDir);
    progress.finish(true, `${local.reused ? 'reusing' : 'started'} ${local.url} (pid ${local.pid}, ${local.driver} driver), data in ${dataDir}`);
    if (local.driver !== 'engine') line(ctx.out, `  note: the ${local.driver} driver runs no PostgreSQL; npm run down, then npm start, gives real clusters`);
    return local;
  } catch (err) {
    progress.finish(false, 'could not start');
    throw err;
  }
}

async function applyExample(ctx: MainJobContext, tool: IacTool, workdir: TerraformWorkdir, client: HikubeClient, major: string): Promise<void> {
  const progress = startProgress(ctx.out, `${tool.name} apply`);
  progress.update('planning');
  const run = await whileRunning(
    workdir.run(['apply', '-auto-approve', `-var=postgres_version=${major}`, '-var=deletion_protection=false'], 'apply'),
    500,
    async () => progress.update((await Promise.all([PRODUCTION_CLUSTER, DEVELOPMENT_CLUSTER].map((name) => shortStatus(client, name)))).join(' · ')),
  );
  if (run.exitCode !== 0) {
    progress.finish(false, `failed (exit ${run.exitCode})`);
    throw new MainJobError('HIKUBE_MAIN_JOB_APPLY', `${tool.name} apply failed. Its last lines:\n${tail(run)}\nFull log: ${run.logFile}`);
  }
  const summary = parseApplySummary(run.output);
  if (summary && summary.added + summary.changed + summary.destroyed === 0) {
    progress.finish(true, 'no changes: the clusters already match examples/terraform (a second npm start is a no-op)');
  } else {
    progress.finish(true, summary ? `${summary.added} added, ${summary.changed} changed, ${summary.destroyed} destroyed` : 'done');
  }
}

async function printReport(ctx: MainJobContext, client: HikubeClient, local: RunningHikubeLocal, workdir: TerraformWorkdir, tool: IacTool, dataDir: string): Promise<void> {
  line(ctx.out);
  let rw = '';
  for (const name of [PRODUCTION_CLUSTER, DEVELOPMENT_CLUSTER]) {
    const view = await readClusterView(client, name);
    if (!view) throw new MainJobError('HIKUBE_MAIN_JOB_REPORT', `cluster ${name} is not on the server after apply; see ${workdir.dir}/apply.log`);
    for (const text of renderCluster(view)) line(ctx.out, text);
    line(ctx.out);
    if (name === PRODUCTION_CLUSTER && view.endpoints.rw) rw = `-h ${view.endpoints.rw.host} -p ${view.endpoints.rw.port}`;
  }
  const tfrc = join(workdir.dir, 'dev-overrides.tfrc');
  line(ctx.out, 'Connect with psql (the password is read from the cluster\'s credentials Secret, never printed):');
  line(ctx.out, `  export KUBECONFIG=${local.kubeconfigPath}`);
  line(ctx.out, `  PGPASSWORD="$(kubectl get secret postgres-${PRODUCTION_CLUSTER}-credentials -o jsonpath='{.data.app}' | base64 -d)" psql ${rw} -U app shop`);
  line(ctx.out, `  or the URI from Terraform: (cd ${workdir.dir} && TF_CLI_CONFIG_FILE=${tfrc} ${tool.name} output -raw orders_app_uri)`);
  line(ctx.out);
  line(ctx.out, 'The clusters keep running. Next:');
  line(ctx.out, '  npm run failover   kill the primary (kill -9), watch the promotion, check the rows survived');
  line(ctx.out, `  npm run down       ${tool.name} destroy, then stop Hikube Local and remove ${dataDir}`);
}

async function prerequisites(ctx: MainJobContext): Promise<{ tool: IacTool; major: string }> {
  // Everything that can be missing is checked before anything starts.
  const tool = await findIacTool(ctx.path);
  const major = await installedPostgresMajor();
  providerExecutableOrThrow();
  return { tool, major };
}

async function start(ctx: MainJobContext, options: MainJobOptions, then?: (local: RunningHikubeLocal, client: HikubeClient) => Promise<void>): Promise<void> {
  const { tool, major } = await prerequisites(ctx);
  line(ctx.out, `Applying examples/terraform with ${tool.name} (${tool.path}) on Hikube Local, PostgreSQL ${major} (this machine's pg_config)`);
  const local = await startLocal(ctx, options.dataDir);
  const client = createClient({ kubeconfig: local.kubeconfigPath });
  try {
    const workdir = await prepareWorkdir({ dataDir: options.dataDir, exampleDir, providerDir: providerBinDir, kubeconfigPath: local.kubeconfigPath, tool });
    await applyExample(ctx, tool, workdir, client, major);
    await printReport(ctx, client, local, workdir, tool, options.dataDir);
    if (then) await then(local, client);
  } finally {
    await client.close();
  }
}

async function down(ctx: MainJobContext, options: MainJobOptions): Promise<void> {
  const running = await hikubeLocalStatus(options.dataDir);
  if (running && existsSync(join(options.dataDir, 'terraform', 'terraform.tfstate'))) {
    const tool = await findIacTool(ctx.path);
    providerExecutableOrThrow();
    const major = await installedPostgresMajor().catch(() => 'v18');
    const kubeconfigPath = join(options.dataDir, 'kubeconfig');
    const workdir = await prepareWorkdir({ dataDir: options.dataDir, exampleDir, providerDir: providerBinDir, kubeconfigPath, tool });
    const progress = startProgress(ctx.out, `${tool.name} destroy`);
    progress.update('deleting the clusters');
    const run = await workdir.run(['destroy', '-auto-approve', `-var=postgres_version=${major}`, '-var=deletion_protection=false'], 'destroy');
    if (run.exitCode !== 0) {
      progress.finish(false, `failed (exit ${run.exitCode})`);
      throw new MainJobError('HIKUBE_MAIN_JOB_DESTROY', `${tool.name} destroy failed; Hikube Local is left running. Its last lines:\n${tail(run)}\nFull log: ${run.logFile}`);
    }
    progress.finish(true, /Resources: (\d+) destroyed/.exec(run.output)?.[0] ?? 'done');
  }
  const progress = startProgress(ctx.out, 'Hikube Local');
  progress.update('stopping');
  const stopped = await stopHikubeLocal(options.dataDir);
  // The state described clusters of this server only: it goes with the data.
  await rm(options.dataDir, { recursive: true, force: true });
  progress.finish(true, `${stopped ? 'stopped' : 'was not running'}; removed ${options.dataDir}`);
}

export async function runMainJob(options: MainJobOptions, ctx: MainJobContext): Promise<void> {
  if (options.command === 'down') return down(ctx, options);
  if (options.command === 'failover') {
    return start(ctx, options, async (local, client) => {
      line(ctx.out);
      await runFailoverDemo({ out: ctx.out, client, dataDir: options.dataDir, cluster: PRODUCTION_CLUSTER, kubeconfigPath: local.kubeconfigPath });
    });
  }
  return start(ctx, options);
}
