import { type Env, integer } from './env';

/** How the Star Community webhooks treat keys and refusals (see the webhook module). */
export interface WebhookSettings {
  /** How long the previous public key still verifies after a new one arrived. */
  readonly keyGraceSeconds: number;
  /** Time limit of one key fetch; a webhook waiting for a fresh key waits at most about twice this. */
  readonly keyFetchTimeoutMs: number;
  /** Refused webhooks per client address per minute before its refusals are answered with 429. */
  readonly refusalsPerMinute: number;
}

export function webhookSettings(env: Env): WebhookSettings {
  return {
    keyGraceSeconds: integer(env, 'WEBHOOK_KEY_GRACE_SECONDS', 600, 0, 86400),
    keyFetchTimeoutMs: integer(env, 'WEBHOOK_KEY_FETCH_TIMEOUT_MS', 3000, 100, 30000),
    refusalsPerMinute: integer(env, 'WEBHOOK_REFUSALS_PER_MINUTE', 20, 1, 100000),
  };
}
