import {
  Controller,
  Get,
  Headers,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { tokensMatch } from '../common';
import { AppConfig } from '../config';
import { Metrics } from './metrics.service';

/** Prometheus scrape endpoint, only with `Authorization: Bearer <METRICS_TOKEN>`. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const token = this.config.metricsToken;
    if (!token) throw new NotFoundException('Metrics are off: set METRICS_TOKEN to enable them');
    if (!bearerMatches(authorization, token)) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('Send Authorization: Bearer <METRICS_TOKEN>');
    }
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  return tokensMatch(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '', token);
}
