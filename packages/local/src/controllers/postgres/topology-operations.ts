// Operations that create, adopt, grow and shrink a cluster. Each runs inside the runtime's queue
// (one at a time); it decides the steps and leaves the acting to engine/.

import { chmod, mkdir } from 'node:fs/promises';
import { ClusterProxies } from '../../engine/cluster-proxies.js';
import { freePort } from '../../engine/free-port.js';
import { cloneStandbyData, createPrimary, releaseSlotAndFiles } from '../../engine/instance-operations.js';
import { locatePg } from '../../engine/pg-binaries.js';
import { ensureTemplate } from '../../engine/pg-template.js';
import { applyRolesAndDatabases } from '../../engine/sql-roles.js';
import type { ClusterCore, Member } from './cluster-core.js';
import type { PersistedCluster } from './cluster-state.js';
import type { ClusterDesired } from './cluster-types.js';
import { claimed, leaving, rejoinNeeded } from './instance-state.js';
import { applyParameters } from './parameter-rollout.js';
import { planScale } from './scale-plan.js';

/** Reopen a cluster from its state file after a restart: adopt running postmasters, start the rest. */
export async function reopenCluster(c: ClusterCore, state: PersistedCluster): Promise<void> {
  c.binaries = await locatePg(state.major);
  c.parameters = { ...state.parameters };
  c.primary = state.primary;
  for (const [ord, m] of Object.entries(state.instances))
    c.addMember(Number(ord), m.site, m.port, Number(ord) === state.primary ? 'primary' : 'standby', m.incarnation);
  c.proxies = await ClusterProxies.open(state.proxies);
  // a state file from before incarnations: keep the ones just made, so pods stay the same
  if (Object.values(state.instances).some((i) => i.incarnation === undefined)) await c.save();
  const primary = c.primaryMember();
  if (primary) await startOrAdopt(c, primary);
  await Promise.all([...c.members.values()].filter((m) => m !== primary).map((m) => startOrAdopt(c, m)));
  c.event('Normal', 'Adopted', `Instances reopened after a restart of Hikube Local (primary ${primary?.name ?? 'none'})`);
  c.updateProxies();
}

async function startOrAdopt(c: ClusterCore, m: Member): Promise<void> {
  if (await m.instance.adopt()) return;
  try {
    await m.instance.start();
  } catch (err) {
    m.state = rejoinNeeded(m.state, m.state.role === 'standby');
    c.fail(err);
  }
}

/** Bring the cluster in line with `desired`; returns when instances serve. */
export async function ensureCluster(c: ClusterCore, desired: ClusterDesired): Promise<void> {
  if (c.closed) return;
  c.desired = desired;
  c.binaries = await locatePg(desired.major);
  await mkdir(c.root, { recursive: true, mode: 0o755 });
  await chmod(c.root, 0o755);
  c.proxies ??= await ClusterProxies.open(undefined);
  await c.proxies.useExternal(desired.external ? (desired.externalAddress ?? '127.0.0.1') : undefined);

  if (c.members.size === 0) {
    c.phase = 'Initializing';
    await bootstrapPrimary(c, desired);
  }
  // A lone primary that stopped has no standby to fail over to: restart it in place.
  const primary0 = c.primaryMember();
  if (primary0 && c.members.size === 1 && !primary0.instance.running && !primary0.state.siteDown && !primary0.state.busy) {
    primary0.state = claimed(primary0.state, true);
    try {
      await primary0.instance.start();
    } finally {
      primary0.state = claimed(primary0.state, false);
    }
  }
  await applyParameters(c, desired.parameters);

  const plan = planScale([...c.members.keys()], desired.replicas, c.primary);
  if (plan.add.length > 0 || plan.remove.length > 0) {
    if (c.phase !== 'Initializing') c.phase = 'Scaling';
    // shrink the quorum first, so commits never wait for a standby that is going away
    for (const n of plan.remove) {
      const m = c.members.get(n);
      if (m) m.state = leaving(m.state);
    }
    if (plan.remove.length > 0) await c.maintainSync();
    for (const n of plan.remove) await removeInstance(c, n);
    await Promise.all(plan.add.map((n) => addStandby(c, n, desired.siteOf(n))));
    if (plan.add.length > 0) c.event('Normal', 'ScaledUp', `Added ${plan.add.map((n) => c.nameOf(n)).join(', ')}`);
    if (plan.remove.length > 0) c.event('Normal', 'ScaledDown', `Removed ${plan.remove.map((n) => c.nameOf(n)).join(', ')}`);
  }
  await c.refreshHealth();
  await c.maintainSync();
  c.updateProxies();

  const primary = c.primaryMember();
  if (primary?.instance.running) {
    const key = JSON.stringify(desired.roles);
    if (key !== c.rolesKey) {
      const report = await applyRolesAndDatabases(primary.instance, desired.roles);
      c.rolesKey = key;
      for (const u of report.createdUsers) c.event('Normal', 'UserCreated', `User ${u} created`);
      for (const u of report.droppedUsers) c.event('Normal', 'UserDropped', `User ${u} dropped`);
      for (const d of report.createdDatabases) c.event('Normal', 'DatabaseCreated', `Database ${d} created`);
      for (const d of report.droppedDatabases) c.event('Normal', 'DatabaseDropped', `Database ${d} dropped`);
    }
  }
  await c.save();
  c.phase = c.computePhase();
  c.lastError = undefined;
  c.changed();
}

async function bootstrapPrimary(c: ClusterCore, desired: ClusterDesired): Promise<void> {
  const template = await ensureTemplate(c.bin(), c.opts.templateRoot, c.opts.runAs);
  const m = c.addMember(1, desired.siteOf(1), await freePort(), 'primary');
  m.state = claimed(m.state, true);
  try {
    c.parameters = { ...desired.parameters };
    await createPrimary(m.instance, template, desired.parameters, c.opts.runAs);
    c.primary = 1;
    await c.save();
    c.event('Normal', 'PrimaryCreated', `Primary ${m.name} created in ${m.site}`);
  } catch (err) {
    // forget the half-made primary: the next ensure starts over
    await m.instance.stop('immediate').catch(() => undefined);
    m.probe.close();
    c.members.delete(1);
    await m.instance.removeFiles();
    throw err;
  } finally {
    m.state = claimed(m.state, false);
  }
}

async function addStandby(c: ClusterCore, n: number, site: string): Promise<void> {
  const primary = c.requirePrimary();
  const m = c.addMember(n, site, await freePort(), 'standby');
  m.state = claimed(m.state, true);
  try {
    await cloneStandbyData(primary.instance, m.instance, c.parameters, c.opts.runAs);
    await m.instance.start();
    await c.waitStreaming(m, 15_000);
    c.event('Normal', 'StandbyCreated', `Standby ${m.name} cloned from ${primary.name} in ${m.site}`);
  } catch (err) {
    m.state = rejoinNeeded(m.state, true);
    throw err;
  } finally {
    m.state = claimed(m.state, false);
  }
}

async function removeInstance(c: ClusterCore, n: number): Promise<void> {
  const m = c.members.get(n);
  if (!m || n === c.primary) return;
  m.state = claimed(m.state, true);
  m.probe.close();
  await m.instance.stop('immediate');
  c.members.delete(n);
  await releaseSlotAndFiles(m.instance, c.primaryMember()?.instance);
  await c.save();
}
