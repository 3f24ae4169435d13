// The `hikube-local` command, as a function of argv so tests can run it in-process.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXTRA_POSTGRES_FIELDS, isExtraPostgresField } from '../api/extra-postgres-fields.js';
import { SITES } from '../controllers/reconciler.js';
import { openPrivateSync } from '../files/private-files.js';
import { DEFAULT_TENANT, ensurePrivateDataDir, readServerInfo, readTokens, type ServerInfo } from '../server/data-dir.js';
import { renderKubeconfig } from '../server/kubeconfig.js';
import { keysUsage, runKeysCommand } from '../projects/keys-command.js';
import type { DriverChoice } from '../server/start-hikube-local.js';
import { MAX_PROJECTS } from '../server/project-namespaces.js';
import { SUPERVISOR_ENV, runSupervisor } from './supervisor.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `usage: hikube-local <command> [options]
  start [--data-dir DIR] [--port N] [--detach] [--driver engine|deterministic] [--projects N]
        [--extra-postgres-field schedulingClass]  (a newer platform than Cozystack v1.6.2)
  stop [--data-dir DIR]
  status [--data-dir DIR]
  kubeconfig [--data-dir DIR] [--tenant NAME]
  site down|up <gland|lucerne|geneva> [--data-dir DIR]
${keysUsage}`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

function call(info: ServerInfo, dataDir: string, method: string, path: string, token?: string): Promise<{ status: number; body: string }> {
  const ca = readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8');
  return new Promise((resolvePromise, reject) => {
    const req = request(`${info.url}${path}`, { method, ca, headers: token ? { authorization: `Bearer ${token}` } : {}, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

function running(dataDir: string): ServerInfo | undefined {
  const info = readServerInfo(dataDir);
  return info && alive(info.pid) ? info : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        detach: { type: 'boolean' },
        driver: { type: 'string' },
        tenant: { type: 'string' },
        scope: { type: 'string' },
        valid: { type: 'string' },
        project: { type: 'string' },
        projects: { type: 'string' },
        'extra-postgres-field': { type: 'string', multiple: true },
      },
    });
  } catch (err) {
    io.stderr(`hikube-local: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const dataDir = resolve(values['data-dir'] ?? '.hikube-local');
  switch (command) {
    case 'start': {
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        io.stderr(`hikube-local: --port must be a TCP port number (0-65535), not "${values.port ?? ''}"\n`);
        return 2;
      }
      const driver = values.driver;
      if (driver !== undefined && driver !== 'engine' && driver !== 'deterministic') {
        io.stderr(`hikube-local: --driver must be "engine" or "deterministic", not "${driver}"\n`);
        return 2;
      }
      const projects = values.projects === undefined ? undefined : Number(values.projects);
      if (projects !== undefined && (!Number.isInteger(projects) || projects < 1 || projects > MAX_PROJECTS)) {
        io.stderr(
          `hikube-local: --projects must be a whole number from 1 to ${MAX_PROJECTS} (projects with keys in DIR/hikube.env), not "${values.projects ?? ''}"\n`,
        );
        return 2;
      }
      const extraFields = values['extra-postgres-field'] ?? [];
      const unknownField = extraFields.find((field) => !isExtraPostgresField(field));
      if (unknownField !== undefined) {
        io.stderr(`hikube-local: --extra-postgres-field must be one of ${EXTRA_POSTGRES_FIELDS.join(', ')}, not "${unknownField}"\n`);
        return 2;
      }
      const supervisorPid = Number(process.env[SUPERVISOR_ENV]) || undefined;
      const already = readServerInfo(dataDir);
      // A live supervisor counts too (its server may be between a crash and its restart), unless it is ours.
      const otherSupervisor = already?.supervisorPid !== undefined && already.supervisorPid !== supervisorPid && alive(already.supervisorPid);
      if (already && (alive(already.pid) || otherSupervisor)) {
        io.stderr(`hikube-local: already running for ${dataDir} (pid ${already.pid}, ${already.url}); run "hikube-local stop" first\n`);
        return 1;
      }
      if (values.detach) return detach(dataDir, serverArgsOf(values), values.port, io);
      // Loaded on demand: the server pulls in the SDK's schemas, which the other commands never need.
      const { startHikubeLocal } = await import('../server/start-hikube-local.js');
      const local = await startHikubeLocal({
        dataDir,
        ...(port !== undefined ? { port } : {}),
        ...(driver ? { driver: driver as DriverChoice } : {}),
        ...(projects !== undefined ? { projects } : {}),
        ...(extraFields.length ? { extraPostgresFields: extraFields.filter(isExtraPostgresField) } : {}),
        ...(supervisorPid !== undefined ? { supervisorPid } : {}),
        recordServerInfo: true,
        log: (line) => io.stderr(line + '\n'),
      });
      io.stdout(`Hikube Local listening on ${local.url} (driver ${local.driver})\nkubeconfig: ${local.kubeconfigPath}\n`);
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void local.stop().then(done, done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      return 0;
    }
    case 'stop': {
      const info = readServerInfo(dataDir);
      // The supervisor first: it stops its server and does not start it again.
      const pids = [info?.supervisorPid, info?.pid].filter((p): p is number => p !== undefined && alive(p));
      if (!info || !pids.length) {
        io.stdout(`Hikube Local is not running for ${dataDir}\n`);
        return 0;
      }
      process.kill(pids[0] as number, 'SIGTERM');
      for (let i = 0; i < 300 && pids.some(alive); i++) await sleep(100);
      for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
      io.stdout(`stopped Hikube Local (pid ${info.pid})\n`);
      return 0;
    }
    case 'supervise': {
      // Internal: what `start --detach` runs in the background.
      const main = fileURLToPath(new URL('./main.js', import.meta.url));
      const serverArgs = serverArgsOf(values);
      return runSupervisor({ dataDir, main, serverArgs, port: values.port, log: (line) => io.stderr(line + '\n') });
    }
    case 'status': {
      const info = running(dataDir);
      if (!info) {
        io.stdout(`not running (${dataDir})\n`);
        return 3;
      }
      const ready = await call(info, dataDir, 'GET', '/readyz').then(
        (r) => r.status === 200,
        () => false,
      );
      io.stdout(`${ready ? 'running' : 'starting'}: ${info.url} pid ${info.pid} driver ${info.driver}\nkubeconfig: ${join(dataDir, 'kubeconfig')}\n`);
      return ready ? 0 : 1;
    }
    case 'kubeconfig': {
      const info = running(dataDir);
      const tokens = readTokens(dataDir);
      if (!info || !tokens) {
        io.stderr(`hikube-local: not running for ${dataDir}; run "hikube-local start --detach" first\n`);
        return 1;
      }
      const tenant = values.tenant;
      if (tenant !== undefined && !tokens.tenants[tenant]) {
        io.stderr(`hikube-local: unknown tenant "${tenant}"; tenants: ${Object.keys(tokens.tenants).join(', ')}\n`);
        return 2;
      }
      const caCertPem = readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8');
      io.stdout(renderKubeconfig({ url: info.url, caCertPem, tokens, currentTenant: DEFAULT_TENANT, ...(tenant ? { onlyTenant: tenant } : {}) }));
      return 0;
    }
    case 'site': {
      const [operation, site] = positionals;
      if ((operation !== 'down' && operation !== 'up') || !site || !(SITES as readonly string[]).includes(site)) {
        io.stderr(`hikube-local: usage: hikube-local site down|up ${SITES.join('|')}\n`);
        return 2;
      }
      const info = running(dataDir);
      const tokens = readTokens(dataDir);
      if (!info || !tokens) {
        io.stderr(`hikube-local: not running for ${dataDir}\n`);
        return 1;
      }
      const res = await call(info, dataDir, 'POST', `/hikube-local/v1/sites/${site}/${operation}`, tokens.admin);
      if (res.status !== 200) {
        io.stderr(`hikube-local: site ${operation} ${site} failed: HTTP ${res.status} ${res.body}\n`);
        return 1;
      }
      io.stdout(`site ${site} is ${operation}\n`);
      return 0;
    }
    case 'keys':
      return runKeysCommand(dataDir, positionals, { scope: values.scope, valid: values.valid, project: values.project }, io);
    default:
      io.stderr(command === undefined || command === 'help' || command === '--help' ? USAGE : `hikube-local: unknown command "${command}"\n${USAGE}`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

/** The `start` options a supervised server is given again on each restart. */
function serverArgsOf(values: { driver?: string | undefined; projects?: string | undefined; 'extra-postgres-field'?: string[] | undefined }): string[] {
  const { driver, projects } = values;
  const fields = (values['extra-postgres-field'] ?? []).flatMap((field) => ['--extra-postgres-field', field]);
  return [...(driver ? ['--driver', driver] : []), ...(projects !== undefined ? ['--projects', projects] : []), ...fields];
}

async function detach(dataDir: string, serverArgs: string[], port: string | undefined, io: CliIo): Promise<number> {
  const logPath = join(dataDir, 'hikube-local.log');
  ensurePrivateDataDir(dataDir);
  // The server's log may quote anything it was sent: owner-only like the rest of the data dir.
  const fd = openPrivateSync(logPath, 'a');
  const main = fileURLToPath(new URL('./main.js', import.meta.url));
  const args = [main, 'supervise', '--data-dir', dataDir, ...(port !== undefined ? ['--port', port] : []), ...serverArgs];
  const supervisor = spawn(process.execPath, args, { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited = false;
  supervisor.on('exit', () => (exited = true));
  supervisor.unref();
  for (let i = 0; i < 600 && !exited; i++) {
    const info = readServerInfo(dataDir);
    if (info && info.supervisorPid === supervisor.pid && alive(info.pid)) {
      const found: ServerInfo = info;
      const ok = await call(found, dataDir, 'GET', '/readyz').then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) {
        io.stdout(`Hikube Local listening on ${found.url} (pid ${found.pid}, driver ${found.driver})\nkubeconfig: ${join(dataDir, 'kubeconfig')}\n`);
        return 0;
      }
    }
    await sleep(100);
  }
  const tail = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-20).join('\n') : '';
  io.stderr(`hikube-local: the server did not come up (see ${logPath}):\n${tail}\n`);
  if (!exited && supervisor.pid) process.kill(supervisor.pid, 'SIGTERM');
  return 1;
}
