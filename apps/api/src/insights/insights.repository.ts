import { Injectable } from '@nestjs/common';
import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { OrderSource, RemovedReason } from '@hubble/contracts';
import type { Tables } from '../persistence';
import { Store } from '../persistence';
import type { OffsetSegment } from './cafe-time';

export interface SourceCountsRow {
  source: OrderSource;
  called: number;
  collected: number;
  missed: number;
  active: number;
  refreshes: number;
  refreshedOrders: number;
}

/** Orders called in one café hour: `day` counts café days since 1970-01-01, `hour` is 0–23. */
export interface HourBucketRow {
  day: number;
  hour: number;
  called: number;
}

export interface CsvOrderRow {
  number: number;
  source: OrderSource;
  created_at: number;
  removed_at: number | null;
  removed_reason: RemovedReason | null;
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Read-only SQL over the orders table for the insights, one code for SQLite and PostgreSQL.
 * Every query filters on created_at (the `orders_called` index) and aggregates in the database.
 */
@Injectable()
export class InsightsRepository {
  constructor(private readonly store: Store) {}

  private get db(): Kysely<Tables> {
    return this.store.db;
  }

  /** Counts per source of the orders called in [from, to). */
  async countsBySource(from: number, to: number): Promise<SourceCountsRow[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select((eb) => [
        'source',
        eb.fn.countAll<number>().as('called'),
        eb.fn.count<number>(whenThenOne(sql`removed_reason = 'staff'`)).as('collected'),
        eb.fn.count<number>(whenThenOne(sql`removed_reason = 'expired'`)).as('missed'),
        eb.fn.count<number>(whenThenOne(sql`removed_at is null`)).as('active'),
        eb.fn.coalesce(eb.fn.sum<number>('refresh_count'), sql.lit(0)).as('refreshes'),
        eb.fn.count<number>(whenThenOne(sql`refresh_count > 0`)).as('refreshedOrders'),
      ])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy('source')
      .execute();
    return rows.map((row) => ({
      source: row.source,
      called: Number(row.called),
      collected: Number(row.collected),
      missed: Number(row.missed),
      active: Number(row.active),
      refreshes: Number(row.refreshes),
      refreshedOrders: Number(row.refreshedOrders),
    }));
  }

  /**
   * The collection times (ms from call to removal by staff) at 0-based ranks `rank` and
   * `rank + 1` among the orders called in [from, to), shortest first. ORDER BY … LIMIT/OFFSET
   * behaves the same on both stores (no percentile functions on SQLite).
   */
  async collectionTimesAt(from: number, to: number, rank: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select(sql<number>`removed_at - created_at`.as('wait'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('removed_reason', '=', 'staff')
      .orderBy(sql`removed_at - created_at`)
      .limit(2)
      .offset(rank)
      .execute();
    return rows.map((row) => Number(row.wait));
  }

  /**
   * Orders called in [from, to) per café day and hour. The café's clock is created_at plus the
   * UTC offset in force, chosen by a CASE over the offset segments, so DST changes inside the
   * range are exact on both stores (SQLite knows no time zones).
   */
  async perCafeHour(segments: readonly OffsetSegment[]): Promise<HourBucketRow[]> {
    const from = segments[0].start;
    const to = segments[segments.length - 1].end;
    const local = this.db
      .selectFrom('orders')
      .select(sql<number>`created_at + ${offsetCase(segments)}`.as('local_ms'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .as('called');
    const day = sql<number>`local_ms / ${int(DAY_MS)}`;
    const hour = sql<number>`(local_ms / ${int(HOUR_MS)}) % 24`;
    const rows = await this.db
      .selectFrom(local)
      .select((eb) => [day.as('day'), hour.as('hour'), eb.fn.countAll<number>().as('called')])
      .groupBy([day, hour])
      .execute();
    return rows.map((row) => ({
      day: Number(row.day),
      hour: Number(row.hour),
      called: Number(row.called),
    }));
  }

  /** The orders called in [from, to), in call order, for the CSV export. */
  ordersCalled(from: number, to: number): Promise<CsvOrderRow[]> {
    return this.db
      .selectFrom('orders')
      .select(['number', 'source', 'created_at', 'removed_at', 'removed_reason'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }
}

function whenThenOne(condition: Expression<unknown>): RawBuilder<number | null> {
  return sql<number | null>`case when ${condition} then 1 end`;
}

/** The UTC offset (ms) in force at created_at: one CASE branch per DST segment. */
function offsetCase(segments: readonly OffsetSegment[]): RawBuilder<number> {
  if (segments.length === 1) return int(segments[0].offsetMs);
  const branches = segments
    .slice(0, -1)
    .map((segment) => sql`when created_at < ${int(segment.end)} then ${int(segment.offsetMs)}`);
  const last = segments[segments.length - 1].offsetMs;
  return sql<number>`(case ${sql.join(branches, sql` `)} else ${int(last)} end)`;
}

/**
 * A whole number written into the SQL text: both stores then do integer arithmetic on it (a bound
 * parameter would be a REAL on SQLite and of unknown type inside a PostgreSQL CASE), and
 * PostgreSQL sees the same expression in SELECT and GROUP BY.
 */
function int(value: number): RawBuilder<number> {
  if (!Number.isSafeInteger(value)) throw new Error(`Not a whole number: ${value}`);
  return sql.lit(value);
}
