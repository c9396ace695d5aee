/** Staff statistics over the stored orders (`GET /api/admin/insights`, staff session). */
export const INSIGHTS_ROUTES = {
  /** GET ?from=<ISO>&to=<ISO> → 200 InsightsDto; 400 bad range; 401 no session. */
  insights: '/api/admin/insights',
  /** GET → 200 InsightsPeriodsDto: the café's today / last 7 / last 30 days and the retention. */
  periods: '/api/admin/insights/periods',
  /** GET ?date=YYYY-MM-DD → 200 text/csv of that café day's orders; 400 bad date. */
  ordersCsv: '/api/admin/insights/orders.csv',
} as const;

export const INSIGHTS_PERIOD_IDS = ['today', 'last7', 'last30'] as const;
export type InsightsPeriodId = (typeof INSIGHTS_PERIOD_IDS)[number];

/** A range of whole café days: `from` (inclusive) to `to` (exclusive) as ISO instants. */
export interface InsightsPeriodDto {
  id: InsightsPeriodId;
  from: string;
  to: string;
  /** First and last café day covered, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
}

export interface InsightsPeriodsDto {
  /** IANA name of the café's time zone (CAFE_TIME_ZONE); days and hours are counted in it. */
  timeZone: string;
  /** The café's date today, YYYY-MM-DD. */
  today: string;
  /** Removed orders are kept this many days (ORDER_RETENTION_DAYS), then pruned. */
  retentionDays: number;
  periods: InsightsPeriodDto[];
}

/** Orders counted for one source (or all of them). */
export interface InsightsCountsDto {
  /** Orders called (created) in the range. */
  called: number;
  /** Taken off the board by staff: collected. */
  collected: number;
  /** Timed out: nobody came (missed). */
  missed: number;
  /** Still on the board. */
  active: number;
  /** Calls again: how often numbers already on the board were called once more. */
  refreshes: number;
  /** Orders called again at least once. */
  refreshedOrders: number;
}

export interface InsightsDto {
  from: string;
  to: string;
  timeZone: string;
  retentionDays: number;
  totals: InsightsCountsDto & {
    /** missed / (collected + missed); null when none has finished. */
    missedShare: number | null;
  };
  /** From call to collection (collected orders only), seconds; null when none was collected. */
  collection: { medianSeconds: number | null; p90Seconds: number | null };
  /** Keyed by source: star-community (the till) and back-office (the desk). */
  bySource: { 'star-community': InsightsCountsDto; 'back-office': InsightsCountsDto };
  /** Orders called per hour of the day (index 0–23), café time, summed over the range. */
  perHour: number[];
  /** Orders called per weekday, index 0 = Monday … 6 = Sunday, café time. */
  perWeekday: number[];
  /** Orders called per café day in the range, oldest first (days without orders included). */
  perDay: { date: string; called: number }[];
}

/** The columns of the day's CSV export, in order. */
export const ORDERS_CSV_COLUMNS = ['number', 'source', 'called', 'removed', 'reason'] as const;
