import { Controller, Get, Res } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { ModuleHealthRegistry, type RegisteredIndicator } from './module-health-registry';

/**
 * `GET /health`: `status` and each indicator's summary (`store`, `webhookKey`, `aurora`, …), as
 * the modules word them.
 */
export type HealthReport = { status: 'ok' | 'unavailable' } & Record<string, unknown>;

@Controller('health')
export class HealthController {
  constructor(
    private readonly registry: ModuleHealthRegistry,
    private readonly checks: HealthCheckService,
    private readonly terminus: HealthIndicatorService,
  ) {}

  /** Liveness: the process answers. A failing liveness probe means "restart me". */
  @Get('live')
  @HealthCheck()
  live() {
    return this.checks.check([]);
  }

  /**
   * Readiness: 503 when an indicator is down (store unusable, no webhook key); degraded ones
   * (Aurora or Redis out of reach, Aurora refusing our calls) leave it ready.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.checks.check(
      this.registry.indicators.map((indicator) => async () => this.result(indicator)),
    );
  }

  /** 200 when the essential indicators (the store) are up, 503 otherwise. */
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const indicators = this.registry.indicators;
    const essential = await Promise.all(
      indicators.filter((i) => i.essential).map(async (i) => i.health.readiness()),
    );
    const storeUp = essential.every((state) => state.status === 'up');
    response.status(storeUp ? 200 : 503);
    const report: HealthReport = { status: storeUp ? 'ok' : 'unavailable' };
    for (const { name, health } of indicators) {
      if (health.summary) report[name] = await health.summary({ storeUp });
    }
    return report;
  }

  private async result({ name, health }: RegisteredIndicator) {
    const { status, details } = await health.readiness();
    const session = this.terminus.check(name);
    return status === 'up'
      ? session.up(details)
      : status === 'down'
        ? session.down(details)
        : session.degraded(details);
  }
}
