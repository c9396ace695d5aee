import { Injectable } from '@nestjs/common';
import { HealthIndicator, type IndicatorState, type ModuleHealth } from '../health';
import { RedisFanout } from './redis-fanout';

/**
 * Without Redis this instance still takes and shows its orders; only other instances' boards
 * miss them, so it is degraded, not unready.
 */
@Injectable()
@HealthIndicator({ name: 'redis' })
export class RedisHealth implements ModuleHealth {
  constructor(private readonly redis: RedisFanout) {}

  async readiness(): Promise<IndicatorState> {
    if (!this.redis.enabled) return { status: 'up', details: { configured: false } };
    return (await this.redis.ping())
      ? { status: 'up' }
      : {
          status: 'degraded',
          details: { reason: 'Redis does not answer; changes reach only this instance' },
        };
  }
}
