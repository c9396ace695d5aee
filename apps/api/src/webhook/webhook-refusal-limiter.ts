import { loadThrottlerStorage, RefusalLimiter } from '../common/refusal-limiter';

/**
 * Refused webhooks per client address: more than 20 a minute blocks the address for a minute.
 * Accepted webhooks are never counted, so forgeries cannot starve Star Community's own traffic.
 */
export class WebhookRefusalLimiter extends RefusalLimiter {
  static async create(): Promise<WebhookRefusalLimiter> {
    return new WebhookRefusalLimiter(await loadThrottlerStorage(), {
      name: 'WebhookRefusals',
      perWindow: 20,
      windowMs: 60_000,
      blockMs: 60_000,
    });
  }
}
