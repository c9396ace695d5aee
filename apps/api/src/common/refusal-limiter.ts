import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorageService } from '@nestjs/throttler';

export interface RefusalPolicy {
  /** Names the counter (keys and log lines). */
  name: string;
  /** Refusals allowed per address within {@link windowMs} before it is blocked. */
  perWindow: number;
  windowMs: number;
  blockMs: number;
}

/**
 * @nestjs/throttler is CommonJS that require()s the ESM @nestjs/core; loading it lazily, once
 * the application graph is evaluated, keeps the native-ESM test runner from seeing a cycle.
 */
export async function loadThrottlerStorage(): Promise<ThrottlerStorageService> {
  const { ThrottlerStorageService } = await import('@nestjs/throttler');
  return new ThrottlerStorageService();
}

/**
 * Counts refused requests per client address in @nestjs/throttler's storage; an address that
 * keeps being refused is blocked for {@link RefusalPolicy.blockMs}. Only refusals are counted,
 * so the legitimate client's accepted requests never use up anyone's allowance.
 */
export class RefusalLimiter implements OnApplicationShutdown {
  private readonly logger: Logger;

  constructor(
    private readonly storage: ThrottlerStorageService,
    private readonly policy: RefusalPolicy,
  ) {
    this.logger = new Logger(policy.name);
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }

  isBlocked(address: string): boolean {
    const record = this.storage.storage.get(this.key(address));
    return record !== undefined && record.isBlocked && record.blockExpiresAt > Date.now();
  }

  /** Seconds until the block on `address` ends (0 when not blocked). */
  retryAfterSeconds(address: string): number {
    const record = this.storage.storage.get(this.key(address));
    if (!record?.isBlocked) return 0;
    return Math.max(0, Math.ceil((record.blockExpiresAt - Date.now()) / 1000));
  }

  async recordRefusal(address: string): Promise<void> {
    const { name, perWindow, windowMs, blockMs } = this.policy;
    const wasBlocked = this.isBlocked(address);
    const { isBlocked } = await this.storage.increment(
      this.key(address),
      windowMs,
      perWindow,
      blockMs,
      name,
    );
    if (isBlocked && !wasBlocked) {
      this.logger.warn(
        `Refusals from ${address} exceed ${perWindow} in ${windowMs / 1000} s; ` +
          `blocked for ${blockMs / 1000} s`,
      );
    }
  }

  private key(address: string): string {
    return `${this.policy.name}:${address}`;
  }
}
