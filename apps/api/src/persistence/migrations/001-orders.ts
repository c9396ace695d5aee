import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreKind } from '../database';

export function ordersMigration(kind: StoreKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('orders')
        .addColumn('id', kind === 'postgres' ? 'bigint' : 'integer', (col) =>
          kind === 'postgres'
            ? col.primaryKey().generatedAlwaysAsIdentity()
            : col.primaryKey().autoIncrement(),
        )
        .addColumn('number', 'integer', (col) => col.notNull())
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .addColumn('removed_at', 'bigint')
        .addColumn('removed_reason', 'text')
        .execute();

      // At most one active row per number: a second arrival refreshes instead of doubling.
      await db.schema
        .createIndex('orders_active_number')
        .on('orders')
        .column('number')
        .unique()
        .where(sql.ref('removed_at'), 'is', null)
        .execute();
      await db.schema
        .createIndex('orders_active_expires_at')
        .on('orders')
        .column('expires_at')
        .where(sql.ref('removed_at'), 'is', null)
        .execute();
      await db.schema.createIndex('orders_removed_at').on('orders').column('removed_at').execute();

      await db.schema
        .createTable('feed_state')
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('version', 'bigint', (col) => col.notNull())
        .execute();
      await sql`insert into feed_state (id, version) values (1, 0)`.execute(db);
    },
  };
}
