// Everything this module takes from the order webhook module, in one place: when that module
// exposes a reusable verifier, re-point this file at it and nothing else changes.
import { Injectable } from '@nestjs/common';
import { checkSignature, type SignatureCheck } from '../webhook/signature';
import { WebhookKeyService } from '../webhook/webhook-key.service';
import { WebhookRefusalLimiter } from '../webhook/webhook-refusal-limiter';
import { WebhookModule } from '../webhook/webhook.module';

/** Provides the Star Community public key ({@link WebhookKeyService}). */
export { WebhookModule as StarCommunityKeysModule };

/** The same refusal limit as the order webhook (20 refusals a minute block an address). */
export { WebhookRefusalLimiter as ScreenStateWebhookRefusals };

export type StarCommunityCheck = SignatureCheck | 'no-key';

/**
 * Checks `X-Signature` exactly as the order webhook does: base64 RSA-SHA256 over the raw body,
 * with one retry on a freshly fetched key when it does not verify (key rotation).
 */
@Injectable()
export class StarCommunitySignature {
  constructor(private readonly keys: WebhookKeyService) {}

  async check(body: Buffer, header: string | string[] | undefined): Promise<StarCommunityCheck> {
    let key = this.keys.current() ?? (await this.keys.refetchAfterFailure());
    if (!key) return 'no-key';
    let check = checkSignature(body, header, key);
    if (check === 'invalid') {
      key = await this.keys.refetchAfterFailure();
      if (key) check = checkSignature(body, header, key);
    }
    return check;
  }
}
