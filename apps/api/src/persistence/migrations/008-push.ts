import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreKind } from '../database';

/** Web Push: the VAPID key pair, followers' subscriptions and the queue of pushes to send. */
export function pushMigration(kind: StoreKind): Migration {
  const id = kind === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('push_vapid')
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('public_key', 'text', (col) => col.notNull())
        .addColumn('private_key', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('push_subscriptions')
        .addColumn('id', id, (col) =>
          kind === 'postgres'
            ? col.primaryKey().generatedAlwaysAsIdentity()
            : col.primaryKey().autoIncrement(),
        )
        .addColumn('endpoint', 'text', (col) => col.notNull().unique())
        .addColumn('p256dh', 'text', (col) => col.notNull())
        .addColumn('auth', 'text', (col) => col.notNull())
        .addColumn('order_number', 'integer', (col) => col.notNull())
        .addColumn('lang', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('push_subscriptions_number')
        .on('push_subscriptions')
        .columns(['order_number', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('push_subscriptions_expires_at')
        .on('push_subscriptions')
        .column('expires_at')
        .execute();

      await db.schema
        .createTable('push_deliveries')
        .addColumn('id', id, (col) =>
          kind === 'postgres'
            ? col.primaryKey().generatedAlwaysAsIdentity()
            : col.primaryKey().autoIncrement(),
        )
        .addColumn('subscription_id', 'bigint', (col) => col.notNull())
        .addColumn('order_id', 'bigint')
        .addColumn('number', 'integer')
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('message', 'text')
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('due_at', 'bigint', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('claimed_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('updated_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('push_deliveries_undone')
        .on('push_deliveries')
        .columns(['due_at', 'id'])
        .where(sql.ref('state'), 'in', sql`('pending', 'retrying')`)
        .execute();
      await db.schema
        .createIndex('push_deliveries_subscription')
        .on('push_deliveries')
        .column('subscription_id')
        .execute();
      await db.schema
        .createIndex('push_deliveries_updated_at')
        .on('push_deliveries')
        .column('updated_at')
        .execute();
    },
  };
}
