import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { WebhookController } from './webhook.controller';
import { WebhookKeyService } from './webhook-key.service';

@Module({
  imports: [OrdersModule],
  controllers: [WebhookController],
  providers: [WebhookKeyService],
  exports: [WebhookKeyService],
})
export class WebhookModule {}
