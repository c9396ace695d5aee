import type { Generated } from 'kysely';
import type { OrderSource, RemovedReason } from '@hubble/contracts';

/** Times are epoch milliseconds in both stores (SQLite INTEGER, PostgreSQL BIGINT). */
export interface OrdersTable {
  id: Generated<number>;
  number: number;
  source: OrderSource;
  created_at: number;
  expires_at: number;
  removed_at: number | null;
  removed_reason: RemovedReason | null;
}

/**
 * One row (id = 1). `version` counts every change to the set of active orders; it is bumped in
 * the same transaction as the change, which also serialises writers on both stores.
 */
export interface FeedStateTable {
  id: number;
  version: number;
}

export interface Tables {
  orders: OrdersTable;
  feed_state: FeedStateTable;
}

export type StoreKind = 'sqlite' | 'postgres';
