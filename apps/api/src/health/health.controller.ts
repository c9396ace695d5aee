import { Controller, Get, Res } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { AuroraDeliveriesService, type AuroraSyncStatus } from '../aurora-sync';
import { Store } from '../persistence';
import { RedisFanout } from '../realtime';
import { WebhookKeyService } from '../webhook';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  /** `reason` says why the store cannot keep orders (deleted, read-only, full, unreachable, …). */
  store: { kind: 'sqlite' | 'postgres'; status: 'up' | 'down'; reason?: string };
  /** Whether a Star Community public key is held; without one, webhooks get 503. */
  webhookKey: 'held' | 'missing';
  /** Whether Aurora sync is on, and its outbox depth (absent when the store is down). */
  aurora: AuroraSyncStatus | { sync: 'on' | 'off' };
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly store: Store,
    private readonly webhookKey: WebhookKeyService,
    private readonly aurora: AuroraDeliveriesService,
    private readonly redis: RedisFanout,
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** Liveness: the process answers. A failing liveness probe means "restart me". */
  @Get('live')
  @HealthCheck()
  live() {
    return this.checks.check([]);
  }

  /**
   * Readiness: 503 when this instance cannot do its job (store unusable, no webhook key); Aurora
   * out of reach or refusing our calls, or Redis out of reach, only degrades it (this instance's
   * boards and desk still work); a 401, 403 or 409 from Aurora is never counted as up.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.checks.check([
      async () => {
        const store = this.indicators.check('store');
        const { usable, reason } = await this.store.condition();
        return usable
          ? store.up({ kind: this.store.kind })
          : store.down({ kind: this.store.kind, reason });
      },
      async () => {
        // Without Redis this instance still takes and shows its orders; only other instances'
        // boards miss them, so it is degraded, not unready.
        const redis = this.indicators.check('redis');
        if (!this.redis.enabled) return redis.up({ configured: false });
        return (await this.redis.ping())
          ? redis.up()
          : redis.degraded({ reason: 'Redis does not answer; changes reach only this instance' });
      },
      () => {
        const key = this.indicators.check('webhookKey');
        return this.webhookKey.current() ? key.up() : key.down('no Star Community public key held');
      },
      async () => {
        const aurora = this.indicators.check('aurora');
        if (!this.aurora.syncOn) return aurora.up({ sync: 'off' });
        const problem = await this.aurora.problem();
        if (!problem) return aurora.up({ sync: 'on' });
        if (problem.kind === 'unreachable') {
          return aurora.degraded({ sync: 'on', unreachable: problem.detail });
        }
        // It answers but refuses our calls (a wrong key, a missing grant, the feature off).
        return aurora.degraded({ sync: 'on', refused: problem.detail, problem: problem.kind });
      },
    ]);
  }

  /** 200 when the store can keep orders, 503 otherwise. */
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const { usable, reason } = await this.store.condition();
    const up = usable && (await this.store.ping());
    response.status(up ? 200 : 503);
    return {
      status: up ? 'ok' : 'unavailable',
      store: {
        kind: this.store.kind,
        status: up ? 'up' : 'down',
        ...(!up && { reason: reason ?? 'the store does not answer' }),
      },
      webhookKey: this.webhookKey.current() ? 'held' : 'missing',
      aurora: up ? await this.aurora.status() : { sync: this.aurora.syncOn ? 'on' : 'off' },
    };
  }
}
