import { Injectable } from '@nestjs/common';
import {
  type InsightsCountsDto,
  type InsightsDto,
  type InsightsPeriodDto,
  type InsightsPeriodId,
  type InsightsPeriodsDto,
  ORDER_SOURCES,
  type OrderSource,
} from '@hubble/contracts';
import { AppConfig } from '../config';
import { addDays, CafeClock } from './cafe-time';
import type { InstantRange } from './insights-range';
import { InsightsRepository, type SourceCountsRow } from './insights.repository';
import { ordersCsv } from './orders-csv';

const DAY_MS = 24 * 3600_000;
/** More café days than any range may hold (ORDER_RETENTION_DAYS ≤ 3650): a guard, not a limit. */
const MAX_DAYS = 4000;
const PERIOD_DAYS: Record<InsightsPeriodId, number> = { today: 1, last7: 7, last30: 30 };

/** The insights: aggregates of the stored orders over a range, in the café's time zone. */
@Injectable()
export class InsightsService {
  private readonly clock: CafeClock;

  constructor(
    private readonly repository: InsightsRepository,
    private readonly config: AppConfig,
  ) {
    this.clock = new CafeClock(config.cafeTimeZone);
  }

  /** Today, the last 7 and the last 30 café days (today included), as whole days. */
  periods(now = Date.now()): InsightsPeriodsDto {
    const today = this.clock.dateAt(now);
    const tomorrowStart = this.clock.dayStart(addDays(today, 1));
    const periods: InsightsPeriodDto[] = Object.entries(PERIOD_DAYS)
      .filter(([, days]) => days <= this.config.orderRetentionDays)
      .map(([id, days]) => {
        const firstDay = addDays(today, 1 - days);
        return {
          id: id as InsightsPeriodId,
          from: new Date(this.clock.dayStart(firstDay)).toISOString(),
          to: new Date(tomorrowStart).toISOString(),
          firstDay,
          lastDay: today,
        };
      });
    return {
      timeZone: this.clock.timeZone,
      today,
      retentionDays: this.config.orderRetentionDays,
      periods,
    };
  }

  async insights({ from, to }: InstantRange): Promise<InsightsDto> {
    const segments = this.clock.offsetSegments(from, to);
    const [sourceRows, buckets] = await Promise.all([
      this.repository.countsBySource(from, to),
      this.repository.perCafeHour(segments),
    ]);
    const bySource = Object.fromEntries(
      ORDER_SOURCES.map((source) => [source, countsOf(sourceRows, source)]),
    ) as InsightsDto['bySource'];
    const totals = sumCounts(Object.values(bySource));
    const finished = totals.collected + totals.missed;

    const [medianMs, p90Ms] = await Promise.all([
      this.collectionPercentile(from, to, totals.collected, 0.5),
      this.collectionPercentile(from, to, totals.collected, 0.9),
    ]);

    const perHour = new Array<number>(24).fill(0);
    const perWeekday = new Array<number>(7).fill(0);
    const perDate = new Map<string, number>();
    for (const { day, hour, called } of buckets) {
      perHour[hour] += called;
      perWeekday[(day + 3) % 7] += called; // 1970-01-01 was a Thursday; index 0 is Monday
      const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      perDate.set(date, (perDate.get(date) ?? 0) + called);
    }
    const perDay: InsightsDto['perDay'] = [];
    const lastDay = this.clock.dateAt(to - 1);
    const first = this.clock.dateAt(from);
    for (let date = first; date <= lastDay && perDay.length <= MAX_DAYS; date = addDays(date, 1)) {
      perDay.push({ date, called: perDate.get(date) ?? 0 });
    }

    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      timeZone: this.clock.timeZone,
      retentionDays: this.config.orderRetentionDays,
      totals: { ...totals, missedShare: finished === 0 ? null : totals.missed / finished },
      collection: {
        medianSeconds: medianMs === null ? null : medianMs / 1000,
        p90Seconds: p90Ms === null ? null : p90Ms / 1000,
      },
      bySource,
      perHour,
      perWeekday,
      perDay,
    };
  }

  /** The orders called on café day `date` as CSV, and the day's bounds. */
  async dayCsv(date: string): Promise<string> {
    const rows = await this.repository.ordersCalled(
      this.clock.dayStart(date),
      this.clock.dayStart(addDays(date, 1)),
    );
    return ordersCsv(rows, this.clock);
  }

  /**
   * The p-th percentile of the collection times, linearly interpolated between the two nearest
   * ranks (as PostgreSQL's percentile_cont), in whole ms; null when nothing was collected.
   */
  private async collectionPercentile(
    from: number,
    to: number,
    collected: number,
    p: number,
  ): Promise<number | null> {
    if (collected === 0) return null;
    const position = p * (collected - 1);
    const rank = Math.floor(position);
    const [low, high = low] = await this.repository.collectionTimesAt(from, to, rank);
    if (low === undefined) return null;
    return Math.round(low + (high - low) * (position - rank));
  }
}

function countsOf(rows: readonly SourceCountsRow[], source: OrderSource): InsightsCountsDto {
  const row = rows.find((candidate) => candidate.source === source);
  return {
    called: row?.called ?? 0,
    collected: row?.collected ?? 0,
    missed: row?.missed ?? 0,
    active: row?.active ?? 0,
    refreshes: row?.refreshes ?? 0,
    refreshedOrders: row?.refreshedOrders ?? 0,
  };
}

function sumCounts(all: readonly InsightsCountsDto[]): InsightsCountsDto {
  const sum = (key: keyof InsightsCountsDto) => all.reduce((total, c) => total + c[key], 0);
  return {
    called: sum('called'),
    collected: sum('collected'),
    missed: sum('missed'),
    active: sum('active'),
    refreshes: sum('refreshes'),
    refreshedOrders: sum('refreshedOrders'),
  };
}
