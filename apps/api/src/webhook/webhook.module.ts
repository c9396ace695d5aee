import { Module } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { OrdersModule } from '../orders/orders.module';
import { WebhookController } from './webhook.controller';
import { WebhookKeyService } from './webhook-key.service';
import { WebhookRefusalLimiter } from './webhook-refusal-limiter';

@Module({
  imports: [OrdersModule],
  controllers: [WebhookController],
  providers: [WebhookKeyService, WebhookRefusalLimiter, ThrottlerStorageService],
  exports: [WebhookKeyService],
})
export class WebhookModule {}
