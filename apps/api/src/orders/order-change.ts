import type { Selectable } from 'kysely';
import type { OrdersTable } from '../persistence';

export type OrderRow = Selectable<OrdersTable>;

export interface OrderChange {
  kind: 'created' | 'refreshed' | 'removed';
  order: OrderRow;
  /** The feed version this change produced; consecutive within one transaction. */
  version: number;
}
