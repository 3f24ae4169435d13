// Applying changed PostgreSQL parameters to a running cluster: refused values first, then a
// reload, or a rolling restart (standbys first, then a switchover) when a setting needs one.

import { writeParamsConf } from '../../engine/pg-conf.js';
import { currentWalLsn, reloadConfiguration } from '../../engine/instance-operations.js';
import type { ClusterCore } from './cluster-core.js';
import { switchover } from './failover-operations.js';
import { claimed } from './instance-state.js';
import { classifyParameterChanges, lowersHotStandbyMinimum, rollingRestartPlan, type RollingStep } from './parameter-plan.js';
import { parameterValueProblem, type SettingShape } from './parameter-values.js';

export async function applyParameters(c: ClusterCore, next: Readonly<Record<string, string>>): Promise<void> {
  const before = c.parameters;
  if (JSON.stringify(before) === JSON.stringify(next)) return;
  const primary = c.requirePrimary();
  const names = [...new Set([...Object.keys(before), ...Object.keys(next)])];
  const rows = await primary.instance.query<{ name: string; context: string }>('SELECT name, context FROM pg_settings WHERE name = ANY($1)', [names]);
  const ctx = new Map(rows.map((r) => [r.name, r.context]));
  const plan = classifyParameterChanges(before, next, (n) => ctx.get(n));
  if (plan.rejected.length > 0) {
    throw new Error(`unknown or read-only PostgreSQL parameter(s): ${plan.rejected.join(', ')}; remove them from spec.postgresql.parameters`);
  }
  // A value PostgreSQL refuses (statement_timeout "3MB") is skipped by a reload but stops the
  // next start with FATAL: refuse it before writing anything.
  const shapes = await primary.instance.query<SettingShape & { name: string }>(
    'SELECT name, vartype, unit, enumvals, min_val, max_val FROM pg_settings WHERE name = ANY($1)',
    [[...plan.reload, ...plan.restart]],
  );
  const refused = shapes.flatMap((shape) => {
    const value = next[shape.name];
    const problem = value === undefined ? undefined : parameterValueProblem(shape, value);
    return problem === undefined ? [] : [`${shape.name} = ${JSON.stringify(value)} (PostgreSQL takes ${problem})`];
  });
  if (refused.length > 0) throw new Error(`PostgreSQL refuses the value of ${refused.join(', ')}; fix spec.postgresql.parameters`);
  for (const m of c.members.values()) await writeParamsConf(m.instance.dataDir, next, c.opts.runAs);
  c.parameters = { ...next };
  await c.save();
  if (plan.restart.length === 0) {
    await reloadConfiguration(
      [...c.members.values()].map((m) => m.instance),
      'throw',
    );
    c.event('Normal', 'ParametersReloaded', `Reloaded: ${plan.reload.join(', ')}`);
    return;
  }
  c.phase = 'Restarting';
  c.changed();
  c.event('Normal', 'RollingRestart', `Restart needed for ${plan.restart.join(', ')}: standbys first, then a switchover`);
  const defaults = Object.fromEntries(
    (await primary.instance.query<{ name: string; boot_val: string }>('SELECT name, boot_val FROM pg_settings WHERE name = ANY($1)', [names])).map((r) => [
      r.name,
      r.boot_val,
    ]),
  );
  // Lowered hot-standby minimums: restart the primary in place first, then the standbys.
  const steps: RollingStep[] = lowersHotStandbyMinimum(before, next, defaults)
    ? [primary.name, ...[...c.members.values()].filter((m) => m !== primary).map((m) => m.name)].map((instance) => ({ action: 'restart', instance }))
    : rollingRestartPlan(
        [...c.members.values()].map((m) => m.name),
        primary.name,
      );
  // A standby checks its settings against the primary's parameter-change WAL record, so after
  // the primary restarts, each standby must replay up to that point before it restarts.
  let primaryRestartLsn: string | undefined;
  for (const step of steps) {
    if (step.action === 'restart') {
      const m = [...c.members.values()].find((x) => x.name === step.instance);
      if (!m || m.state.siteDown) continue;
      if (m.state.role === 'standby' && primaryRestartLsn) await c.waitReplayed(m, primaryRestartLsn, 15_000).catch(() => undefined);
      m.state = claimed(m.state, true);
      try {
        await m.instance.stop('fast');
        await m.instance.start();
        if (m.state.role === 'standby') await c.waitStreaming(m, 15_000).catch(() => undefined);
        else primaryRestartLsn = await currentWalLsn(m.instance);
      } finally {
        m.state = claimed(m.state, false);
      }
    } else {
      const to = [...c.members.values()].find((x) => x.name === step.to);
      if (to && !to.state.siteDown) await switchover(c, to.ordinal);
    }
  }
  c.event('Normal', 'ParametersApplied', `Restarted with ${plan.restart.join(', ')}`);
}
