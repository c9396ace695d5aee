import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { BoardGateway } from './board.gateway';

@Module({
  imports: [OrdersModule],
  providers: [BoardGateway],
})
export class RealtimeModule {}
