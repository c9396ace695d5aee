import { Injectable } from '@nestjs/common';
import { HealthIndicator, type IndicatorState, type ModuleHealth } from '../health';
import { WebhookKeyService } from './webhook-key.service';

/** Without a Star Community public key every webhook gets 503: the instance is not ready. */
@Injectable()
@HealthIndicator({ name: 'webhookKey' })
export class WebhookKeyHealth implements ModuleHealth {
  constructor(private readonly key: WebhookKeyService) {}

  readiness(): IndicatorState {
    return this.key.current()
      ? { status: 'up' }
      : { status: 'down', details: { message: 'no Star Community public key held' } };
  }

  summary(): 'held' | 'missing' {
    return this.key.current() ? 'held' : 'missing';
  }
}
