// `npm run bench -w terraform-provider-hikube`: terraform plan and apply time for 1, 10 and 50
// clusters in one configuration (parallelism 10) against Hikube Local's deterministic driver, so
// it measures the provider and Terraform, not PostgreSQL. Prints a table; per-resource time should
// stay flat as the count grows.
import { performance } from 'node:perf_hooks';
import { startHarness } from '../e2e/harness.js';

const counts = (process.env['HIKUBE_BENCH_COUNTS'] ?? '1,10,50').split(',').map(Number);

function configuration(count: number): string {
  return Array.from(
    { length: count },
    (_, index) => `
resource "hikube_postgres_cluster" "c${index}" {
  name     = "bench-${index}"
  version  = "v18"
  replicas = 2
  users     = { app = {} }
  databases = { app = { admin = ["app"] } }
}
`,
  ).join('');
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const harness = await startHarness();
const rows: { count: number; plan: number; apply: number; noop: number }[] = [];
try {
  for (const count of counts) {
    const tf = await harness.workspace({ 'main.tf': configuration(count) });
    await tf.init();
    const args = ['-parallelism=10'];
    const plan = await timed(() => tf.plan({ args }));
    const apply = await timed(() => tf.apply({ args, timeoutMs: 900_000 }));
    const noop = await timed(() => tf.plan({ args }));
    await tf.destroy({ args, timeoutMs: 900_000 });
    rows.push({ count, plan, apply, noop });
  }
} finally {
  await harness.stop(false);
}

const ms = (value: number) => value.toFixed(0).padStart(8);
process.stdout.write('clusters | plan ms | plan ms/cluster | apply ms | apply ms/cluster | no-op plan ms | no-op ms/cluster\n');
process.stdout.write('---|---|---|---|---|---|---\n');
for (const row of rows) {
  process.stdout.write(
    `${String(row.count).padStart(8)} | ${ms(row.plan)} | ${ms(row.plan / row.count)} | ` +
      `${ms(row.apply)} | ${ms(row.apply / row.count)} | ${ms(row.noop)} | ` +
      `${ms(row.noop / row.count)}\n`,
  );
}
const first = rows.find((row) => row.count >= 10);
const last = rows[rows.length - 1];
if (first && last && last !== first) {
  const growth = last.apply / last.count / (first.apply / first.count);
  process.stdout.write(`\napply time per cluster at ${last.count} vs ${first.count}: x${growth.toFixed(2)} (flat is about x1 or lower)\n`);
}
