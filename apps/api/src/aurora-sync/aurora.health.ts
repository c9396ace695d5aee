import { Injectable } from '@nestjs/common';
import { HealthIndicator, type IndicatorState, type ModuleHealth } from '../health';
import { AuroraDeliveriesService, type AuroraSyncStatus } from './aurora-deliveries.service';

/**
 * Aurora out of reach, or answering but refusing our calls (a wrong key, a missing grant, the
 * feature off), degrades the instance; its boards and desk still work. A 401, 403 or 409 is
 * never counted as up.
 */
@Injectable()
@HealthIndicator({ name: 'aurora' })
export class AuroraHealth implements ModuleHealth {
  constructor(private readonly aurora: AuroraDeliveriesService) {}

  async readiness(): Promise<IndicatorState> {
    if (!this.aurora.syncOn) return { status: 'up', details: { sync: 'off' } };
    const problem = await this.aurora.problem();
    if (!problem) return { status: 'up', details: { sync: 'on' } };
    if (problem.kind === 'unreachable') {
      return { status: 'degraded', details: { sync: 'on', unreachable: problem.detail } };
    }
    return {
      status: 'degraded',
      details: { sync: 'on', refused: problem.detail, problem: problem.kind },
    };
  }

  /** Sync on or off and the outbox depth (which needs the store). */
  async summary({ storeUp }: { storeUp: boolean }): Promise<AuroraSyncStatus | { sync: string }> {
    return storeUp ? this.aurora.status() : { sync: this.aurora.syncOn ? 'on' : 'off' };
  }
}
