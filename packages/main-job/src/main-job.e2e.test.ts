// npm start, npm run failover and npm run down end to end, on a fresh data dir: real terraform,
// Hikube Local's engine driver (real PostgreSQL), the printed psql commands run as printed. The
// default path is the public API example (host:5432 with TLS); the Cozystack one runs beside it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { filesNotOwnerOnly, listPathModes, openToOthers } from '@hikube/local';
import { createClient } from '@hikube/sdk/kubernetes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hikubeLocalStatus, stopHikubeLocal } from './hikube-local-process.js';
import { runMainJob } from './main-job.js';
import { parseMainJobArgs, type MainJobCommand } from './main-job-options.js';
import { installedPostgresMajor } from './postgres-major.js';

const run = promisify(execFile);

describe('the main job (npm start)', () => {
  let dataDir: string;

  async function mainJob(command: MainJobCommand, extra: readonly string[] = []): Promise<string> {
    let text = '';
    const args = command === 'start' ? [] : [`--${command}`];
    await runMainJob(parseMainJobArgs([...args, ...extra, '--data-dir', dataDir], {}, undefined), {
      out: { write: (t) => void (text += t), isTTY: false },
      path: process.env['PATH'],
    });
    return text;
  }

  beforeAll(async () => {
    // Short on purpose: PostgreSQL's sockets live under it (107-byte limit).
    dataDir = await mkdtemp(join(tmpdir(), 'mj-'));
  });
  afterAll(async () => {
    // Only the server this suite started (recorded in its own data dir), then its files.
    await stopHikubeLocal(dataDir).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The values of a secret-bearing file the output must never contain: the API key, the generated password. */
  async function secrets(): Promise<string[]> {
    const env = await readFile(join(dataDir, 'hikube.env'), 'utf8');
    const key = /^export HIKUBE_API_KEY='([^']+)'$/m.exec(env)?.[1];
    const state = JSON.parse(await readFile(join(dataDir, 'terraform', 'public-api', 'terraform.tfstate'), 'utf8')) as {
      resources: { type: string; instances: { attributes: { password?: string } }[] }[];
    };
    const password = state.resources.find((r) => r.type === 'hikube_postgres_user')?.instances[0]?.attributes.password;
    expect(key).toMatch(/^sk_hk_/);
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    return [key ?? '', password ?? ''];
  }

  it('starts Hikube Local, applies the public API example and prints the cluster, a psql command and the teardown', async () => {
    const out = await mainJob('start');
    const major = await installedPostgresMajor();
    expect(out).toMatch(
      new RegExp(
        `Applying examples/terraform/public-api \\(Hikube's public API\\) with (terraform|tofu) .* PostgreSQL ${major} \\(this machine's pg_config\\)`,
      ),
    );
    expect(out).toMatch(/✓ Hikube Local: started https:\/\/127\.0\.0\.1:\d+ \(pid \d+, engine driver\), data in /);
    expect(out).toMatch(/… (terraform|tofu) apply: store (not created yet|provisioning)/); // the progress display
    expect(out).toMatch(/✓ (terraform|tofu) apply: 3 added, 0 changed, 0 destroyed/);
    expect(out).toMatch(new RegExp(`^store · PostgreSQL ${major} · ready · 3 replicas · quorum: commits wait for 1 synchronous standby$`, 'm'));
    const host = /^ {2}host (127\.0\.0\.\d+), port 5432, TLS \(sslmode=require\)$/m.exec(out)?.[1];
    expect(host).toBeDefined();
    expect(host).not.toBe('127.0.0.1');
    expect(out).toMatch(/npm run down +(terraform|tofu) destroy \(each example applied\), then stop Hikube Local/);
    const psqlLine = out.split('\n').find((l) => l.includes('PGPASSWORD=')) ?? '';
    expect(psqlLine).toMatch(
      new RegExp(
        `^ {2}PGPASSWORD="\\$\\(TF_CLI_CONFIG_FILE=\\S+ (terraform|tofu) ` +
          `-chdir=${dataDir}/terraform/public-api output -raw app_password\\)" psql ` +
          `"host=${host?.replaceAll('.', '\\.')} port=5432 user=app dbname=shop sslmode=require"$`,
      ),
    );

    // Neither the key nor the password is printed; the printed command reads the password and connects over TLS.
    for (const secret of await secrets()) expect(out).not.toContain(secret);
    const psql = await run('sh', ['-c', `${psqlLine.trim()} -X -tA -c 'select current_user, ssl from pg_stat_ssl where pid = pg_backend_pid()'`]);
    expect(psql.stdout.trim()).toBe('app|t');
  });

  it('is harmless when run again: reuses the server, the apply is a no-op', async () => {
    const out = await mainJob('start');
    expect(out).toMatch(/✓ Hikube Local: reusing https:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/✓ (terraform|tofu) apply: no changes: the clusters already match examples\/terraform\/public-api \(a second npm start is a no-op\)/);
  });

  it('--failover deletes the pod of the public API cluster primary, shows the promotion and the time, and the rows written before', async () => {
    const out = await mainJob('failover');
    expect(out).toMatch(/^Failover demo on store: writes go through host 127\.0\.0\.\d+:5432 \(TLS\) as app$/m);
    const killed =
      /↯ killing the primary (postgres-store-\d) \((\w+)\): kubectl delete pod (postgres-store-\d) \(the platform kills its postmaster with SIGKILL\)/.exec(
        out,
      );
    expect(killed).not.toBeNull();
    expect(killed?.[3]).toBe(killed?.[1]);
    const promoted = /✓ failover: (postgres-store-\d) \((\w+)\) promoted; first write through host 127\.0\.0\.\d+:5432 \(TLS\) \d+\.\d s after the kill/.exec(
      out,
    );
    expect(promoted).not.toBeNull();
    expect(promoted?.[1]).not.toBe(killed?.[1]);
    expect(out).toMatch(/✓ rows written before the kill: 100 of 100 read back through host 127\.0\.0\.\d+:5432 \(TLS\) from the new primary/);
    expect(out).toContain(`✓ healing: ${killed?.[1]} is back as a standby`);
    expect(out.split('\n').filter((l) => new RegExp(`^ {2}${promoted?.[1]} +\\w+ +primary +accepts writes`).test(l))).toHaveLength(1);
    for (const secret of await secrets()) expect(out).not.toContain(secret);
  });

  it('--cozystack applies the Kubernetes API example beside it and prints its clusters at a glance', async () => {
    const out = await mainJob('start', ['--cozystack']);
    const major = await installedPostgresMajor();
    expect(out).toMatch(/Applying examples\/terraform \(the Cozystack Kubernetes API\) with (terraform|tofu) /);
    expect(out).toMatch(/✓ (terraform|tofu) apply: 2 added, 0 changed, 0 destroyed/);
    expect(out).toMatch(new RegExp(`^orders · PostgreSQL ${major} · Ready · synchronous: ANY 1 of 2 standbys · primary postgres-orders-\\d$`, 'm'));
    const rows = out.split('\n').filter((l) => /^ {2}postgres-orders-\d /.test(l));
    expect(rows.map((r) => r.split(/\s+/)[2]).sort()).toEqual(['geneva', 'gland', 'lucerne']);
    expect(rows.filter((r) => /primary +accepts writes +-$/.test(r))).toHaveLength(1);
    expect(rows.filter((r) => /standby +streaming, quorum +\d+(\.\d)? (B|KiB|MiB)$/.test(r))).toHaveLength(2);
    expect(out).toMatch(/^ {2}endpoints: rw 127\.0\.0\.1:\d+ \(primary\) {3}ro 127\.0\.0\.1:\d+ \(standbys\) {3}r 127\.0\.0\.1:\d+ \(any instance\)$/m);
    expect(out).toMatch(/^dev · PostgreSQL v\d+ · Ready · replication: asynchronous · primary postgres-dev-1$/m);
    expect(out).toMatch(/npm run failover -- --cozystack +kill the primary/);
    const psqlLine = out.split('\n').find((l) => l.includes('psql -h')) ?? '';
    expect(psqlLine).toMatch(
      /PGPASSWORD="\$\(kubectl get secret postgres-orders-credentials -o jsonpath='\{\.data\.app\}' \| base64 -d\)" psql -h 127\.0\.0\.1 -p \d+ -U app shop/,
    );

    const client = createClient({ kubeconfig: join(dataDir, 'kubeconfig') });
    try {
      for (const password of Object.values(await client.postgres.credentials('orders'))) expect(out).not.toContain(password);
    } finally {
      await client.close();
    }
    const psql = await run('sh', ['-c', `${psqlLine.trim()} -X -tA -c 'select current_user, pg_is_in_recovery()'`], {
      env: { ...process.env, KUBECONFIG: join(dataDir, 'kubeconfig') },
    });
    expect(psql.stdout.trim()).toBe('app|f');
  });

  it('leaves nothing under the data directory another local user can read, and every file owner-only', async () => {
    // After both examples and a failover: the store, keys, tokens, kubeconfig, hikube.env (the API
    // key), the server and PostgreSQL logs, the Terraform states (they hold the passwords), the instances' data.
    const paths = await listPathModes(dataDir);
    for (const file of [
      'store/store.log',
      'pki/ca.key',
      'tokens.json',
      'kubeconfig',
      'hikube.env',
      'hikube-local.log',
      'terraform/public-api/terraform.tfstate',
      'terraform/cozystack/terraform.tfstate',
    ]) {
      expect(paths.map((p) => p.path)).toContain(join(dataDir, file));
    }
    expect(paths.some((p) => p.path.endsWith('/postgres.log'))).toBe(true);
    expect(openToOthers(paths)).toEqual([]);
    expect(filesNotOwnerOnly(paths)).toEqual([]);
  });

  it('npm run down destroys both examples through terraform, stops Hikube Local and removes its data', async () => {
    const out = await mainJob('down');
    expect(out).toMatch(/✓ (terraform|tofu) destroy: examples\/terraform\/public-api: Resources: 3 destroyed/);
    expect(out).toMatch(/✓ (terraform|tofu) destroy: examples\/terraform: Resources: 2 destroyed/);
    expect(out).toMatch(/✓ Hikube Local: stopped; removed /);
    expect(existsSync(dataDir)).toBe(false);
    expect(await hikubeLocalStatus(dataDir)).toBeUndefined();
  });
});
