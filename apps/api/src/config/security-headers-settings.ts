import { ConfigError, type Env, optional } from './env';

/**
 * FRAME_ANCESTORS: who may frame the board (a signage system that embeds it), as CSP
 * `frame-ancestors` sources separated by spaces: `'none'` (default), `'self'`, or origins such as
 * `https://signage.example.org`. The back-office is never framed.
 */
export function frameAncestors(env: Env): readonly string[] {
  const raw = optional(env, 'FRAME_ANCESTORS');
  if (raw === undefined) return ["'none'"];
  const sources = raw.split(/\s+/);
  for (const source of sources) {
    const keyword = source === "'none'" || source === "'self'";
    const origin = /^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$/.test(source);
    if (!keyword && !origin) {
      throw new ConfigError(
        `FRAME_ANCESTORS must be 'none', 'self' or origins like https://signage.example.org, separated by spaces (got "${source}")`,
      );
    }
  }
  if (sources.includes("'none'") && sources.length > 1) {
    throw new ConfigError(`FRAME_ANCESTORS: 'none' cannot be combined with other sources`);
  }
  return sources;
}
