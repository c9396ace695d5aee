import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { ExpiryService } from './expiry.service';

@Module({
  imports: [OrdersModule],
  providers: [ExpiryService],
})
export class ExpiryModule {}
