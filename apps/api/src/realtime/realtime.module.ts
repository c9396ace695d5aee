import { Module } from '@nestjs/common';
import { AdminModule } from '../admin';
import { AppConfig } from '../config';
import { OrdersModule } from '../orders';
import { ScreenStateModule } from '../screen-state';
import { AdminGateway } from './admin.gateway';
import { BoardGateway } from './board.gateway';
import { RedisFanout } from './redis-fanout';

@Module({
  imports: [OrdersModule, AdminModule, ScreenStateModule],
  providers: [
    BoardGateway,
    AdminGateway,
    {
      provide: RedisFanout,
      inject: [AppConfig],
      useFactory: ({ redisUrl, redisChannelPrefix }: AppConfig) =>
        redisUrl ? RedisFanout.connect(redisUrl, redisChannelPrefix) : RedisFanout.off(),
    },
  ],
  exports: [RedisFanout],
})
export class RealtimeModule {}
