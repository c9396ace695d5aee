import { Controller, Get, Header, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import type { InsightsDto, InsightsPeriodsDto } from '@hubble/contracts';
import { AdminSessionGuard } from '../admin';
import { SameOriginGuard } from '../admin';
import { AppConfig } from '../config';
import { parseCafeDate, parseInstantRange } from './insights-range';
import { InsightsService } from './insights.service';

/** Staff statistics (session required): aggregates over a range, periods, a day's CSV. */
@Controller('api/admin/insights')
@UseGuards(SameOriginGuard, AdminSessionGuard)
export class InsightsController {
  constructor(
    private readonly insights: InsightsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  range(@Query('from') from: unknown, @Query('to') to: unknown): Promise<InsightsDto> {
    return this.insights.insights(parseInstantRange(from, to, this.config.orderRetentionDays));
  }

  @Get('periods')
  @Header('Cache-Control', 'no-store')
  periods(): InsightsPeriodsDto {
    return this.insights.periods();
  }

  @Get('orders.csv')
  async ordersCsv(
    @Query('date') date: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const day = parseCafeDate(date);
    const csv = await this.insights.dayCsv(day);
    response.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="hubble-orders-${day}.csv"`,
      'Cache-Control': 'no-store',
    });
    return csv;
  }
}
