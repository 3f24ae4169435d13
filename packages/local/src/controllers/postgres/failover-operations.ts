// Operations that move the primary or bring an instance back: switchover, failover, rejoin
// (pg_rewind, else a fresh clone) and the standby repairs the health loop queues. Each runs
// inside the runtime's queue; the rules that choose them are in health-rules.ts and
// instance-repair.ts, the acting in engine/.

import { setTimeout as sleep } from 'node:timers/promises';
import { cloneStandbyData, followPrimary, rewindAndStart, stopForHandover } from '../../engine/instance-operations.js';
import { promote } from '../../engine/pg-replication.js';
import { newIncarnation, type ClusterCore, type Member } from './cluster-core.js';
import { electFailoverCandidate } from './failover-candidate.js';
import { alreadyPromoted, failoverObservations, primaryRecovered } from './health-rules.js';
import { decideRepair } from './instance-repair.js';
import { claimed, demoted, inspected, promoted, recloned, reincarnated, rejoined, rejoinNeeded, repairFacts } from './instance-state.js';
import { decideSynchronousStandbys } from './sync-quorum.js';

/** The standby the election picks among the current instances. */
function electedStandby(c: ClusterCore): Member | undefined {
  const elected = electFailoverCandidate(failoverObservations(c.views(), c.sync.names, c.desired?.primarySite));
  return c.members.get(Number(elected ?? NaN));
}

/** Planned switchover to a standby (the most advanced one when not given). */
export async function switchover(c: ClusterCore, to?: number): Promise<void> {
  const old = c.requirePrimary();
  await c.refreshHealth();
  const target = to !== undefined ? c.members.get(to) : electedStandby(c);
  if (!target || target === old || !target.instance.running) return;
  c.phase = 'Switchover';
  c.changed();
  old.state = claimed(old.state, true);
  target.state = claimed(target.state, true);
  try {
    // A fast shutdown sends all WAL, the shutdown checkpoint included, to connected standbys.
    await stopForHandover(old.instance);
    c.proxies?.fenceWrites();
    await promoteMember(c, target, old);
    old.state = rejoinNeeded(old.state, false);
    await followPrimary(old.instance, target.instance);
    await old.instance.start();
    if (
      !(await c.waitStreaming(old, 5_000).then(
        () => true,
        () => false,
      ))
    ) {
      await old.instance.stop('fast');
      await rejoin(c, old);
    }
    c.event('Normal', 'SwitchoverCompleted', `Primary switched over from ${old.name} to ${target.name}`);
  } finally {
    old.state = claimed(old.state, false);
    target.state = claimed(target.state, false);
  }
  await c.maintainSync();
  c.updateProxies();
  c.phase = c.computePhase();
  c.changed();
}

/** Promote `target`, move rw, repoint every other running standby. */
async function promoteMember(c: ClusterCore, target: Member, old: Member | undefined): Promise<void> {
  const others = [...c.members.values()].filter((m) => m !== target && m !== old);
  const ready = others.filter((m) => m.instance.running && !m.state.siteDown && !m.state.needsRejoin).map((m) => m.name);
  const sync = decideSynchronousStandbys(c.desired?.quorum ?? { minSyncReplicas: 0, maxSyncReplicas: 0 }, ready);
  await promote(target.instance, sync.value);
  c.sync = sync;
  if (old) old.state = demoted(old.state);
  target.state = promoted(target.state);
  c.primary = target.ordinal;
  await c.save();
  c.updateProxies();
  await Promise.all(
    others
      .filter((m) => m.instance.running)
      .map((m) =>
        followPrimary(m.instance, target.instance).catch(() => {
          m.state = rejoinNeeded(m.state, true);
        }),
      ),
  );
}

