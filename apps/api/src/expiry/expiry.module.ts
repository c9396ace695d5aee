import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders';
import { ExpiryService } from './expiry.service';

@Module({
  imports: [OrdersModule],
  providers: [ExpiryService],
})
export class ExpiryModule {}
