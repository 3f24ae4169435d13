// The main job behind `npm start`, `npm run failover` and `npm run down`.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@hikube/sdk/kubernetes';
import { openCozystackSession } from './cozystack-session.js';
import { runFailoverDemo } from './failover-demo.js';
import { findIacTool, findKubectl, type IacTool } from './find-iac-tool.js';
import { ensureHikubeLocal, hikubeLocalStatus, stopHikubeLocal, type RunningHikubeLocal } from './hikube-local-process.js';
import { MainJobError } from './main-job-errors.js';
import type { ExampleWorkspaceName, MainJobOptions } from './main-job-options.js';
import { installedPostgresMajor } from './postgres-major.js';
import { startProgress, type Output } from './progress-display.js';
import { openPublicApiSession } from './public-api-session.js';
import { providerBinDir } from './repo-paths.js';
import { parseApplySummary, prepareWorkdir, type TerraformRun, type TerraformWorkdir } from './terraform-workdir.js';
import type { WorkspaceSession } from './workspace-session.js';

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
    throw new MainJobError(
      'HIKUBE_MAIN_JOB_NOT_BUILT',
      `${providerBinDir}/terraform-provider-hikube is missing: npm start builds it (or run npm run build -w terraform-provider-hikube)`,
    );
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

async function applyExample(ctx: MainJobContext, tool: IacTool, workdir: TerraformWorkdir, session: WorkspaceSession, major: string): Promise<void> {
  const progress = startProgress(ctx.out, `${tool.name} apply`);
  progress.update('planning');
  const applyAndSettle = async (): Promise<TerraformRun> => {
    const applied = await workdir.run(['apply', '-auto-approve', ...variables(major)], 'apply');
    if (applied.exitCode === 0) await session.settle();
    return applied;
  };
  let run: TerraformRun;
  try {
    run = await whileRunning(applyAndSettle(), 500, async () => progress.update(await session.progress()));
  } catch (err) {
    progress.finish(false, 'the cluster did not settle after apply');
    throw err;
  }
  if (run.exitCode !== 0) {
    progress.finish(false, `failed (exit ${run.exitCode})`);
    throw new MainJobError('HIKUBE_MAIN_JOB_APPLY', `${tool.name} apply failed. Its last lines:\n${tail(run)}\nFull log: ${run.logFile}`);
  }
  const summary = parseApplySummary(run.output);
  if (summary && summary.added + summary.changed + summary.destroyed === 0) {
    progress.finish(true, `no changes: the clusters already match ${session.label} (a second npm start is a no-op)`);
  } else {
    progress.finish(true, summary ? `${summary.added} added, ${summary.changed} changed, ${summary.destroyed} destroyed` : 'done');
  }
}

async function printReport(ctx: MainJobContext, session: WorkspaceSession, workdir: TerraformWorkdir, tool: IacTool, dataDir: string): Promise<void> {
  line(ctx.out);
  for (const text of await session.report(workdir, tool)) line(ctx.out, text);
  line(ctx.out);
  const failover = `npm run failover${session.name === 'cozystack' ? ' -- --cozystack' : ''}`;
  const width = failover.length + 3;
  line(ctx.out, 'The clusters keep running. Next:');
  line(ctx.out, `  ${failover.padEnd(width)}kill the primary (kubectl delete pod), watch the promotion, check the rows survived`);
  line(ctx.out, `  ${'npm run down'.padEnd(width)}${tool.name} destroy (each example applied), then stop Hikube Local and remove ${dataDir}`);
}

async function prerequisites(ctx: MainJobContext, failover: boolean): Promise<{ tool: IacTool; major: string; kubectl: string | undefined }> {
  // Everything that can be missing is checked before anything starts.
  const tool = await findIacTool(ctx.path);
  const kubectl = failover ? await findKubectl(ctx.path) : undefined;
  const major = await installedPostgresMajor();
  providerExecutableOrThrow();
  return { tool, major, kubectl };
}

/** The variables both examples declare: the installed major, and no deletion protection on a local server. */
function variables(major: string): string[] {
  return [`-var=postgres_version=${major}`, '-var=deletion_protection=false'];
}

async function openSession(workspace: ExampleWorkspaceName, dataDir: string): Promise<WorkspaceSession> {
  return workspace === 'cozystack' ? openCozystackSession(join(dataDir, 'kubeconfig')) : openPublicApiSession(dataDir);
}

function workdirFor(session: WorkspaceSession, dataDir: string, tool: IacTool): Promise<TerraformWorkdir> {
  return prepareWorkdir({ dataDir, workspace: session.name, exampleDir: session.exampleDir, providerDir: providerBinDir, env: session.terraformEnv, tool });
}

async function start(ctx: MainJobContext, options: MainJobOptions, failover: boolean): Promise<void> {
  const { tool, major, kubectl } = await prerequisites(ctx, failover);
  const label = options.workspace === 'cozystack' ? 'examples/terraform (the Cozystack Kubernetes API)' : "examples/terraform/public-api (Hikube's public API)";
  line(ctx.out, `Applying ${label} with ${tool.name} (${tool.path}) on Hikube Local, PostgreSQL ${major} (this machine's pg_config)`);
  const local = await startLocal(ctx, options.dataDir);
  const session = await openSession(options.workspace, options.dataDir);
  try {
    const workdir = await workdirFor(session, options.dataDir, tool);
    await applyExample(ctx, tool, workdir, session, major);
    await printReport(ctx, session, workdir, tool, options.dataDir);
    if (kubectl !== undefined) {
      line(ctx.out);
      const kube = createClient({ kubeconfig: local.kubeconfigPath });
      try {
        const target = await session.failoverTarget(workdir);
        await runFailoverDemo({
          out: ctx.out,
          client: kube,
          dataDir: options.dataDir,
          cluster: session.failoverCluster,
          kubeconfigPath: local.kubeconfigPath,
          kubectl,
          target,
        });
      } finally {
        await kube.close();
      }
    }
  } finally {
    await session.close();
  }
}

async function destroyWorkspace(ctx: MainJobContext, workspace: ExampleWorkspaceName, dataDir: string): Promise<void> {
  const tool = await findIacTool(ctx.path);
  providerExecutableOrThrow();
  const major = await installedPostgresMajor().catch(() => 'v18');
  const session = await openSession(workspace, dataDir);
  try {
    const workdir = await workdirFor(session, dataDir, tool);
    const progress = startProgress(ctx.out, `${tool.name} destroy`);
    progress.update(`deleting what ${session.label} created`);
    const run = await workdir.run(['destroy', '-auto-approve', ...variables(major)], 'destroy');
    if (run.exitCode !== 0) {
      progress.finish(false, `failed (exit ${run.exitCode})`);
      throw new MainJobError(
        'HIKUBE_MAIN_JOB_DESTROY',
        `${tool.name} destroy failed; Hikube Local is left running. Its last lines:\n${tail(run)}\nFull log: ${run.logFile}`,
      );
    }
    progress.finish(true, `${session.label}: ${/Resources: (\d+) destroyed/.exec(run.output)?.[0] ?? 'done'}`);
  } finally {
    await session.close();
  }
}

async function down(ctx: MainJobContext, options: MainJobOptions): Promise<void> {
  if (await hikubeLocalStatus(options.dataDir)) {
    // Both examples, whichever was applied: each workspace with a state is destroyed through Terraform.
    for (const workspace of ['public-api', 'cozystack'] as const) {
      if (existsSync(join(options.dataDir, 'terraform', workspace, 'terraform.tfstate'))) await destroyWorkspace(ctx, workspace, options.dataDir);
    }
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
  return start(ctx, options, options.command === 'failover');
}
