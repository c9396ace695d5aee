import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { WebhookController } from './webhook.controller';
import { WebhookKeyService } from './webhook-key.service';
import { WebhookRefusalLimiter } from './webhook-refusal-limiter';

@Module({
  imports: [OrdersModule],
  controllers: [WebhookController],
  providers: [
    WebhookKeyService,
    { provide: WebhookRefusalLimiter, useFactory: () => WebhookRefusalLimiter.create() },
  ],
  exports: [WebhookKeyService],
})
export class WebhookModule {}
