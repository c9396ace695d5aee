import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreKind } from '../database';

export function auroraOutboxMigration(kind: StoreKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('aurora_outbox')
        .addColumn('id', kind === 'postgres' ? 'bigint' : 'integer', (col) =>
          kind === 'postgres'
            ? col.primaryKey().generatedAlwaysAsIdentity()
            : col.primaryKey().autoIncrement(),
        )
        .addColumn('order_id', 'bigint', (col) => col.notNull())
        .addColumn('number', 'integer', (col) => col.notNull())
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('cause', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('due_at', 'bigint', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('claimed_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('updated_at', 'bigint', (col) => col.notNull())
        .execute();

      // The worker's scan: undone entries by due time, and the per-number order check.
      await db.schema
        .createIndex('aurora_outbox_undone')
        .on('aurora_outbox')
        .columns(['due_at', 'id'])
        .where(sql.ref('state'), 'in', sql`('pending', 'retrying')`)
        .execute();
      await db.schema
        .createIndex('aurora_outbox_number')
        .on('aurora_outbox')
        .columns(['number', 'id'])
        .execute();
      await db.schema
        .createIndex('aurora_outbox_order')
        .on('aurora_outbox')
        .columns(['order_id', 'id'])
        .execute();
      await db.schema
        .createIndex('aurora_outbox_updated_at')
        .on('aurora_outbox')
        .column('updated_at')
        .execute();

      await db.schema
        .createTable('aurora_sync')
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('reassert_due_at', 'bigint', (col) => col.notNull())
        .execute();
      await sql`insert into aurora_sync (id, reassert_due_at) values (1, 0)`.execute(db);
    },
  };
}
