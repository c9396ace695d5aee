const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;

/**
 * Delay before retry number `attempt` (1 = the first retry): 1 s doubling up to 60 s, with
 * "equal jitter" (between half and all of it) so that instances and entries do not retry in step.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
