import { loadThrottlerStorage, RefusalLimiter } from '../common/refusal-limiter';

/**
 * Wrong staff tokens per client address: more than 10 within a minute block the address for a
 * minute, right token or not. A burst of guesses gains nothing, and staff sharing the address
 * are locked out for one minute at most.
 */
export class LoginRefusalLimiter extends RefusalLimiter {
  static async create(): Promise<LoginRefusalLimiter> {
    return new LoginRefusalLimiter(await loadThrottlerStorage(), {
      name: 'LoginRefusals',
      perWindow: 10,
      windowMs: 60_000,
      blockMs: 60_000,
    });
  }
}
