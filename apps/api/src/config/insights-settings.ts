import { ConfigError, type Env, integer, optional } from './env';

export const DEFAULT_CAFE_TIME_ZONE = 'Europe/Amsterdam';

/** CAFE_TIME_ZONE: the IANA zone in which insights count days and hours (DST included). */
export function cafeTimeZone(env: Env): string {
  const raw = optional(env, 'CAFE_TIME_ZONE') ?? DEFAULT_CAFE_TIME_ZONE;
  const zone = canonicalTimeZone(raw);
  if (!zone) {
    throw new ConfigError(
      `CAFE_TIME_ZONE must be an IANA time zone like Europe/Amsterdam (got "${raw}")`,
    );
  }
  return zone;
}

/** ORDER_RETENTION_DAYS: removed orders are kept this long (audit, insights), then pruned. */
export function orderRetentionDays(env: Env): number {
  return integer(env, 'ORDER_RETENTION_DAYS', 30, 1, 3650);
}

/** The runtime's canonical spelling of a time zone it knows (Intl), or undefined. */
function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
