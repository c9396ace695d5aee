import { Module } from '@nestjs/common';
import { AppConfig } from '../config';
import { OrdersModule } from '../orders';
import { ScreenStateModule } from '../screen-state';
import { BoardGateway } from './board.gateway';
import { RedisFanout } from './redis-fanout';
import { RedisHealth } from './redis.health';

@Module({
  imports: [OrdersModule, ScreenStateModule],
  providers: [
    BoardGateway,
    RedisHealth,
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
