import { Injectable, Logger } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config';

const WINDOW_SECONDS = 60;
const BLOCK_SECONDS = 60;

/**
 * Counts refused webhooks per client address. An address over the limit gets 429 instead of the
 * refusal for a minute: a hint to back off and one log line instead of one per forgery. It only
 * ever changes the answer to a request that is refused anyway: a webhook whose signature
 * verifies is never counted and never limited, whatever address it claims to come from.
 */
@Injectable()
export class WebhookRefusalLimiter {
  private readonly logger = new Logger(WebhookRefusalLimiter.name);
  private readonly limiter: RateLimiterMemory;

  constructor(config: AppConfig) {
    this.limiter = new RateLimiterMemory({
      keyPrefix: 'webhook-refusals',
      points: config.webhook.refusalsPerMinute,
      duration: WINDOW_SECONDS,
      blockDuration: BLOCK_SECONDS,
    });
  }

  /** Counts a refusal; returns whether `address` is over the limit (now or already). */
  async overLimitAfterRefusal(address: string): Promise<boolean> {
    try {
      await this.limiter.consume(address);
      return false;
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      if (result.consumedPoints === this.limiter.points + 1) {
        this.logger.warn(
          `Refused webhooks from ${address} exceed ${this.limiter.points} in ${WINDOW_SECONDS} s; ` +
            `its refusals are answered 429 for ${BLOCK_SECONDS} s`,
        );
      }
      return true;
    }
  }
}
