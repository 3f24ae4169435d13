import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, rename, rm, stat, writeFile, chown } from 'node:fs/promises';
import { join } from 'node:path';
import { BASE_SETTINGS, INSTANCE_CONF, PARAMS_CONF, confQuote } from './pg-conf.js';
import type { PgBinaries } from './pg-binaries.js';
import { makeOwnedDir, type RunAs } from './run-as.js';
import { runCommand } from './run-command.js';

// Bump when the template's contents change, so stale templates are not reused.
const TEMPLATE_REVISION = 2;

// Local (unix socket, private 0700 directory) connections are the engine's own; everything over
// TCP, clients through the proxies included, uses password authentication.
const PG_HBA = `# managed by hikube-local
local   all          all                  trust
local   replication  all                  trust
host    all          all   127.0.0.1/32   scram-sha-256
host    replication  all   127.0.0.1/32   scram-sha-256
`;

function postgresqlConfAppendix(): string {
  const base = Object.entries(BASE_SETTINGS)
    .map(([k, v]) => `${k} = ${confQuote(v)}`)
    .join('\n');
  return `\n# hikube-local base settings\n${base}\ninclude_if_exists = '${PARAMS_CONF}'\ninclude_if_exists = '${INSTANCE_CONF}'\n`;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

const inflight = new Map<string, Promise<string>>();

/**
 * A freshly initdb'd data directory for one major, made once and then cloned (`cp -a` costs
 * ~0.1 s where initdb costs ~0.8 s). Safe against concurrent callers: each builds in a private
 * temporary directory and renames it into place; the loser discards its copy.
 */
export function ensureTemplate(binaries: PgBinaries, root: string, runAs?: RunAs): Promise<string> {
  const target = join(root, `pg${binaries.major}-r${TEMPLATE_REVISION}`);
  const existing = inflight.get(target);
  if (existing) return existing;
  const p = buildTemplate(binaries, root, target, runAs);
  inflight.set(target, p);
  p.catch(() => inflight.delete(target));
  return p;
}

async function buildTemplate(binaries: PgBinaries, root: string, target: string, runAs?: RunAs): Promise<string> {
  if (await exists(join(target, 'PG_VERSION'))) return target;
  await mkdir(root, { recursive: true, mode: 0o755 });
  const work = join(root, `.build-${randomBytes(6).toString('hex')}`);
  await makeOwnedDir(work, runAs, 0o700);
  const data = join(work, 'data');
  try {
    await runCommand(binaries.path('initdb'), ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--auth=trust', '--no-sync', '--no-instructions'], {
      runAs,
      label: `initdb (PostgreSQL ${binaries.major})`,
    });
    await writeFile(join(data, 'pg_hba.conf'), PG_HBA);
    await appendFile(join(data, 'postgresql.conf'), postgresqlConfAppendix());
    if (runAs) {
      await chown(join(data, 'pg_hba.conf'), runAs.uid, runAs.gid);
      await chown(join(data, 'postgresql.conf'), runAs.uid, runAs.gid);
    }
    try {
      await rename(data, target);
    } catch (err) {
      // another process won the race; its template is as good as ours
      if (!(await exists(join(target, 'PG_VERSION')))) throw err;
    }
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Clone the template into a new data directory (ownership and modes preserved). */
export async function cloneTemplate(template: string, dataDir: string): Promise<void> {
  await runCommand('cp', ['-a', template, dataDir], { label: 'cp -a (template clone)' });
}
