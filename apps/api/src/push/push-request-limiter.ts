import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config';

const WINDOW_MS = 60_000;

/**
 * Counts subscription requests per client address in fixed one-minute windows; the whole map is
 * dropped when a window ends, so it never holds more than one minute of addresses.
 */
@Injectable()
export class PushRequestLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(private readonly config: AppConfig) {}

  /** Counts one request; false when the address has used up this minute's allowance. */
  allow(address: string, now = Date.now()): boolean {
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, count);
    return count <= this.config.push.requestsPerMinute;
  }

  retryAfterSeconds(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
  }
}
