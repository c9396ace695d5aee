import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreKind } from '../database';

export function adminMigration(kind: StoreKind): Migration {
  const id = kind === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id_hash', 'text', (col) => col.primaryKey())
        .addColumn('label', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('admin_sessions_expires_at')
        .on('admin_sessions')
        .column('expires_at')
        .execute();

      await db.schema
        .createTable('admin_audit')
        .addColumn('id', id, (col) =>
          kind === 'postgres'
            ? col.primaryKey().generatedAlwaysAsIdentity()
            : col.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (col) => col.notNull())
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('order_number', 'integer')
        .addColumn('session_label', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('admin_audit_at').on('admin_audit').column('at').execute();
    },
  };
}
