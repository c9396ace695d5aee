import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  INSIGHTS_PERIOD_IDS,
  INSIGHTS_ROUTES,
  type InsightsDto,
  type InsightsPeriodId,
  type InsightsPeriodsDto,
} from '@hubble/contracts';
import { LanguageSwitch } from '@hubble/ui';
import { AdminApi } from '../api/admin-api';
import { I18n } from '../i18n/i18n';
import { SCREEN_HREF } from '../navigation/screen';
import { BarChart } from './bar-chart';
import { formatCount, formatDayRange, formatShare, formatWait, hourRange } from './insights-format';
import { INSIGHTS_MESSAGES } from './insights-messages';

interface Loaded {
  periods: InsightsPeriodsDto;
  data: InsightsDto;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * The café's figures for today, the last 7 or the last 30 days: how many orders were called,
 * collected or missed, how long collection took, calls again, sources, and when it is busy.
 */
@Component({
  selector: 'app-insights',
  imports: [BarChart, LanguageSwitch],
  templateUrl: './insights.html',
  styleUrl: './insights.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Insights {
  private readonly api = inject(AdminApi);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly m = computed(() => INSIGHTS_MESSAGES[this.i18n.lang()]);
  protected readonly deskHref = SCREEN_HREF.desk;

  protected readonly selected = signal<InsightsPeriodId>('today');
  /** The figures shown; kept while the next period loads, so nothing jumps. */
  protected readonly ready = signal<Loaded | null>(null);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  protected readonly csvDate = signal<string | null>(null);
  private requests = 0;

  /** The periods the API offers (a retention under 30 days leaves the longer ones out). */
  protected readonly periodIds = computed<readonly InsightsPeriodId[]>(
    () => this.ready()?.periods.periods.map((period) => period.id) ?? INSIGHTS_PERIOD_IDS,
  );

  protected readonly coverage = computed(() => {
    const ready = this.ready();
    const period = ready?.periods.periods.find((p) => p.id === this.selected());
    if (!ready || !period) return '';
    const range = formatDayRange(period.firstDay, period.lastDay, this.i18n.lang());
    return this.m().covers(range, ready.periods.timeZone);
  });

  protected readonly figures = computed(() => {
    const ready = this.ready();
    if (!ready) return null;
    const { totals, collection, bySource } = ready.data;
    const lang = this.i18n.lang();
    return {
      called: formatCount(totals.called, lang),
      collected: formatCount(totals.collected, lang),
      missed: formatCount(totals.missed, lang),
      missedShare: totals.missedShare === null ? null : formatShare(totals.missedShare, lang),
      active: totals.active,
      median: collection.medianSeconds === null ? null : formatWait(collection.medianSeconds),
      p90: collection.p90Seconds === null ? null : formatWait(collection.p90Seconds),
      refreshes: formatCount(totals.refreshes, lang),
      refreshedOrders: totals.refreshedOrders,
      till: formatCount(bySource['star-community'].called, lang),
      desk: formatCount(bySource['back-office'].called, lang),
    };
  });

  protected readonly hourChart = computed(() => {
    const ready = this.ready();
    if (!ready) return null;
    const values = ready.data.perHour;
    const m = this.m();
    const busiest = values.indexOf(Math.max(...values));
    return {
      values,
      axisLabels: HOURS.map((hour) => (hour % 3 === 0 ? String(hour) : '')),
      tableLabels: HOURS.map(hourRange),
      summary:
        ready.data.totals.called === 0
          ? `${m.perHourTitle}. ${m.noOrders}`
          : `${m.perHourTitle}. ${m.perHourSummary(hourRange(busiest), values[busiest])}`,
    };
  });

  protected readonly weekdayChart = computed(() => {
    const ready = this.ready();
    if (!ready) return null;
    const values = ready.data.perWeekday;
    const m = this.m();
    const busiest = values.indexOf(Math.max(...values));
    return {
      values,
      axisLabels: m.weekdaysShort,
      tableLabels: m.weekdays,
      summary:
        ready.data.totals.called === 0
          ? `${m.perWeekdayTitle}. ${m.noOrders}`
          : `${m.perWeekdayTitle}. ${m.perWeekdaySummary(m.weekdays[busiest], values[busiest])}`,
    };
  });

  /** The CSV day picker: from the oldest day still kept up to today. */
  protected readonly csvBounds = computed(() => {
    const ready = this.ready();
    if (!ready) return null;
    const { today, retentionDays } = ready.periods;
    const oldest = new Date(Date.parse(`${today}T00:00:00Z`) - (retentionDays - 1) * 86400_000)
      .toISOString()
      .slice(0, 10);
    return { min: oldest, max: today };
  });

  protected readonly csvHref = computed(() => {
    const date = this.csvDate() ?? this.ready()?.periods.today;
    return date ? `${INSIGHTS_ROUTES.ordersCsv}?date=${date}` : null;
  });

  constructor() {
    void this.fetch();
  }

  protected choose(id: InsightsPeriodId): void {
    if (this.selected() === id && this.ready() && !this.failed()) return;
    this.selected.set(id);
    void this.fetch();
  }

  protected retry(): void {
    void this.fetch();
  }

  protected pickCsvDate(value: string): void {
    this.csvDate.set(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
  }

  /** Periods first (they follow the café's date), then the figures of the chosen one. */
  private async fetch(): Promise<void> {
    const request = ++this.requests;
    this.busy.set(true);
    this.failed.set(false);
    try {
      const periods = await this.api.insightsPeriods();
      const period = periods.periods.find((p) => p.id === this.selected()) ?? periods.periods[0];
      const data = await this.api.insights(period.from, period.to);
      if (request === this.requests) this.ready.set({ periods, data });
    } catch {
      if (request === this.requests) this.failed.set(true);
    } finally {
      if (request === this.requests) this.busy.set(false);
    }
  }
}
