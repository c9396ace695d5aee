import { type Env, integer } from './env';

/** How the Aurora delivery worker paces itself (used only while Aurora sync is on). */
export interface AuroraDeliverySettings {
  /**
   * Safety-net scan for due calls (other instances' entries, retries). A change made here wakes
   * the worker at once, so this never delays the common path.
   */
  readonly pollMs: number;
  /** While calls back off, how often Aurora is asked whether it answers again. */
  readonly probeMs: number;
  /** How often a refused add (401, 403, 409) of a live order is tried again. */
  readonly refusedRetrySeconds: number;
  /** How long readiness and the desk reuse a probe's answer (readiness may be polled often). */
  readonly probeCacheMs: number;
}

export function auroraDeliverySettings(env: Env): AuroraDeliverySettings {
  return {
    pollMs: integer(env, 'AURORA_POLL_MS', 1000, 50, 600_000),
    probeMs: integer(env, 'AURORA_PROBE_MS', 1000, 100, 60_000),
    refusedRetrySeconds: integer(env, 'AURORA_REFUSED_RETRY_SECONDS', 180, 1, 86400),
    probeCacheMs: integer(env, 'AURORA_PROBE_CACHE_MS', 10_000, 100, 600_000),
  };
}
