import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { OrdersModule } from '../orders/orders.module';
import { AdminGateway } from './admin.gateway';
import { BoardGateway } from './board.gateway';

@Module({
  imports: [OrdersModule, AdminModule],
  providers: [BoardGateway, AdminGateway],
})
export class RealtimeModule {}
