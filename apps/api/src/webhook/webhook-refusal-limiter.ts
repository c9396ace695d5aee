import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorageService } from '@nestjs/throttler';

const THROTTLER_NAME = 'webhook-refusals';
const WINDOW_MS = 60_000;
const REFUSALS_PER_WINDOW = 20;
const BLOCK_MS = 60_000;

/**
 * Counts refused webhooks per client address; an address that keeps sending forged or broken
 * requests is blocked for a minute. Accepted webhooks are never counted, so Star Community's own
 * traffic cannot be starved by someone else's forgeries.
 */
export class WebhookRefusalLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookRefusalLimiter.name);

  private constructor(private readonly storage: ThrottlerStorageService) {}

  /**
   * @nestjs/throttler is CommonJS that require()s the ESM @nestjs/core; loading it lazily, once
   * the application graph is evaluated, keeps the native-ESM test runner from seeing a cycle.
   */
  static async create(): Promise<WebhookRefusalLimiter> {
    const { ThrottlerStorageService } = await import('@nestjs/throttler');
    return new WebhookRefusalLimiter(new ThrottlerStorageService());
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }

  isBlocked(address: string): boolean {
    const record = this.storage.storage.get(key(address));
    return record !== undefined && record.isBlocked && record.blockExpiresAt > Date.now();
  }

  async recordRefusal(address: string): Promise<void> {
    const wasBlocked = this.isBlocked(address);
    const { isBlocked } = await this.storage.increment(
      key(address),
      WINDOW_MS,
      REFUSALS_PER_WINDOW,
      BLOCK_MS,
      THROTTLER_NAME,
    );
    if (isBlocked && !wasBlocked) {
      this.logger.warn(
        `Webhook refusals from ${address} exceed ${REFUSALS_PER_WINDOW} a minute; ` +
          `blocked for ${BLOCK_MS / 1000} s`,
      );
    }
  }
}

function key(address: string): string {
  return `${THROTTLER_NAME}:${address}`;
}
