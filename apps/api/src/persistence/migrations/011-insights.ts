import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * `refresh_count`: how often an active order was called again (the same number arriving while
 * it is on the board). `orders_called`: the insights' range scans by created_at; the other
 * columns make it covering, so SQLite answers the aggregates from the index alone.
 */
export function insightsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('orders')
        .addColumn('refresh_count', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('orders_called')
        .on('orders')
        .columns(['created_at', 'source', 'removed_reason', 'removed_at', 'refresh_count'])
        .execute();
    },
  };
}
