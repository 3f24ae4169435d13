// With real PostgreSQL (Hikube Local's engine driver): connect through the rw endpoint with the
// output credentials, fail the primary over in the middle, and keep state valid and plans empty.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kubectl } from '@hikube/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../build/build-executable.js';
import { startHarness, type Harness } from './harness.js';

const run = promisify(execFile);

// The PostgreSQL major this machine has (`pg_config --version`: "PostgreSQL 15.18 (Debian ...)").
const major = `v${/PostgreSQL (\d+)/.exec(execFileSync('pg_config', ['--version'], { encoding: 'utf8' }))?.[1] ?? '15'}`;
const documented = readFileSync(join(packageRoot, 'examples', 'resources', 'hikube_postgres_cluster', 'resource.tf'), 'utf8');
if (!/version\s+= "v\d+"/.test(documented)) throw new Error('the example no longer pins version');
const example = documented.replace(/version\s+= "v\d+"/, `version = "${major}"`);
const env = { TF_VAR_ci_password: 'engine-ci-secret' };

async function psql(uri: string, sql: string): Promise<string> {
  const { stdout } = await run('psql', [uri, '-XAtc', sql], { timeout: 30_000 });
  return stdout.trim();
}

describe('hikube_postgres_cluster on real PostgreSQL', () => {
  let harness: Harness;
  let failed = false;
  beforeAll(async () => {
    harness = await startHarness('engine');
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await harness?.stop(failed);
  });

  it('connects with the output credentials and survives a failover with an empty plan', async () => {
    const tf = await harness.workspace({ 'main.tf': example });
    await tf.init();
    await tf.apply({ env });
    const uri = String((await tf.output())['orders_rw_uri']?.value);
    await psql(uri, 'CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders VALUES (1)');
    expect(await psql(uri, 'SELECT count(*) FROM orders')).toBe('1');

    const primary = (await tf.state()).values?.root_module?.resources?.[0]?.values?.['current_primary'];
    const startedBefore = await psql(uri, 'SELECT pg_postmaster_start_time()');
    const kubectl = await Kubectl.create({ kubeconfig: harness.local.kubeconfigPath });
    try {
      await kubectl.run(['delete', 'pod', String(primary), '--wait=false']);
    } finally {
      await kubectl.dispose();
    }
    // The rw endpoint follows the promoted standby: another server answers, with the data.
    let startedAfter = startedBefore;
    for (let attempt = 0; attempt < 240 && startedAfter === startedBefore; attempt++) {
      await sleep(250);
      startedAfter = await psql(uri, 'SELECT pg_postmaster_start_time() FROM orders').catch(() => startedBefore);
    }
    expect(startedAfter).not.toBe(startedBefore);
    expect(await psql(uri, 'SELECT count(*) FROM orders')).toBe('1');

    const after = await tf.plan({ env });
    expect(after.changes).toBe(false);
    await tf.refresh({ env });
    expect((await tf.state()).values?.root_module?.resources?.[0]?.values?.['current_primary']).not.toBe(primary);
    await tf.destroy({ env });
  });
});
