import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with the real one in constant time: both are hashed first, so
 * neither the length nor the first differing character shows in the timing.
 */
export function tokensMatch(presented: string, actual: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(actual));
}
