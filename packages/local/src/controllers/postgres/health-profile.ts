/**
 * How fast the health loop notices trouble and acts. Detection delays are policy, not physics
 * (promotion itself takes ~30 ms here; see reference/performance.md B5/B6), so they are settings.
 */
export interface HealthProfile {
  readonly name: string;
  /** Time between probes of each instance. */
  readonly probeIntervalMs: number;
  /** A probe that has not answered by then counts as failed. */
  readonly probeTimeoutMs: number;
  /** Consecutive failed probes before a live-but-silent primary is declared dead... */
  readonly failureThreshold: number;
  /** ...and for at least this long, so a CPU-starved machine does not cause false failovers. */
  readonly unreachableAfterMs: number;
  /** Wait after declaring the primary dead before promoting (CloudNativePG's lease wait). */
  readonly failoverDelayMs: number;
  /** A running standby that has not streamed for this long is rewound or re-cloned. */
  readonly standbyResyncAfterMs: number;
}

/** The default: a dead postmaster is seen at once (exit event), a silent one within ~1 s. */
export const FAST_PROFILE: HealthProfile = {
  name: 'fast',
  probeIntervalMs: 100,
  probeTimeoutMs: 500,
  failureThreshold: 3,
  unreachableAfterMs: 900,
  failoverDelayMs: 0,
  standbyResyncAfterMs: 5_000,
};

/**
 * Imitates CloudNativePG's defaults: readiness probe every 10 s with 3 failures allowed, and a
 * 15 s primary lease that must lapse before a standby takes over after an abrupt loss.
 */
export const CNPG_PROFILE: HealthProfile = {
  name: 'cloudnative-pg',
  probeIntervalMs: 10_000,
  probeTimeoutMs: 5_000,
  failureThreshold: 3,
  unreachableAfterMs: 30_000,
  failoverDelayMs: 15_000,
  standbyResyncAfterMs: 60_000,
};

export function profileByName(name: string | undefined): HealthProfile {
  return name === 'cloudnative-pg' || name === 'cnpg' ? CNPG_PROFILE : FAST_PROFILE;
}
