import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders';
import { SignedWebhookReader } from './signed-webhook-reader';
import { WebhookKeyService } from './webhook-key.service';
import { WebhookKeyHealth } from './webhook-key.health';
import { WebhookLane } from './webhook-lane';
import { WebhookRefusalLimiter } from './webhook-refusal-limiter';

/** The order webhook has no controller: createApp mounts {@link WebhookLane} ahead of the rest. */
@Module({
  imports: [OrdersModule],
  providers: [
    WebhookKeyService,
    WebhookRefusalLimiter,
    SignedWebhookReader,
    WebhookKeyHealth,
    WebhookLane,
  ],
  exports: [WebhookKeyService, SignedWebhookReader, WebhookLane],
})
export class WebhookModule {}
