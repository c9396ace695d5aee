import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** One row (id = 1): the café's screen state and since when (epoch ms). No row = "open". */
export function screenStateMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('screen_state')
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('since', 'bigint', (col) => col.notNull())
        .execute();
    },
  };
}