export async function failover(c: ClusterCore, reason: string): Promise<void> {
  const old = c.primaryMember();
  if (!old || c.closed) return;
  const h = await old.probe.probe(c.profile.probeTimeoutMs);
  if (primaryRecovered(c.view(old), h)) return;
  c.phase = 'FailingOver';
  c.changed();
  c.event('Warning', 'FailingOver', `Primary ${old.name} is unavailable (${reason}); electing a new primary`);
  if (c.profile.failoverDelayMs > 0) await sleep(c.profile.failoverDelayMs);
  old.state = claimed(old.state, true);
  try {
    // Fence: an unreachable primary that still runs must not take writes any more.
    c.proxies?.fenceWrites();
    await old.instance.stop('kill');
    old.state = rejoinNeeded(old.state, true);
    await Promise.all([...c.members.values()].filter((m) => m !== old).map((m) => c.probeMember(m)));
    // A standby already out of recovery was promoted by an interrupted attempt: it must be the
    // one, or two primaries would exist.
    const promotedBefore = alreadyPromoted(c.views(), old.ordinal);
    const candidate = promotedBefore ? c.members.get(promotedBefore.ordinal) : electedStandby(c);
    if (!candidate) {
      c.event('Warning', 'NoFailoverCandidate', 'No healthy standby can be promoted; the primary restarts in place when it can');
      c.phase = 'Degraded';
      if (!old.state.siteDown) {
        old.state = rejoinNeeded(old.state, false);
        await old.instance.start().catch((err: unknown) => c.fail(err));
      }
      return;
    }
    await promoteMember(c, candidate, old);
    c.event('Normal', 'FailoverCompleted', `${candidate.name} promoted; rw now points to it`);
  } finally {
    old.state = claimed(old.state, false);
  }
  c.phase = c.computePhase();
  c.changed();
  c.hooks.kick(); // rejoin the old primary when it can run
}

/** Bring a stopped instance back as a standby: pg_rewind, else (or when its data is damaged) a fresh clone. */
async function rejoin(c: ClusterCore, m: Member, recloneReason?: string): Promise<void> {
  const primary = c.requirePrimary();
  m.state = claimed(m.state, true);
  try {
    await m.instance.stop('kill');
    const rewound = recloneReason === undefined && m.state.dataDirectory.intact && (await tryRewind(c, m, primary));
    if (!rewound) await reclone(c, m, primary, recloneReason);
    m.state = rejoined(m.state);
  } finally {
    m.state = claimed(m.state, false);
  }
}

async function tryRewind(c: ClusterCore, m: Member, primary: Member): Promise<boolean> {
  try {
    await rewindAndStart(m.instance, primary.instance);
    await c.waitStreaming(m, 10_000);
    c.event('Normal', 'Rewound', `${m.name} rewound with pg_rewind and streaming from ${primary.name}`);
    return true;
  } catch (err) {
    c.log(`rewind of ${m.name} failed, re-cloning: ${err instanceof Error ? err.message : String(err)}`);
    await m.instance.stop('kill');
    return false;
  }
}

async function reclone(c: ClusterCore, m: Member, primary: Member, reason: string | undefined): Promise<void> {
  // the data directory is replaced: a new incarnation (a new pod), as on Kubernetes
  m.state = reincarnated(m.state, newIncarnation());
  await c.save();
  await cloneStandbyData(primary.instance, m.instance, c.parameters, c.opts.runAs);
  m.state = recloned(m.state);
  await m.instance.start();
  await c.waitStreaming(m, 15_000);
  c.event('Normal', 'Recloned', `${m.name} re-cloned from ${primary.name}${reason ? ` (${reason})` : ''}`);
}

/**
 * Carry out a standby repair decided by the health loop. The decision is taken again on fresh
 * facts first: the queue may reach it after the instance changed.
 */
export async function repairStandby(c: ClusterCore, m: Member): Promise<void> {
  if (c.closed || m.state.busy || !c.primaryMember()?.instance.running) return;
  const verdict = await c.inspectDataDirectory(m);
  m.state = inspected(m.state, verdict);
  const repair = decideRepair(repairFacts(m.state, m.instance.running), c.profile, c.now());
  if (repair.action === 'reclone') return rejoin(c, m, repair.reason);
  if (repair.action === 'rejoin') return rejoin(c, m);
  if (repair.action !== 'restart') return;
  m.state = claimed(m.state, true);
  let ok = false;
  try {
    await m.instance.start({ timeoutMs: 15_000 });
    await c.waitStreaming(m, 5_000);
    ok = true;
    c.event('Normal', 'InstanceRestarted', `${m.name} restarted`);
  } catch {
    ok = false;
  } finally {
    m.state = claimed(m.state, false);
  }
  if (!ok) await rejoin(c, m);
}
