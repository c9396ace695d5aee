import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders';
import { SignedWebhookReader } from './signed-webhook-reader';
import { WebhookController } from './webhook.controller';
import { WebhookKeyService } from './webhook-key.service';
import { WebhookKeyHealth } from './webhook-key.health';
import { WebhookRefusalLimiter } from './webhook-refusal-limiter';

@Module({
  imports: [OrdersModule],
  controllers: [WebhookController],
  providers: [WebhookKeyService, WebhookRefusalLimiter, SignedWebhookReader, WebhookKeyHealth],
  exports: [WebhookKeyService, SignedWebhookReader],
})
export class WebhookModule {}
