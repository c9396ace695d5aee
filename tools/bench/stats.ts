export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/**
 * A clock comparable across processes on one machine, in ms with sub-ms precision: Linux's
 * CLOCK_MONOTONIC, which every process reads alike. (`performance.timeOrigin + performance.now()`
 * is not: each process pairs a wall-clock and a monotonic reading at its start, and on a busy
 * machine the two readings lie apart by a millisecond or more, a different amount per process.
 * Receipts timed by the generators, and Aurora's by its own process, were off by that much.)
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
